//! Articles as a resource: `POST /articles` (ingest; token), `GET /articles` (list),
//! `GET /articles/{id}` (the extraction with its spans, or the stored graphs as RDF),
//! `DELETE /articles/{id}` (retract; token).

use crate::article::ArticleError;
use crate::http::error::ApiError;
use crate::http::{
    ClientAddr, SharedState, authorize, body_error, content_type, header_str, negotiate, run_limited,
    run_write,
};
use crate::ingest::{self, IngestError};
use crate::store::{Limits, prepare_query};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use serde::Deserialize;
use std::fmt::Write as _;

/// The JSON form of `POST /articles`: the text and, optionally, its metadata (which become the
/// header block and win over what the text suggests).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleJson {
    text: String,
    title: Option<String>,
    publisher: Option<String>,
    original_outlet: Option<String>,
    url: Option<String>,
    date: Option<String>,
    translated: Option<bool>,
}

impl From<IngestError> for ApiError {
    fn from(e: IngestError) -> Self {
        match e {
            IngestError::Article(ArticleError::TooLarge { size, limit }) => ApiError::ArticleTooLarge(
                format!("the article is {size} bytes, more than the limit of {limit} bytes"),
            ),
            IngestError::TooMuchWork(m) => ApiError::Unprocessable(m),
            IngestError::Article(a) => ApiError::BadRequest(a.to_string()),
            IngestError::Model(m) => ApiError::BadRequest(m.to_string()),
            IngestError::Read(m) => ApiError::BadRequest(m),
            IngestError::Store(s) => s.into(),
            e @ IngestError::OtherBase { .. } => ApiError::Internal(e.to_string()),
        }
    }
}

fn one_line(v: &str) -> String {
    v.replace(['\n', '\r'], " ")
}

/// `POST /articles`.
pub async fn post(
    State(state): State<SharedState>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    authorize(&state, client, &headers).await?;
    let body = body.map_err(|e| body_error(&e, state.config.max_body_bytes))?;
    let bytes: Vec<u8> = match content_type(&headers).as_deref() {
        Some("application/json") => {
            let a: ArticleJson = serde_json::from_slice(&body)
                .map_err(|e| ApiError::BadRequest(format!("the JSON body is not an article: {e}")))?;
            let mut header = String::new();
            for (k, v) in [
                ("title", &a.title),
                ("publisher", &a.publisher),
                ("original_outlet", &a.original_outlet),
                ("url", &a.url),
                ("date", &a.date),
            ] {
                if let Some(v) = v {
                    let _ = writeln!(header, "{k}: {}", one_line(v));
                }
            }
            if let Some(t) = a.translated {
                let _ = writeln!(header, "translated: {t}");
            }
            if header.is_empty() {
                a.text.into_bytes()
            } else {
                format!("{header}---\n{}", a.text).into_bytes()
            }
        }
        Some("text/plain" | "text/markdown") | None => body.to_vec(),
        Some(other) => {
            return Err(ApiError::UnsupportedMediaType(format!(
                "POST /articles reads text/plain (the article) or application/json ({{\"text\": ..., \"title\": ...}}), not {other}; with curl: -H 'Content-Type: text/plain' --data-binary @FILE"
            )));
        }
    };
    let base = state.config.base_iri.clone();
    // Reading, extraction and modelling need no store: they run before the writer is taken,
    // within the work budget of one article, so that the writer is held only to store.
    let prepared = tokio::task::spawn_blocking({
        let base = base.clone();
        move || ingest::prepare(&bytes, &base)
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))??;
    let outcome = run_write(&state, None, move |db, _| {
        ingest::store_prepared(db, &base, prepared)
    })
    .await?;
    let status = if outcome.duplicate {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let mut response = (
        status,
        Json(serde_json::json!({
            "id": outcome.id, "iri": outcome.iri, "duplicate": outcome.duplicate, "repaired": outcome.repaired, "quads": outcome.quads,
            "events": outcome.events, "claims": outcome.claims, "leaders": outcome.leaders,
        })),
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/articles/{}", outcome.id)) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    Ok(response)
}

/// `GET /articles`: every stored article with its title, publisher and date.
pub async fn list(State(state): State<SharedState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let query = format!(
        "PREFIX bil: <{}> PREFIX dct: <{}> PREFIX schema: <{}>
         SELECT DISTINCT ?article ?id ?title ?publisher ?date WHERE {{
           ?article a bil:Article ; dct:identifier ?id .
           OPTIONAL {{ ?article dct:title ?title }}
           OPTIONAL {{ ?article schema:publisher/schema:name ?publisher }}
           OPTIONAL {{ ?article dct:date ?date }}
         }} ORDER BY ?id",
        crate::vocab::BIL,
        crate::vocab::DCT,
        crate::vocab::SCHEMA
    );
    let prepared = prepare_query(&query, None, &[], &[])?;
    let table = run_limited(&state, move |db, token| {
        db.query_table(&prepared, &Limits { max_rows: 100_000 }, Some(token))
    })
    .await?;
    let text = |t: &Option<Term>| match t {
        Some(Term::Literal(l)) => Some(l.value().to_owned()),
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    };
    let rows: Vec<serde_json::Value> = table
        .rows
        .iter()
        .map(|r| {
            serde_json::json!({"iri": text(&r[0]), "id": text(&r[1]), "title": text(&r[2]), "publisher": text(&r[3]), "date": text(&r[4])})
        })
        .collect();
    if negotiate::prefers_html(header_str(&headers, header::ACCEPT)) {
        let mut body = String::from(
            "<h1>Articles</h1><table><tr><th>title</th><th>publisher</th><th>date</th><th>id</th></tr>",
        );
        for r in &rows {
            let get = |k: &str| crate::http::ui::escape(r[k].as_str().unwrap_or(""));
            let title = r["title"]
                .as_str()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or("(untitled)");
            let _ = write!(
                body,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"/articles/{}\">{}</a></td></tr>",
                crate::http::resource::link_html(
                    &state.config.base_iri,
                    r["iri"].as_str().unwrap_or(""),
                    title
                ),
                get("publisher"),
                get("date"),
                get("id"),
                get("id")
            );
        }
        body.push_str("</table>");
        return Ok(crate::http::ui::page("Articles", &body).into_response());
    }
    Ok(Json(serde_json::json!({ "articles": rows })).into_response())
}

fn valid_id(id: &str) -> Result<String, ApiError> {
    ingest::article_id(id)
        .ok_or_else(|| ApiError::NotFound(format!("{id} is not an article id (16 hex digits)")))
}

/// `GET /articles/{id}`: the extraction of the stored text as JSON (re-run by this version of the
/// extractor), or the article's stored graphs as `TriG` / N-Quads.
pub async fn get(
    State(state): State<SharedState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = valid_id(&id)?;
    let base = state.config.base_iri.clone();
    let accept = header_str(&headers, header::ACCEPT)
        .unwrap_or("application/json")
        .to_owned();
    let format = crate::http::sparql::decode_form(raw.unwrap_or_default().as_bytes())?
        .into_iter()
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.to_ascii_lowercase());
    // A browser gets the page; `format=json` (or an Accept without HTML) the extraction.
    let wants_html = format.as_deref() != Some("json")
        && (format.as_deref() == Some("html") || accept.contains("text/html"));
    let (statements, provenance) = ingest::graphs_of(&base, &id)?;
    let wants_rdf = accept.contains("application/trig") || accept.contains("application/n-quads");
    let found = run_limited(&state, {
        let (statements, provenance) = (statements.clone(), provenance.clone());
        move |db, _| {
            if !db.has_graph(&provenance)? {
                return Ok::<_, crate::store::StoreError>(None);
            }
            let mut quads = db.graph_quads(&statements)?;
            quads.extend(db.graph_quads(&provenance)?);
            Ok(Some(quads))
        }
    })
    .await?
    .ok_or_else(|| ApiError::NotFound(format!("there is no article {id}")))?;
    if wants_rdf {
        let format = if accept.contains("application/trig") {
            RdfFormat::TriG
        } else {
            RdfFormat::NQuads
        };
        let body = crate::model::serialize(&found, format).map_err(|e| ApiError::Internal(e.to_string()))?;
        let mut r = body.into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(format.media_type()),
        );
        return Ok(r);
    }
    // The stored text is the NIF context of the statement graph.
    let is_string = format!("{}isString", crate::vocab::NIF);
    let text = found
        .iter()
        .find(|q| q.predicate.as_str() == is_string)
        .and_then(|q| {
            if let Term::Literal(l) = &q.object {
                Some(l.value().to_owned())
            } else {
                None
            }
        })
        .ok_or_else(|| {
            ApiError::Damaged(format!(
                "article {id} is damaged: its statement graph (which holds its text) is missing or was edited; POST the same text to /articles again to repair it, or DELETE /articles/{id}"
            ))
        })?;
    if wants_html {
        return article_page(&state, &id, text, &found, &statements).await;
    }
    if let Some(json) = state.extractions.get(&id) {
        return Ok(json_response(&json));
    }
    let json = run_limited(&state, move |_, _| {
        let article = crate::article::read(text.as_bytes()).map_err(|e| {
            ApiError::Damaged(format!(
                "the stored text of article {id} is not an article any more: {e}"
            ))
        })?;
        let extraction = crate::extract::extract(&article, &base);
        serde_json::to_vec(&extraction)
            .map(|json| (id, json))
            .map_err(|e| ApiError::Internal(e.to_string()))
    })
    .await?;
    let (id, json) = json;
    let json = state.extractions.insert(id, json);
    Ok(json_response(&json))
}

/// The article's page: its text with what was extracted highlighted, and its provenance with
/// the digest's status (recomputed now).
async fn article_page(
    state: &SharedState,
    id: &str,
    text: String,
    found: &[oxigraph::model::Quad],
    statements: &oxigraph::model::NamedNode,
) -> Result<Response, ApiError> {
    let base = state.config.base_iri.clone();
    let digest_predicate = format!("{}canonicalDigest", crate::vocab::BIL);
    let recorded = found.iter().find_map(|q| match &q.object {
        Term::Literal(l) if q.predicate.as_str() == digest_predicate => Some(l.value().to_owned()),
        _ => None,
    });
    let graph = oxigraph::model::GraphName::NamedNode(statements.clone());
    let statement_quads: Vec<oxigraph::model::Quad> =
        found.iter().filter(|q| q.graph_name == graph).cloned().collect();
    let cached = state.extractions.get(id);
    let id_owned = id.to_owned();
    let full = text.clone();
    let (json, digest_ok) = run_limited(state, move |_, _| {
        let digest_ok =
            recorded.map(|r| crate::model::canonical_digest(&statement_quads).is_ok_and(|d| d == r));
        let json = if let Some(json) = cached {
            json.as_ref().clone()
        } else {
            let article = crate::article::read(text.as_bytes()).map_err(|e| {
                ApiError::Damaged(format!(
                    "the stored text of article {id_owned} is not an article any more: {e}"
                ))
            })?;
            serde_json::to_vec(&crate::extract::extract(&article, &base))
                .map_err(|e| ApiError::Internal(e.to_string()))?
        };
        Ok::<_, ApiError>((json, digest_ok))
    })
    .await?;
    let value: serde_json::Value =
        serde_json::from_slice(&json).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(crate::http::article_page::render(&value, &full, &state.config.base_iri, digest_ok).into_response())
}

fn json_response(json: &std::sync::Arc<Vec<u8>>) -> Response {
    let mut r = json.as_ref().clone().into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

/// `DELETE /articles/{id}`: removes exactly the article's graphs.
pub async fn delete(
    State(state): State<SharedState>,
    Extension(client): Extension<ClientAddr>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authorize(&state, client, &headers).await?;
    let id = valid_id(&id)?;
    let base = state.config.base_iri.clone();
    let shown = id.clone();
    let removed = run_write(&state, None, move |db, _| ingest::retract(db, &base, &id)).await?;
    if removed == 0 {
        return Err(ApiError::NotFound(format!("there is no article {shown}")));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
