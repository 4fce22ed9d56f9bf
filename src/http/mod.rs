//! The HTTP service: the only module that uses axum.
//!
//! One route table ([`router`]); handlers grouped by resource in the submodules; one error type
//! ([`error::ApiError`]). The store is synchronous, so every call into it runs in
//! `spawn_blocking`; queries run under a time limit enforced with a cancellation token.

pub mod articles;
pub mod error;
pub mod graph_store;
pub mod metrics;
pub mod negotiate;
pub mod resource;
pub mod sparql;
pub mod ui;

use crate::store::{Database, Limits, StoreError};
use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use error::ApiError;
use oxigraph::sparql::CancellationToken;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower_http::cors::{Any, CorsLayer};

/// The settings of a running service.
#[derive(Debug, Clone)]
pub struct Config {
    /// The base of every IRI the service mints (ends with `/`).
    pub base_iri: String,
    /// The bearer token that allows writes; `None` makes the service read-only.
    pub update_token: Option<String>,
    /// The time limit of one query.
    pub query_timeout: Duration,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Evaluation limits (result cap).
    pub limits: Limits,
    /// Where the stored queries (`*.rq`) are.
    pub queries_dir: std::path::PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            base_iri: crate::DEFAULT_BASE_IRI.to_owned(),
            update_token: None,
            query_timeout: Duration::from_secs(30),
            max_body_bytes: 10 * 1024 * 1024,
            limits: Limits::default(),
            queries_dir: crate::resource_dir("queries"),
        }
    }
}

/// What every handler shares.
pub struct AppState {
    /// The store.
    pub db: Database,
    /// The settings.
    pub config: Config,
    /// Counters for `/metrics`.
    pub metrics: metrics::Metrics,
    /// Serialises writes: oxigraph 0.5 does not detect every write-write conflict.
    pub writer: tokio::sync::Mutex<()>,
}

/// The shared state handed to axum.
pub type SharedState = Arc<AppState>;

/// Builds the route table. Kept apart from `main` so that tests drive it without a socket.
pub fn router(db: Database, config: Config) -> Router {
    let body_limit = config.max_body_bytes;
    let state = Arc::new(AppState {
        db,
        config,
        metrics: metrics::Metrics::default(),
        writer: tokio::sync::Mutex::new(()),
    });
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD, Method::POST])
        .expose_headers([header::CONTENT_TYPE, header::LOCATION])
        .allow_headers([header::ACCEPT, header::CONTENT_TYPE]);
    Router::new()
        .route("/", get(ui::index))
        .route("/sparql", get(sparql::get_query).post(sparql::post_query))
        .route("/update", axum::routing::post(sparql::post_update))
        .route(
            "/store",
            get(graph_store::get)
                .head(graph_store::get)
                .put(graph_store::put)
                .post(graph_store::post)
                .delete(graph_store::delete),
        )
        .route("/articles", get(articles::list).post(articles::post))
        .route("/articles/{id}", get(articles::get).delete(articles::delete))
        .route("/id/{*path}", get(resource::get))
        .route("/health", get(health))
        .route("/metrics", get(metrics::handler))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(middleware::from_fn_with_state(Arc::clone(&state), observe))
        .layer(cors)
        .with_state(state)
}

async fn health() -> &'static str {
    "ok\n"
}

async fn not_found() -> ApiError {
    ApiError::NotFound(
        "nothing here; the SPARQL endpoint is /sparql and the analyst pages are at /".to_owned(),
    )
}

/// Logs one line per request and records it in the metrics.
async fn observe(State(state): State<SharedState>, request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "other".to_owned(), |m| m.as_str().to_owned());
    let response = next.run(request).await;
    let elapsed = start.elapsed();
    let status = response.status().as_u16();
    state.metrics.record(&route, status, elapsed);
    let ms = elapsed.as_secs_f64() * 1000.0;
    tracing::info!(%method, %path, status, ms = format_args!("{ms:.1}"), "request");
    response
}

/// Checks `Authorization: Bearer <token>` against the configured token, in constant time.
pub fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = &state.config.update_token else {
        return Err(ApiError::Forbidden(
            "writes are disabled on this endpoint: start it with --update-token or BILATERAL_UPDATE_TOKEN"
                .to_owned(),
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .ok_or_else(|| {
            ApiError::Unauthorized(
                "this operation needs an `Authorization: Bearer <token>` header".to_owned(),
            )
        })?;
    // Hashing both sides first makes the comparison independent of where they differ and of
    // their lengths.
    let a = Sha256::digest(given.trim().as_bytes());
    let b = Sha256::digest(expected.as_bytes());
    let diff = a.iter().zip(b.iter()).fold(0_u8, |acc, (x, y)| acc | (x ^ y));
    if diff == 0 {
        Ok(())
    } else {
        Err(ApiError::Forbidden("the bearer token is not valid".to_owned()))
    }
}

/// Runs store work on the blocking pool under the query time limit: past it, the token is
/// cancelled (evaluation stops cooperatively) and the client gets [`ApiError::Timeout`].
pub async fn run_limited<T: Send + 'static>(
    state: &SharedState,
    work: impl FnOnce(&Database, CancellationToken) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let token = CancellationToken::new();
    let db = state.db.clone();
    let inner_token = token.clone();
    let handle = tokio::task::spawn_blocking(move || work(&db, inner_token));
    let limit = state.config.query_timeout;
    match tokio::time::timeout(limit, handle).await {
        Ok(Ok(result)) => result.map_err(|e| match e {
            StoreError::Cancelled => ApiError::Timeout(limit.as_secs()),
            other => other.into(),
        }),
        Ok(Err(join)) => Err(ApiError::Internal(format!("the store task failed: {join}"))),
        Err(_) => {
            token.cancel();
            state.metrics.query_timeout();
            Err(ApiError::Timeout(limit.as_secs()))
        }
    }
}

/// Runs store work on the blocking pool without a time limit (writes, which must finish).
pub async fn run_blocking<T: Send + 'static>(
    state: &SharedState,
    work: impl FnOnce(&Database) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let db = state.db.clone();
    tokio::task::spawn_blocking(move || work(&db))
        .await
        .map_err(|e| ApiError::Internal(format!("the store task failed: {e}")))?
        .map_err(ApiError::from)
}

/// The value of a header as text, when it is one.
pub fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The media type of a `Content-Type` header, lowercased and without parameters.
pub fn content_type(headers: &HeaderMap) -> Option<String> {
    header_str(headers, header::CONTENT_TYPE).map(|v| {
        v.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    })
}

/// Maps the rejection of a body extractor to our error (413 past the body limit).
pub fn body_error(rejection: &axum::extract::rejection::BytesRejection, limit: usize) -> ApiError {
    if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge(limit)
    } else {
        ApiError::BadRequest(format!("cannot read the request body: {rejection}"))
    }
}
