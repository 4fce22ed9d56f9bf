//! The HTTP service: the only module that uses axum.
//!
//! One route table ([`router`]); handlers grouped by resource in the submodules; one error type
//! ([`error::ApiError`]). The store is synchronous, so every call into it runs in
//! `spawn_blocking`; queries run under a time limit enforced with a cancellation token.

pub mod article_page;
pub mod articles;
pub mod auth;
pub mod describe;
pub mod error;
pub mod graph_store;
pub mod metrics;
pub mod negotiate;
pub mod pair;
pub mod queries;
pub mod resource;
pub mod sparql;
pub mod summary;
pub mod ui;

use crate::store::{Database, Limits, OutputFormat};
use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use error::ApiError;
use oxigraph::sparql::CancellationToken;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tower_http::cors::{Any, CorsLayer};

/// The stack of every thread of the service's runtime (workers and the blocking pool), where
/// queries are parsed and evaluated. The parser and evaluator recurse over a query's shape;
/// [`crate::guard`] bounds that shape, and this stack holds the deepest shape it allows with a
/// wide margin: the worst cases of tests/integration/binary.rs pass with 32 MiB and abort the
/// process with 8 MiB (measured 2026-11-26), so 256 MiB is eight times what they need. It is
/// address space: only the pages a thread touches are backed by memory.
pub const THREAD_STACK_BYTES: usize = 256 * 1024 * 1024;

/// The settings of a running service.
#[derive(Debug, Clone)]
pub struct Config {
    /// The base of every IRI the service mints (ends with `/`).
    pub base_iri: String,
    /// The bearer token that allows writes; `None` makes the service read-only.
    pub update_token: Option<String>,
    /// The time limit of one query, and of one update.
    pub query_timeout: Duration,
    /// The most queries evaluated at once; past it a query waits up to `queue_wait`, then
    /// gets a 503.
    pub max_concurrent_queries: usize,
    /// The most memory one query may hold while it is evaluated and its answer written, in
    /// bytes (see [`crate::memory`]); past it the query is stopped with a 503.
    pub query_memory: usize,
    /// How long a query waits for a free evaluation slot.
    pub queue_wait: Duration,
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
            query_memory: 1 << 30,
            max_concurrent_queries: default_concurrent_queries(),
            queue_wait: Duration::from_secs(2),
            max_body_bytes: 10 * 1024 * 1024,
            limits: Limits::default(),
            queries_dir: crate::resource_dir("queries"),
        }
    }
}

/// Twice the cores, at least 4: queries mostly wait on the store's pages, not the CPU.
pub fn default_concurrent_queries() -> usize {
    std::thread::available_parallelism().map_or(4, |n| (2 * n.get()).max(4))
}

/// Checks a configured update token: it must be usable in an `Authorization` header exactly as
/// given (visible ASCII, no spaces), and long enough not to be guessed. Returns it trimmed of
/// surrounding white space (a trailing newline from `$(cat token-file)` is a common slip).
pub fn check_token(token: &str) -> Result<String, String> {
    let t = token.trim();
    if t.is_empty() {
        return Err("the update token is empty".to_owned());
    }
    if let Some(c) = t.chars().find(|c| !c.is_ascii_graphic()) {
        return Err(format!(
            "the update token holds {c:?}, which an Authorization header cannot carry; use letters, digits and punctuation only"
        ));
    }
    if t.len() < 8 {
        return Err("the update token is shorter than 8 characters; use a longer one".to_owned());
    }
    Ok(t.to_owned())
}

/// What every handler shares.
pub struct AppState {
    /// The store.
    pub db: Database,
    /// The settings.
    pub config: Config,
    /// Counters for `/metrics`.
    pub metrics: metrics::Metrics,
    /// Serialises writes: oxigraph 0.5 does not detect every write-write conflict. Held by the
    /// blocking task that writes (not by the handler), so that a write answered with a time-out
    /// keeps it until it has really stopped.
    pub writer: Arc<tokio::sync::Mutex<()>>,
    /// One permit per query evaluated at once.
    query_slots: Arc<tokio::sync::Semaphore>,
    /// Queries that outran their attempt on the async worker (see [`run_streamed`]), by the
    /// hash their handler gives: the next time they go straight to the blocking pool.
    long_queries: LongQueries,
    /// The cancellation tokens of the work running now (cancelled all at once on shutdown).
    running: Mutex<HashMap<u64, CancellationToken>>,
    next_run: AtomicU64,
    /// Failed authorisations per client, to slow down guessing.
    pub auth_failures: auth::Throttle,
    /// The extraction JSON of recently read articles (`GET /articles/{id}`), by id.
    pub extractions: ExtractionCache,
    /// When the store was last written through this server (seconds since 1970), or when the
    /// server started: no document it serves has changed since (`Last-Modified`).
    pub last_write: std::sync::atomic::AtomicU64,
}

/// Seconds since 1970, now.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// An HTTP date (RFC 9110 IMF-fixdate) of seconds since 1970.
pub fn http_date(secs: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let epoch = crate::extract::time::Day {
        year: 1970,
        month: 1,
        day: 1,
    };
    let d = epoch.plus_days(days);
    let rest = secs % 86_400;
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        DAYS[usize::try_from(days.rem_euclid(7)).unwrap_or(0)],
        d.day,
        MONTHS[usize::try_from(d.month.saturating_sub(1)).unwrap_or(0) % 12],
        d.year,
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The cached JSON by id, the ids oldest first, and their total size.
type CacheEntries = (
    HashMap<String, Arc<Vec<u8>>>,
    std::collections::VecDeque<String>,
    usize,
);

/// The extraction JSON of the articles read last. An article's id is the hash of its text, so
/// an entry never goes stale; it only has to be bounded.
#[derive(Default)]
pub struct ExtractionCache {
    entries: Mutex<CacheEntries>,
}

impl ExtractionCache {
    const MAX_ENTRIES: usize = 256;
    const MAX_BYTES: usize = 64 * 1024 * 1024;

    /// The cached JSON of an article.
    pub fn get(&self, id: &str) -> Option<Arc<Vec<u8>>> {
        self.entries.lock().ok()?.0.get(id).cloned()
    }

    /// Caches the JSON of an article (forgetting the oldest entries past the bounds).
    pub fn insert(&self, id: String, json: Vec<u8>) -> Arc<Vec<u8>> {
        let json = Arc::new(json);
        if let Ok(mut guard) = self.entries.lock() {
            let (map, order, bytes) = &mut *guard;
            if !map.contains_key(&id) {
                *bytes += json.len();
                map.insert(id.clone(), Arc::clone(&json));
                order.push_back(id);
            }
            while order.len() > Self::MAX_ENTRIES || *bytes > Self::MAX_BYTES {
                let Some(old) = order.pop_front() else { break };
                if let Some(j) = map.remove(&old) {
                    *bytes -= j.len();
                }
            }
        }
        json
    }
}

impl AppState {
    /// Cancels every query and update running now (on shutdown).
    pub fn cancel_all(&self) {
        if let Ok(running) = self.running.lock() {
            for token in running.values() {
                token.cancel();
            }
        }
    }

    /// How many store tasks are running now.
    pub fn running(&self) -> usize {
        self.running.lock().map_or(0, |r| r.len())
    }

    fn register(self: &Arc<Self>, token: CancellationToken) -> Registered {
        let id = self.next_run.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut running) = self.running.lock() {
            running.insert(id, token);
        }
        Registered {
            state: Arc::clone(self),
            id,
        }
    }
}

/// Removes a task's token from [`AppState::running`] when the task ends.
struct Registered {
    state: Arc<AppState>,
    id: u64,
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Ok(mut running) = self.state.running.lock() {
            running.remove(&self.id);
        }
    }
}

/// Cancels a token when the request that owns it is dropped: a client that hangs up stops its
/// query too.
struct CancelOnDrop(CancellationToken);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// The shared state handed to axum.
pub type SharedState = Arc<AppState>;

/// Builds the shared state of a service.
pub fn state(db: Database, config: Config) -> SharedState {
    let slots = config.max_concurrent_queries.max(1);
    Arc::new(AppState {
        db,
        config,
        metrics: metrics::Metrics::default(),
        writer: Arc::new(tokio::sync::Mutex::new(())),
        query_slots: Arc::new(tokio::sync::Semaphore::new(slots)),
        long_queries: LongQueries::default(),
        running: Mutex::new(HashMap::new()),
        next_run: AtomicU64::new(0),
        auth_failures: auth::Throttle::default(),
        extractions: ExtractionCache::default(),
        last_write: std::sync::atomic::AtomicU64::new(unix_now()),
    })
}

/// Builds the route table. Kept apart from `main` so that tests drive it without a socket.
pub fn router(db: Database, config: Config) -> Router {
    router_with_state(state(db, config))
}

/// Builds the route table over a state the caller keeps (to cancel its work on shutdown).
pub fn router_with_state(state: SharedState) -> Router {
    let body_limit = state.config.max_body_bytes;
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
        .route("/ontology", get(describe::ontology))
        .route("/context.jsonld", get(describe::context))
        .route("/search", get(describe::search))
        .route("/pair", get(pair::redirect))
        .route("/pair/{a}/{b}", get(pair::get))
        .route("/.well-known/void", get(describe::void))
        .route("/queries", get(queries::list))
        .route("/queries/{name}", get(queries::answer))
        .route("/health", get(health))
        .route("/metrics", get(metrics::handler))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(middleware::from_fn_with_state(Arc::clone(&state), observe))
        .layer(cors)
        .layer(middleware::from_fn(security_headers))
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

async fn method_not_allowed(request: Request) -> ApiError {
    ApiError::MethodNotAllowed(format!(
        "{} is not allowed on {}",
        request.method(),
        request.uri().path()
    ))
}

/// Headers on every answer: a Content-Security-Policy that lets a page run only the script it
/// carries itself and talk only to this service (so a link or markup that slipped through
/// cannot load or send anything), no MIME sniffing, no framing by other sites. Also gives
/// every empty 4xx answer of the HTTP layer a sentence.
async fn security_headers(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let is_preflight = method == Method::OPTIONS;
    let mut response = next.run(request).await;
    let status = response.status();
    if is_preflight && status.is_success() && !is_known_path(&path) {
        response = ApiError::NotFound(format!("there is no resource at {path}")).into_response();
    } else if (status.is_client_error() || status.is_server_error())
        && response.headers().get(header::CONTENT_TYPE).is_none()
    {
        let text = match status.as_u16() {
            405 => format!("{method} is not allowed on {path}"),
            413 => "the request body is larger than the limit of this endpoint".to_owned(),
            415 => "the request body's media type is not one this route reads".to_owned(),
            _ => format!(
                "the request was refused ({})",
                status.canonical_reason().unwrap_or("error")
            ),
        };
        let mut sentence = (status, format!("{text}\n")).into_response();
        sentence.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        for (name, value) in response.headers() {
            if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
                sentence.headers_mut().insert(name.clone(), value.clone());
            }
        }
        response = sentence;
    }
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(ui::content_security_policy()),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

fn is_known_path(path: &str) -> bool {
    matches!(
        path,
        "/" | "/sparql" | "/update" | "/store" | "/articles" | "/health" | "/metrics"
    ) || path.starts_with("/articles/")
        || path.starts_with("/id/")
}

/// The address of the client, put into every request's extensions by [`observe`] (`None` when
/// the service runs without a socket, as in tests).
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<std::net::IpAddr>);

/// Logs one line per request and records it in the metrics.
async fn observe(State(state): State<SharedState>, mut request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "other".to_owned(), |m| m.as_str().to_owned());
    let client = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    request.extensions_mut().insert(ClientAddr(client));
    let response = next.run(request).await;
    let elapsed = start.elapsed();
    let status = response.status().as_u16();
    state.metrics.record(&route, status, elapsed);
    let ms = elapsed.as_secs_f64() * 1000.0;
    tracing::info!(%method, %path, status, ms = format_args!("{ms:.1}"), "request");
    response
}

/// Checks `Authorization: Bearer <token>` against the configured token, in constant time, and
/// slows down a client that keeps failing (see [`auth::Throttle`]).
pub async fn authorize(state: &AppState, client: ClientAddr, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = &state.config.update_token else {
        return Err(ApiError::Forbidden(
            "writes are disabled on this endpoint: start it with --update-token or BILATERAL_UPDATE_TOKEN"
                .to_owned(),
        ));
    };
    state.auth_failures.check(client.0)?;
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(auth::bearer)
        .ok_or_else(|| {
            ApiError::Unauthorized(
                "this operation needs an `Authorization: Bearer <token>` header".to_owned(),
            )
        });
    let given = match given {
        Ok(g) => g,
        Err(e) => return Err(e),
    };
    // Hashing both sides first makes the comparison independent of where they differ and of
    // their lengths.
    let a = Sha256::digest(given.trim().as_bytes());
    let b = Sha256::digest(expected.as_bytes());
    let diff = a.iter().zip(b.iter()).fold(0_u8, |acc, (x, y)| acc | (x ^ y));
    if diff == 0 {
        state.auth_failures.succeeded(client.0);
        Ok(())
    } else {
        let delay = state.auth_failures.failed(client.0);
        tokio::time::sleep(delay).await;
        Err(ApiError::Forbidden("the bearer token is not valid".to_owned()))
    }
}

/// An evaluation slot: waits up to the queue's limit, then refuses with 503.
async fn query_slot(state: &SharedState) -> Result<tokio::sync::OwnedSemaphorePermit, ApiError> {
    let wait = state.config.queue_wait;
    tokio::time::timeout(wait, Arc::clone(&state.query_slots).acquire_owned())
        .await
        .map_err(|_| {
            state.metrics.query_rejected();
            ApiError::Busy(format!(
                "{} queries are being evaluated, the most this endpoint runs at once; try again in a moment",
                state.config.max_concurrent_queries
            ))
        })?
        .map_err(|_| ApiError::Busy("the service is shutting down".to_owned()))
}

/// Runs store work on the blocking pool under the query time limit and the limit of queries
/// evaluated at once. Past the time limit the token is cancelled (evaluation stops
/// cooperatively, within a second: see `vendor/spareval/PATCH.md`) and the client gets
/// [`ApiError::Timeout`]; the evaluation slot is held until the work has really stopped.
pub async fn run_limited<T, E>(
    state: &SharedState,
    work: impl FnOnce(&Database, CancellationToken) -> Result<T, E> + Send + 'static,
) -> Result<T, ApiError>
where
    T: Send + 'static,
    E: Into<ApiError> + Send + 'static,
{
    let permit = query_slot(state).await?;
    let token = CancellationToken::new();
    let _cancel_on_drop = CancelOnDrop(token.clone());
    let registered = state.register(token.clone());
    let db = state.db.clone();
    let inner_token = token.clone();
    let memory = state.config.query_memory;
    let handle = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let _registered = registered;
        let budget = crate::memory::Budget::new(memory, inner_token.clone());
        let result = {
            let _entered = budget.enter();
            work(&db, inner_token)
        };
        // What the work built is dropped by now: the memory is back with the allocator.
        if budget.exceeded() {
            return Err(ApiError::MemoryLimit(budget.limit() >> 20));
        }
        result.map_err(Into::into)
    });
    let limit = state.config.query_timeout;
    match tokio::time::timeout(limit, handle).await {
        Ok(Ok(result)) => result.map_err(|e| match e {
            ApiError::Timeout(_) => ApiError::Timeout(limit.as_secs()),
            other => other,
        }),
        Ok(Err(join)) => Err(ApiError::Internal(format!("the store task failed: {join}"))),
        Err(_) => {
            token.cancel();
            state.metrics.query_timeout();
            Err(ApiError::Timeout(limit.as_secs()))
        }
    }
}

/// The size of a chunk of a streamed answer; an answer that fits in the first is sent whole,
/// with a status that can still tell of an error found at its end.
pub const STREAM_CHUNK: usize = 64 * 1024;

/// A query's answer as the endpoint sends it.
pub enum Answer {
    /// The whole answer, found before its first chunk filled.
    Whole(Vec<u8>),
    /// The answer as the evaluation finds it, chunk by chunk.
    Streamed(axum::body::Body),
}

type Chunk = Result<axum::body::Bytes, std::io::Error>;

/// How a streamed query's work ended: its whole answer (`Some`, nothing sent yet) or `None`
/// (every chunk sent), or an error.
type WorkEnd = Result<Option<(OutputFormat, Vec<u8>)>, ApiError>;

/// Where a streamed query writes its answer: a buffer of [`STREAM_CHUNK`] bytes whose full
/// chunks go to the client as they fill. The first full chunk starts the response (with the
/// format given to [`Sink::start`]); a send that fails (the client went away) fails the write,
/// which stops the evaluation.
pub struct Sink {
    buffer: Vec<u8>,
    format: Option<OutputFormat>,
    head: Option<tokio::sync::oneshot::Sender<(OutputFormat, axum::body::Bytes)>>,
    rest: tokio::sync::mpsc::Sender<Chunk>,
    /// The sink of an attempt on the async worker ([`run_streamed`]): it sends nothing, and a
    /// full chunk ends the attempt instead (`overflowed`).
    inline: bool,
    overflowed: bool,
}

impl Sink {
    /// Whether a chunk was sent, or is to be: the answer is larger than one chunk.
    fn overflowed_once(&self) -> bool {
        self.head.is_none() || self.buffer.len() >= STREAM_CHUNK
    }

    /// Sets the format of the answer, before anything is written.
    pub fn start(&mut self, format: OutputFormat) {
        self.format = Some(format);
    }

    fn send(&mut self) -> std::io::Result<()> {
        if self.inline {
            self.overflowed = true;
            return Err(std::io::Error::other("the answer is larger than one chunk"));
        }
        let chunk = {
            // The chunk is freed on the thread that sends it to the client: not this query's.
            let _paused = crate::memory::pause();
            axum::body::Bytes::copy_from_slice(&self.buffer)
        };
        self.buffer.clear();
        let gone = || std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client went away");
        match self.head.take() {
            Some(head) => {
                let format = self
                    .format
                    .ok_or_else(|| std::io::Error::other("an answer without a format"))?;
                head.send((format, chunk)).map_err(|_| gone())
            }
            None => self.rest.blocking_send(Ok(chunk)).map_err(|_| gone()),
        }
    }

    /// Ends the answer: the whole of it when nothing was sent yet, else `None` once the last
    /// chunk is sent.
    fn finish(mut self) -> std::io::Result<Option<(OutputFormat, Vec<u8>)>> {
        if self.head.is_some() {
            let format = self
                .format
                .ok_or_else(|| std::io::Error::other("an answer without a format"))?;
            return Ok(Some((format, std::mem::take(&mut self.buffer))));
        }
        if !self.buffer.is_empty() {
            self.send()?;
        }
        Ok(None)
    }

    /// Ends a streamed answer with an error: the client sees the response cut short.
    fn fail(&self, message: &str) {
        if self.head.is_none() {
            tracing::warn!(error = message, "a streamed answer was cut short");
            let _ = self
                .rest
                .blocking_send(Err(std::io::Error::other(message.to_owned())));
        }
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= STREAM_CHUNK {
            self.send()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The chunks of a streamed answer, as a body: the first, then the rest as they come. It
/// holds the query's cancellation guard: a client that goes away drops the body, which cancels
/// the query.
struct Chunks {
    first: Option<axum::body::Bytes>,
    rx: tokio::sync::mpsc::Receiver<Chunk>,
    _cancel: CancelOnDrop,
}

impl futures_core::Stream for Chunks {
    type Item = Chunk;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        if let Some(first) = self.first.take() {
            return std::task::Poll::Ready(Some(Ok(first)));
        }
        self.rx.poll_recv(cx)
    }
}

/// Like [`run_limited`], for a query that writes its answer into a [`Sink`]: an answer larger
/// than one chunk is streamed to the client while the query runs, under the same time limit,
/// memory budget and cancellation, instead of being built whole in memory. An error found
/// before the first chunk is sent is a normal error response; one found later cuts the
/// response short (the client sees an incomplete body, as from any endpoint that streams).
pub async fn run_streamed<E>(
    state: &SharedState,
    key: Option<u64>,
    work: impl Fn(&Database, CancellationToken, &mut Sink) -> Result<(), E> + Send + Sync + 'static,
) -> Result<(OutputFormat, Answer), ApiError>
where
    E: Into<ApiError> + Send + 'static,
{
    let permit = query_slot(state).await?;
    // A short query is answered on the async worker: the hand-off to the blocking pool and
    // back (two thread wake-ups) costs more than `ASK {}` itself. The attempt stops itself at
    // INLINE_BUDGET, or once its answer fills a chunk, and the query then runs again from the
    // start on the blocking pool, as below. Nothing has been sent by then. `key` identifies the
    // query (its text and parameters, hashed by the handler: see [`inline_key`]); `None` keeps
    // the query off the async worker, and so does having outrun the attempt before (until a run
    // on the pool shows it short again).
    if let Some(key) = key.filter(|k| !state.long_queries.contains(*k)) {
        match run_inline(state, &work) {
            Inline::Answered(answer) => return answer,
            Inline::TooLong => state.long_queries.insert(key),
        }
    }
    let token = CancellationToken::new();
    let cancel_on_drop = CancelOnDrop(token.clone());
    let registered = state.register(token.clone());
    let db = state.db.clone();
    let inner_token = token.clone();
    let memory = state.config.query_memory;
    let (head_tx, mut head_rx) = tokio::sync::oneshot::channel();
    let (rest_tx, rest_rx) = tokio::sync::mpsc::channel(2);
    let mut sink = Sink {
        buffer: Vec::new(),
        format: None,
        head: Some(head_tx),
        rest: rest_tx,
        inline: false,
        overflowed: false,
    };
    let shared = Arc::clone(state);
    let mut handle = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let _registered = registered;
        let budget = crate::memory::Budget::new(memory, inner_token.clone());
        let started = Instant::now();
        let outcome = {
            let _entered = budget.enter();
            work(&db, inner_token, &mut sink)
        };
        // A query that was only slow once (a cold cache, a busy core) is tried inline again.
        if let Some(key) =
            key.filter(|_| outcome.is_ok() && !sink.overflowed_once() && started.elapsed() < INLINE_BUDGET)
        {
            shared.long_queries.remove(key);
        }
        // What the work built is dropped by now: the memory is back with the allocator.
        let error = match outcome {
            _ if budget.exceeded() => ApiError::MemoryLimit(budget.limit() >> 20),
            Ok(()) => {
                return sink
                    .finish()
                    .map_err(|e| ApiError::Internal(format!("cannot send the answer: {e}")));
            }
            Err(e) => e.into(),
        };
        // A response already under way is cut short with the error.
        sink.fail(&error.to_string());
        Err(error)
    });
    let limit = state.config.query_timeout;
    let deadline = tokio::time::Instant::now() + limit;
    let timed_out = || {
        token.cancel();
        state.metrics.query_timeout();
        ApiError::Timeout(limit.as_secs())
    };
    let ended = |done: Result<WorkEnd, tokio::task::JoinError>| match done {
        Ok(Ok(Some((format, body)))) => Ok((format, Answer::Whole(body))),
        Ok(Ok(None)) => Err(ApiError::Internal(
            "the answer ended before it started".to_owned(),
        )),
        Ok(Err(ApiError::Timeout(_))) => Err(ApiError::Timeout(limit.as_secs())),
        Ok(Err(e)) => Err(e),
        Err(join) => Err(ApiError::Internal(format!("the store task failed: {join}"))),
    };
    // The start of the answer first: once a chunk is out the answer streams, whether or not the
    // work has ended since.
    tokio::select! {
        biased;
        head = &mut head_rx => match head {
            Ok((format, first)) => {
                // Streaming: the time limit still holds, watched beside the response.
                let watched = state.clone();
                let watch_token = token.clone();
                tokio::spawn(async move {
                    if tokio::time::timeout_at(deadline, handle).await.is_err() {
                        watch_token.cancel();
                        watched.metrics.query_timeout();
                    }
                });
                let body = axum::body::Body::from_stream(Chunks {
                    first: Some(first),
                    rx: rest_rx,
                    _cancel: cancel_on_drop,
                });
                Ok((format, Answer::Streamed(body)))
            }
            // The sink went with the work without sending: its outcome is the answer.
            Err(_) => match tokio::time::timeout_at(deadline, handle).await {
                Ok(done) => ended(done),
                Err(_) => Err(timed_out()),
            },
        },
        done = &mut handle => ended(done),
        () = tokio::time::sleep_until(deadline) => Err(timed_out()),
    }
}

/// How long a query may run on the async worker before it is handed to the blocking pool.
pub const INLINE_BUDGET: Duration = Duration::from_millis(1);

/// A direct-mapped set of query hashes: a slot per hash's low bits, overwritten on collision.
/// Forgetting a query only costs it one more attempt on the async worker.
struct LongQueries([AtomicU64; 512]);

impl Default for LongQueries {
    fn default() -> Self {
        Self(std::array::from_fn(|_| AtomicU64::new(0)))
    }
}

impl LongQueries {
    fn slot(&self, key: u64) -> &AtomicU64 {
        // Truncation intended: the low bits pick the slot.
        #[allow(clippy::cast_possible_truncation)]
        &self.0[key as usize % self.0.len()]
    }

    fn contains(&self, key: u64) -> bool {
        self.slot(key).load(Ordering::Relaxed) == key
    }

    fn insert(&self, key: u64) {
        self.slot(key).store(key, Ordering::Relaxed);
    }

    fn remove(&self, key: u64) {
        let _ = self
            .slot(key)
            .compare_exchange(key, 0, Ordering::Relaxed, Ordering::Relaxed);
    }
}

/// The longest query text tried on the async worker. Parsing and planning are not cancellable
/// (only evaluation checks its token), and their cost grows with the text: a path of 10,000
/// steps takes seconds to plan, which must not hold an async worker.
pub const INLINE_TEXT_BYTES: usize = 4096;

/// The key of a query for [`run_streamed`]: a hash of what makes its cost (its text first), or
/// `None` for a text too long to be tried on the async worker.
pub fn inline_key(parts: &[&str]) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    if parts.first().is_some_and(|text| text.len() > INLINE_TEXT_BYTES) {
        return None;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    parts.hash(&mut hasher);
    // 0 marks an empty slot.
    Some(hasher.finish().max(1))
}

enum Inline {
    /// The query ended within the budget: its whole answer, or its error.
    Answered(Result<(OutputFormat, Answer), ApiError>),
    /// The query reached the budget, or its answer filled a chunk: it runs again on the pool.
    TooLong,
}

/// The attempt of [`run_streamed`] on the async worker, under the same memory budget, with a
/// token that cancels itself at [`INLINE_BUDGET`] and a sink that sends nothing.
fn run_inline<E>(
    state: &SharedState,
    work: &impl Fn(&Database, CancellationToken, &mut Sink) -> Result<(), E>,
) -> Inline
where
    E: Into<ApiError>,
{
    let token = CancellationToken::with_deadline(std::time::Instant::now() + INLINE_BUDGET);
    let (head, _) = tokio::sync::oneshot::channel();
    let (rest, _) = tokio::sync::mpsc::channel(1);
    let mut sink = Sink {
        buffer: Vec::new(),
        format: None,
        head: Some(head),
        rest,
        inline: true,
        overflowed: false,
    };
    let budget = crate::memory::Budget::new(state.config.query_memory, token.clone());
    let outcome = {
        let _entered = budget.enter();
        work(&state.db, token.clone(), &mut sink)
    };
    if budget.exceeded() {
        return Inline::Answered(Err(ApiError::MemoryLimit(budget.limit() >> 20)));
    }
    match outcome {
        Ok(()) => match sink.finish() {
            Ok(Some((format, body))) => Inline::Answered(Ok((format, Answer::Whole(body)))),
            _ => Inline::TooLong,
        },
        // Stopped by the attempt's own limits, not by the query: run it on the pool.
        Err(_) if sink.overflowed || token.is_cancelled() => Inline::TooLong,
        Err(e) => Inline::Answered(Err(e.into())),
    }
}

/// Runs a write on the blocking pool, holding the writer lock inside the task (so that it is
/// released only when the write has really ended). With a `limit`, the token is cancelled past
/// it and the client gets [`ApiError::Timeout`]; without one the write runs to its end even if
/// the client goes away (a write is all or nothing either way).
/// After a write that may have changed events outside an article's ingestion or retraction
/// (the Graph Store, `/update`), which marked the summary's counts out of date before it: they
/// are counted again (see `crate::summary`), before the response (about 8 s at 10,000
/// articles).
pub async fn recount(state: &SharedState) -> Result<(), ApiError> {
    let base = state.config.base_iri.clone();
    run_write(state, None, move |db, _| {
        crate::summary::rebuild(db, &base).map(|_| ())
    })
    .await
}

pub async fn run_write<T, E>(
    state: &SharedState,
    limit: Option<Duration>,
    work: impl FnOnce(&Database, CancellationToken) -> Result<T, E> + Send + 'static,
) -> Result<T, ApiError>
where
    T: Send + 'static,
    E: Into<ApiError> + Send + 'static,
{
    let guard = Arc::clone(&state.writer).lock_owned().await;
    let token = CancellationToken::new();
    let registered = state.register(token.clone());
    let db = state.db.clone();
    let inner_token = token.clone();
    let written = Arc::clone(state);
    let handle = tokio::task::spawn_blocking(move || {
        let _guard = guard;
        let _registered = registered;
        let result = work(&db, inner_token).map_err(Into::into);
        written
            .last_write
            .store(unix_now(), std::sync::atomic::Ordering::Release);
        result
    });
    let joined = if let Some(limit) = limit {
        if let Ok(joined) = tokio::time::timeout(limit, handle).await {
            joined
        } else {
            token.cancel();
            state.metrics.query_timeout();
            return Err(ApiError::UpdateTimeout(limit.as_secs()));
        }
    } else {
        handle.await
    };
    match joined {
        Ok(result) => result.map_err(|e| match (e, limit) {
            (ApiError::Timeout(_), Some(limit)) => ApiError::UpdateTimeout(limit.as_secs()),
            (other, _) => other,
        }),
        Err(join) => Err(ApiError::Internal(format!("the store task failed: {join}"))),
    }
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

#[cfg(test)]
mod date_tests {
    #[test]
    fn http_dates() {
        // Checked against Python's email.utils.formatdate(usegmt=True).
        assert_eq!(super::http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(super::http_date(1_795_000_000), "Wed, 18 Nov 2026 11:06:40 GMT");
    }
}
