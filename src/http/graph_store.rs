//! The [SPARQL 1.1 Graph Store HTTP Protocol](https://www.w3.org/TR/sparql11-http-rdf-update/)
//! on `/store`: reads are open, writes need the bearer token.

use crate::http::error::ApiError;
use crate::http::{
    ClientAddr, SharedState, authorize, body_error, content_type, header_str, negotiate, run_limited,
    run_write,
};
use crate::store::{OutputFormat, QueryForm};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, NamedNode};

/// Which graph a request names: `?graph=IRI`, `?default`, or none (the whole dataset).
enum Target {
    Graph(GraphName),
    Dataset,
}

fn target(raw: Option<&str>) -> Result<Target, ApiError> {
    let mut graph = None;
    let mut default = false;
    for (key, value) in crate::http::sparql::decode_form(raw.unwrap_or_default().as_bytes())? {
        match key.as_str() {
            "graph" => graph = Some(value),
            "default" => default = true,
            _ => {}
        }
    }
    match (graph, default) {
        (Some(_), true) => Err(ApiError::BadRequest(
            "give either `graph` or `default`, not both".to_owned(),
        )),
        (Some(iri), false) => NamedNode::new(iri.as_str())
            .map(|n| Target::Graph(n.into()))
            .map_err(|e| ApiError::BadRequest(format!("`graph` is not a valid IRI: {e}"))),
        (None, true) => Ok(Target::Graph(GraphName::DefaultGraph)),
        (None, false) => Ok(Target::Dataset),
    }
}

fn rdf_response(body: Vec<u8>, format: RdfFormat) -> Response {
    let mut response = body.into_response();
    if let Ok(v) = HeaderValue::from_str(format.media_type()) {
        response.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept"));
    response
}

/// `GET` / `HEAD /store`.
pub async fn get(
    State(state): State<SharedState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let accept = header_str(&headers, header::ACCEPT);
    match target(raw.as_deref())? {
        Target::Graph(graph) => {
            let OutputFormat::Rdf(format) = negotiate::choose(QueryForm::Graph, accept, None)? else {
                return Err(ApiError::Internal(
                    "graph negotiation gave a results format".to_owned(),
                ));
            };
            let shown = graph.to_string();
            let body = run_limited(&state, move |db, _| db.read_graph(&graph, format))
                .await?
                .ok_or_else(|| ApiError::NotFound(format!("there is no graph {shown}")))?;
            Ok(rdf_response(body, format))
        }
        Target::Dataset => {
            let format = match accept {
                Some(a) if a.contains("application/n-quads") => RdfFormat::NQuads,
                _ => RdfFormat::TriG,
            };
            let body = run_limited(&state, move |db, _| db.export(format, Vec::new())).await?;
            Ok(rdf_response(body, format))
        }
    }
}

async fn write(
    state: SharedState,
    client: ClientAddr,
    raw: Option<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
    replace: bool,
) -> Result<Response, ApiError> {
    authorize(&state, client, &headers).await?;
    let body = body.map_err(|e| body_error(&e, state.config.max_body_bytes))?;
    let Target::Graph(graph) = target(raw.as_deref())? else {
        return Err(ApiError::BadRequest(
            "name the graph to write with `?graph=IRI` or `?default`".to_owned(),
        ));
    };
    let media = content_type(&headers).ok_or_else(|| {
        ApiError::UnsupportedMediaType("the body needs a Content-Type such as text/turtle".to_owned())
    })?;
    let format = RdfFormat::from_media_type(&media).ok_or_else(|| {
        ApiError::UnsupportedMediaType(format!("{media} is not an RDF format this store reads"))
    })?;
    let base = match &graph {
        GraphName::NamedNode(n) => n.as_str().to_owned(),
        _ => state.config.base_iri.clone(),
    };
    if format == RdfFormat::RdfXml && declares_entities(&body) {
        return Err(ApiError::BadRequest(
            "RDF/XML with a DOCTYPE that declares entities (<!ENTITY …>) is refused: entity expansion can blow a small body up to gigabytes; expand the entities before sending".to_owned(),
        ));
    }
    let service_base = state.config.base_iri.clone();
    let written = run_write(&state, None, move |db, _| {
        crate::summary::invalidate(db, &service_base)?;
        db.write_graph(&graph, format, Some(&base), &body, replace)
    })
    .await;
    crate::http::recount(&state).await?;
    let existed = written?;
    Ok(if existed {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::CREATED
    }
    .into_response())
}

/// `PUT /store?graph=IRI`: replaces the graph.
pub async fn put(
    State(state): State<SharedState>,
    Extension(client): Extension<ClientAddr>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    write(state, client, raw, headers, body, true).await
}

/// `POST /store?graph=IRI`: adds to the graph.
pub async fn post(
    State(state): State<SharedState>,
    Extension(client): Extension<ClientAddr>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    write(state, client, raw, headers, body, false).await
}

/// `DELETE /store?graph=IRI`: removes the graph.
pub async fn delete(
    State(state): State<SharedState>,
    Extension(client): Extension<ClientAddr>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authorize(&state, client, &headers).await?;
    let Target::Graph(graph) = target(raw.as_deref())? else {
        return Err(ApiError::BadRequest(
            "name the graph to delete with `?graph=IRI` or `?default`".to_owned(),
        ));
    };
    let shown = graph.to_string();
    let service_base = state.config.base_iri.clone();
    let deleted = run_write(&state, None, move |db, _| {
        crate::summary::invalidate(db, &service_base)?;
        db.delete_graph(&graph)
    })
    .await;
    crate::http::recount(&state).await?;
    if deleted? {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::NotFound(format!("there is no graph {shown}")))
    }
}

/// Whether an XML document declares entities in its DOCTYPE (the "billion laughs" attack
/// nests such declarations; the RDF/XML parser would expand them all in memory).
pub fn declares_entities(body: &[u8]) -> bool {
    memchr::memmem::find(body, b"<!ENTITY").is_some() || memchr::memmem::find(body, b"<!entity").is_some()
}
