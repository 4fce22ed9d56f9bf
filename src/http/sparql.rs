//! The [SPARQL 1.1 Protocol](https://www.w3.org/TR/sparql11-protocol/): queries on `/sparql`
//! (GET, form POST, direct POST), updates on `/update`, and the
//! [Service Description](https://www.w3.org/TR/sparql11-service-description/) when `/sparql` is
//! called without a query.

use crate::http::error::ApiError;
use crate::http::{
    Answer, ClientAddr, SharedState, authorize, body_error, content_type, header_str, negotiate,
    run_streamed, run_write,
};
use crate::store::{OutputFormat, QueryForm, prepare_query};
use crate::vocab;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{BlankNode, Literal, NamedNode, Triple};

/// The parameters of a query or update request, from the URL and the form body.
#[derive(Debug, Default)]
struct Params {
    query: Option<String>,
    update: Option<String>,
    default_graphs: Vec<String>,
    named_graphs: Vec<String>,
    format: Option<String>,
}

impl Params {
    fn read(&mut self, encoded: &[u8]) -> Result<(), ApiError> {
        for (key, value) in decode_form(encoded)? {
            match key.as_str() {
                "query" => set_once(&mut self.query, value, "query")?,
                "update" => set_once(&mut self.update, value, "update")?,
                "default-graph-uri" | "using-graph-uri" => self.default_graphs.push(value),
                "named-graph-uri" | "using-named-graph-uri" => self.named_graphs.push(value),
                "format" | "output" => self.format = Some(value),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Decodes `application/x-www-form-urlencoded` text (a URL's query string or a form body),
/// refusing a name or value that is not UTF-8 once percent-decoded (where a lenient decoder
/// would put U+FFFD in its place and run a different query than the one sent).
pub fn decode_form(encoded: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    let mut out = Vec::new();
    for pair in encoded.split(|&b| b == b'&') {
        if pair.is_empty() {
            continue;
        }
        let (key, value) = match pair.iter().position(|&b| b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &pair[pair.len()..]),
        };
        let key = percent_decode(key);
        let name = String::from_utf8(key).map_err(|_| {
            ApiError::BadRequest("a parameter name is not valid UTF-8 once percent-decoded".to_owned())
        })?;
        let value = String::from_utf8(percent_decode(value)).map_err(|_| {
            ApiError::BadRequest(format!(
                "the parameter `{name}` is not valid UTF-8 once percent-decoded (check its %-escapes)"
            ))
        })?;
        out.push((name, value));
    }
    Ok(out)
}

fn percent_decode(input: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).and_then(|d| u8::try_from(d).ok());
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < input.len() => {
                if let (Some(h), Some(l)) = (hex(input[i + 1]), hex(input[i + 2])) {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn set_once(slot: &mut Option<String>, value: String, name: &str) -> Result<(), ApiError> {
    if slot.is_some() {
        return Err(ApiError::BadRequest(format!(
            "the `{name}` parameter is given more than once"
        )));
    }
    *slot = Some(value);
    Ok(())
}

/// `GET /sparql`.
pub async fn get_query(
    State(state): State<SharedState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let mut params = Params::default();
    params.read(raw.unwrap_or_default().as_bytes())?;
    answer(state, params, &headers).await
}

/// `POST /sparql`: a form (`query=`) or a direct `application/sparql-query` body.
pub async fn post_query(
    State(state): State<SharedState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|e| body_error(&e, state.config.max_body_bytes))?;
    let mut params = Params::default();
    params.read(raw.unwrap_or_default().as_bytes())?;
    match content_type(&headers).as_deref() {
        Some("application/x-www-form-urlencoded") => params.read(&body)?,
        Some("application/sparql-query") => {
            let text = String::from_utf8(body.to_vec())
                .map_err(|_| ApiError::BadRequest("the query is not valid UTF-8".to_owned()))?;
            set_once(&mut params.query, text, "query")?;
        }
        Some(other) => {
            return Err(ApiError::UnsupportedMediaType(format!(
                "POST /sparql reads application/sparql-query or application/x-www-form-urlencoded, not {other}"
            )));
        }
        None => {
            return Err(ApiError::UnsupportedMediaType(
                "POST /sparql needs a Content-Type: application/sparql-query or application/x-www-form-urlencoded".to_owned(),
            ));
        }
    }
    answer(state, params, &headers).await
}

async fn answer(state: SharedState, params: Params, headers: &HeaderMap) -> Result<Response, ApiError> {
    if params.update.is_some() {
        return Err(ApiError::BadRequest(
            "updates go to POST /update, not /sparql".to_owned(),
        ));
    }
    let accept = header_str(headers, header::ACCEPT);
    let Some(query) = params.query else {
        return service_description(&state, accept, params.format.as_deref());
    };
    let base = state.config.base_iri.clone();
    let limits = state.config.limits.clone();
    let accept = accept.map(str::to_owned);
    // Parsing, like evaluation, runs on the blocking pool (large stacks, no async worker held).
    // An answer larger than a chunk is streamed as it is found.
    let graphs = [params.default_graphs.join(" "), params.named_graphs.join(" ")];
    let key = crate::http::inline_key(&[&query, &graphs[0], &graphs[1]]);
    let (format, answer) = run_streamed(&state, key, move |db, token, sink| {
        let prepared = prepare_query(&query, Some(&base), &params.default_graphs, &params.named_graphs)?;
        let format = negotiate::choose(prepared.form, accept.as_deref(), params.format.as_deref())?;
        sink.start(format);
        db.query_to(&prepared, format, &limits, Some(token), sink)?;
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(match answer {
        Answer::Whole(body) => with_type(body, format),
        Answer::Streamed(body) => with_type_body(body, format),
    })
}

pub(crate) fn with_type(body: Vec<u8>, format: OutputFormat) -> Response {
    with_type_body(axum::body::Body::from(body), format)
}

/// A response of `body` in `format`, with its media type.
pub(crate) fn with_type_body(body: axum::body::Body, format: OutputFormat) -> Response {
    let mut response = body.into_response();
    let media = negotiate::media_type(format);
    let value = if media.contains("charset") {
        media.to_owned()
    } else if media.starts_with("text/") || media.ends_with("json") || media.ends_with("xml") {
        format!("{media}; charset=utf-8")
    } else {
        media.to_owned()
    };
    if let Ok(v) = HeaderValue::from_str(&value) {
        response.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept"));
    response
}

/// The service description (of fixed size and cost).
fn service_description(
    state: &SharedState,
    accept: Option<&str>,
    format: Option<&str>,
) -> Result<Response, ApiError> {
    // A browser following the menu gets a page that says what the endpoint is, with the
    // description as Turtle; a client asking for RDF gets RDF.
    if format.is_none() && negotiate::prefers_html(accept) {
        let body =
            String::from_utf8_lossy(&service_description_bytes(state, RdfFormat::Turtle)?).into_owned();
        return Ok(crate::http::ui::page(
            "SPARQL endpoint",
            &format!(
                "<h1>SPARQL 1.1 endpoint</h1><p><code>/sparql</code> answers the SPARQL 1.1 Query Protocol \
(GET with <code>query=</code>, or POST); the default graph is the union of all graphs. Ask it from \
<a href=\"/\">the editor</a>, <code>curl</code>, SPARQLWrapper or any SPARQL client. Its service \
description (also as RDF by <code>Accept</code>):</p><pre>{}</pre>",
                crate::http::ui::escape(&body)
            ),
        )
        .into_response());
    }
    let rdf_format = negotiate::choose(QueryForm::Graph, accept, format)?;
    let OutputFormat::Rdf(rdf) = rdf_format else {
        return Err(ApiError::Internal(
            "graph negotiation gave a results format".to_owned(),
        ));
    };
    Ok(with_type(service_description_bytes(state, rdf)?, rdf_format))
}

/// The service description in an RDF format.
fn service_description_bytes(state: &SharedState, rdf: RdfFormat) -> Result<Vec<u8>, ApiError> {
    let base = state.config.base_iri.clone();
    let triples = describe_service(&base).map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut serializer = RdfSerializer::from_format(rdf)
        .with_prefix("sd", vocab::SD)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    serializer = serializer
        .with_prefix("void", vocab::VOID)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut writer = serializer.for_writer(Vec::new());
    for t in &triples {
        writer
            .serialize_triple(t)
            .map_err(|e| ApiError::Internal(e.to_string()))?;
    }
    writer.finish().map_err(|e| ApiError::Internal(e.to_string()))
}

/// The description of the service. Of fixed size and cost, whatever the store holds: it says
/// what the endpoint does, not what every graph contains (that is a query away).
fn describe_service(base: &str) -> Result<Vec<Triple>, oxigraph::model::IriParseError> {
    let n = |ns: &str, local: &str| NamedNode::new(vocab::iri(ns, local));
    let a = NamedNode::new(vocab::RDF_TYPE)?;
    let service = NamedNode::new(format!("{base}sparql"))?;
    let mut out = vec![
        Triple::new(service.clone(), a.clone(), n(vocab::SD, "Service")?),
        Triple::new(service.clone(), n(vocab::SD, "endpoint")?, service.clone()),
        Triple::new(
            service.clone(),
            n(vocab::SD, "supportedLanguage")?,
            n(vocab::SD, "SPARQL11Query")?,
        ),
        Triple::new(
            service.clone(),
            n(vocab::SD, "feature")?,
            n(vocab::SD, "UnionDefaultGraph")?,
        ),
    ];
    for f in [
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "RDF_XML",
        "JSON-LD",
        "TriG",
        "N-Quads",
    ] {
        out.push(Triple::new(
            service.clone(),
            n(vocab::SD, "resultFormat")?,
            n(vocab::FORMATS, f)?,
        ));
    }
    let dataset = BlankNode::default();
    out.push(Triple::new(
        service.clone(),
        n(vocab::SD, "defaultDataset")?,
        dataset.clone(),
    ));
    out.push(Triple::new(dataset.clone(), a.clone(), n(vocab::SD, "Dataset")?));
    let default_graph = BlankNode::default();
    out.push(Triple::new(
        dataset.clone(),
        n(vocab::SD, "defaultGraph")?,
        default_graph.clone(),
    ));
    out.push(Triple::new(
        default_graph.clone(),
        a.clone(),
        n(vocab::SD, "Graph")?,
    ));
    out.push(Triple::new(
        default_graph,
        n(vocab::RDFS, "comment")?,
        Literal::new_simple_literal(
            "The union of all named graphs: the reference data, and two graphs per article (its statements and its provenance).",
        ),
    ));
    Ok(out)
}

/// `POST /update`: SPARQL 1.1 Update, as `application/sparql-update` or a form (`update=`).
pub async fn post_update(
    State(state): State<SharedState>,
    Extension(client): Extension<ClientAddr>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    authorize(&state, client, &headers).await?;
    let body = body.map_err(|e| body_error(&e, state.config.max_body_bytes))?;
    let mut params = Params::default();
    params.read(raw.unwrap_or_default().as_bytes())?;
    let update = match content_type(&headers).as_deref() {
        Some("application/sparql-update") => String::from_utf8(body.to_vec())
            .map_err(|_| ApiError::BadRequest("the update is not valid UTF-8".to_owned()))?,
        Some("application/x-www-form-urlencoded") => {
            params.read(&body)?;
            params
                .update
                .ok_or_else(|| ApiError::BadRequest("the form has no `update` parameter".to_owned()))?
        }
        other => {
            return Err(ApiError::UnsupportedMediaType(format!(
                "POST /update reads application/sparql-update or application/x-www-form-urlencoded, not {}",
                other.unwrap_or("a body without Content-Type")
            )));
        }
    };
    let base = state.config.base_iri.clone();
    let limit = state.config.query_timeout;
    // The summary's counts are marked out of date before the update and counted again after
    // it, whatever its outcome: a crash in between leaves them marked out of date, never wrong.
    let updated = run_write(&state, Some(limit), move |db, token| {
        crate::summary::invalidate(db, &base)?;
        db.update(&update, Some(&base), Some(token))
    })
    .await;
    crate::http::recount(&state).await?;
    updated?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
