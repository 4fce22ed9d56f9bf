//! The stored questions as an API: `GET /queries` lists the queries of `queries/` with their
//! parameters, `GET /queries/{name}?a=SYR&b=IRQ` answers one in every results format of
//! `/sparql` (by `Accept` or `format=`), under the same limits.
//!
//! A stored query declares its parameters in its opening comments:
//! `# Parameters: ?a and ?b, country IRIs (e.g. <…/id/country/SYR>); unbound: every pair.` —
//! every `?name` before the first `;` is a parameter; a parameter described as a country takes
//! an ISO 3166-1 alpha-3 code (`SYR`) or the country's IRI; `e.g. <IRI>` gives the example.
//! A parameter left out stays unbound (the query's comment says what that gives).

use crate::http::error::ApiError;
use crate::http::ui::{StoredQuery, stored_queries};
use crate::http::{Answer, SharedState, negotiate, run_streamed};
use crate::store::prepare_query;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use oxigraph::model::{Literal, NamedNode, Term};
use serde::Serialize;

/// A parameter of a stored query.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Parameter {
    /// The variable's name, without `?`.
    pub name: String,
    /// `country` (an ISO code or a country IRI), `iri`, or `string`.
    #[serde(rename = "type")]
    pub kind: String,
    /// An example value, when the query gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
}

/// A stored query as `GET /queries` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    /// Its name (the file's stem), the last part of its URL.
    pub name: String,
    /// The question it answers (its first comment line).
    pub title: String,
    /// Its whole opening comment.
    pub description: String,
    /// Its parameters.
    pub parameters: Vec<Parameter>,
    /// Where it answers: `/queries/{name}`.
    pub url: String,
    /// The SPARQL text.
    pub sparql: String,
}

/// The parameters a stored query declares (see the module's documentation).
pub fn parameters(text: &str) -> Vec<Parameter> {
    let Some(line) = text
        .lines()
        .take_while(|l| l.starts_with('#'))
        .find_map(|l| l.trim_start_matches('#').trim().strip_prefix("Parameters:"))
    else {
        return Vec::new();
    };
    // Several lines may continue the declaration; the first line carries the names.
    let declared = line.split(';').next().unwrap_or_default();
    let lower = declared.to_ascii_lowercase();
    let kind = if lower.contains("country") {
        "country"
    } else if lower.contains("iri") {
        "iri"
    } else {
        "string"
    };
    let example = declared
        .split_once("e.g. <")
        .and_then(|(_, rest)| rest.split_once('>'))
        .map(|(iri, _)| iri.to_owned());
    let mut out: Vec<Parameter> = Vec::new();
    for word in declared.split(|c: char| !(c.is_alphanumeric() || c == '?' || c == '_')) {
        if let Some(name) = word.strip_prefix('?').filter(|n| !n.is_empty()) {
            if out.iter().any(|p| p.name == name) {
                continue;
            }
            let example = match kind {
                "country" => Some(["SYR", "IRQ", "TUR"][out.len() % 3].to_owned()),
                _ => example.clone(),
            };
            out.push(Parameter {
                name: name.to_owned(),
                kind: kind.to_owned(),
                example,
            });
        }
    }
    out
}

fn listed(q: &StoredQuery) -> Listed {
    Listed {
        name: q.name.clone(),
        title: q
            .text
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches('#')
            .trim()
            .to_owned(),
        description: q.description.clone(),
        parameters: parameters(&q.text),
        url: format!("/queries/{}", q.name),
        sparql: q.text.clone(),
    }
}

/// `GET /queries`: every stored query, with its parameters.
pub async fn list(State(state): State<SharedState>) -> Json<Vec<Listed>> {
    Json(
        stored_queries(&state.config.queries_dir)
            .iter()
            .map(listed)
            .collect(),
    )
}

/// The value of a parameter as the query will see it: a country by its ISO code or IRI, an
/// IRI written whole or in `<…>`, else a string.
pub fn value(p: &Parameter, raw: &str, base: &str) -> Result<Term, ApiError> {
    let v = raw.trim();
    let bad = |e: String| ApiError::BadRequest(format!("parameter {}: {e}", p.name));
    if p.kind == "country" && v.len() == 3 && v.chars().all(|c| c.is_ascii_alphabetic()) {
        return NamedNode::new(format!("{base}id/country/{}", v.to_ascii_uppercase()))
            .map(Term::from)
            .map_err(|e| bad(e.to_string()));
    }
    if let Some(inner) = v.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        return NamedNode::new(inner)
            .map(Term::from)
            .map_err(|e| bad(format!("{v} is not an IRI: {e}")));
    }
    if p.kind != "string" || v.starts_with("http://") || v.starts_with("https://") {
        return NamedNode::new(v).map(Term::from).map_err(|e| {
            bad(format!(
                "{v} is not an IRI ({e}){}",
                if p.kind == "country" {
                    "; a country is also given by its ISO 3166-1 alpha-3 code, e.g. SYR"
                } else {
                    ""
                }
            ))
        });
    }
    Ok(Literal::new_simple_literal(v).into())
}

/// `GET /queries/{name}`: the stored query's answer, its parameters from the query string.
pub async fn answer(
    State(state): State<SharedState>,
    Path(name): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let queries = stored_queries(&state.config.queries_dir);
    let Some(q) = queries.iter().find(|q| q.name == name) else {
        return Err(ApiError::NotFound(format!(
            "there is no stored query {name}; GET /queries lists them ({})",
            queries
                .iter()
                .map(|q| q.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    let declared = parameters(&q.text);
    let base = state.config.base_iri.clone();
    let mut format = None;
    let mut bindings: Vec<(String, Term)> = Vec::new();
    for (k, v) in crate::http::sparql::decode_form(raw.unwrap_or_default().as_bytes())? {
        if k == "format" {
            format = Some(v);
            continue;
        }
        let Some(p) = declared.iter().find(|p| p.name == k) else {
            return Err(ApiError::BadRequest(format!(
                "{name} has no parameter {k}; its parameters: {}",
                if declared.is_empty() {
                    "none".to_owned()
                } else {
                    declared
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            )));
        };
        if bindings.iter().any(|(n, _)| n == &k) {
            return Err(ApiError::BadRequest(format!("parameter {k} is given twice")));
        }
        if !v.trim().is_empty() {
            bindings.push((k.clone(), value(p, &v, &base)?));
        }
    }
    let text = q.text.clone();
    let limits = state.config.limits.clone();
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let bound: Vec<String> = bindings.iter().map(|(n, v)| format!("{n}={v}")).collect();
    let key = crate::http::inline_key(&[&text, &bound.join(" ")]);
    let (format, answer) = run_streamed(&state, key, move |db, token, sink| {
        let mut prepared = prepare_query(&text, Some(&base), &[], &[])?;
        prepared.bind_parameters(&text, &bindings)?;
        let format = negotiate::choose(prepared.form, accept.as_deref(), format.as_deref())?;
        sink.start(format);
        db.query_to(&prepared, format, &limits, Some(token), sink)?;
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(match answer {
        Answer::Whole(body) => crate::http::sparql::with_type(body, format),
        Answer::Streamed(body) => crate::http::sparql::with_type_body(body, format),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_from_the_opening_comment() {
        let q = "# Events between two countries.\n# Parameters: ?a and ?b, country IRIs (e.g. <https://x/id/country/SYR>); unbound: every pair.\nSELECT * {}";
        let p = parameters(q);
        assert_eq!(
            p.iter()
                .map(|p| (p.name.as_str(), p.kind.as_str()))
                .collect::<Vec<_>>(),
            [("a", "country"), ("b", "country")]
        );
        assert_eq!(p[0].example.as_deref(), Some("SYR"));
        let q =
            "# Names.\n# Parameters: ?entity, a person or organisation IRI (e.g. <https://x/id/person/y>);\n";
        let p = parameters(q);
        assert_eq!(p[0].kind, "iri");
        assert_eq!(p[0].example.as_deref(), Some("https://x/id/person/y"));
        assert!(parameters("# Parameters: none.\n").is_empty());
        assert!(parameters("SELECT * {}").is_empty());
    }
}
