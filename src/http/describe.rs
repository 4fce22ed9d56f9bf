//! Documents about the service itself: the ontology at its IRI (`/ontology`, HTML for browsers
//! with an anchor per term, RDF otherwise) and the `VoID` description of the dataset
//! (`/.well-known/void`): licences, vocabularies, size, where to query and where to download.

use crate::http::error::ApiError;
use crate::http::negotiate;
use crate::http::ui::{escape, page};
use crate::http::{SharedState, header_str, run_limited};
use crate::store::{OutputFormat, QueryForm};
use crate::vocab::{BIL, DCT, OWL, RDF_TYPE, RDFS, VOID};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use std::fmt::Write as _;

fn format_param(raw: Option<String>) -> Result<Option<String>, ApiError> {
    Ok(
        crate::http::sparql::decode_form(raw.unwrap_or_default().as_bytes())?
            .into_iter()
            .find(|(k, _)| k == "format")
            .map(|(_, v)| v),
    )
}

/// A document with a strong `ETag` (a digest of its content) and, when given, a `Last-Modified`
/// date; `304 Not Modified` when the request's `If-None-Match` names the tag, or (without it)
/// its `If-Modified-Since` gives the date back: a client or cache that has the document does not
/// download it again.
pub fn with_validators(
    mut response: Response,
    body_digest_of: &[u8],
    request: &HeaderMap,
    last_modified: Option<&str>,
) -> Response {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(body_digest_of);
    let mut tag = String::from("\"");
    for b in digest.iter().take(12) {
        let _ = write!(tag, "{b:02x}");
    }
    tag.push('"');
    let matches = match request.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) {
        Some(v) => v.split(',').any(|t| t.trim() == tag || t.trim() == "*"),
        None => last_modified.is_some_and(|date| {
            request
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|since| since.trim() == date)
        }),
    };
    if matches {
        response = axum::http::StatusCode::NOT_MODIFIED.into_response();
    }
    if let Ok(v) = HeaderValue::from_str(&tag) {
        response.headers_mut().insert(header::ETAG, v);
    }
    if let Some(v) = last_modified.and_then(|d| HeaderValue::from_str(d).ok()) {
        response.headers_mut().insert(header::LAST_MODIFIED, v);
    }
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept"));
    response
}

/// Quads in the RDF format that `Accept` or `format=` asks for.
pub fn rdf_response(
    quads: &[Quad],
    accept: Option<&str>,
    format: Option<&str>,
) -> Result<Response, ApiError> {
    let OutputFormat::Rdf(rdf) = negotiate::choose(QueryForm::Graph, accept, format)? else {
        return Err(ApiError::Internal(
            "graph negotiation gave a results format".to_owned(),
        ));
    };
    let body = crate::model::serialize(quads, rdf).map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut r = body.into_response();
    if let Ok(v) = HeaderValue::from_str(rdf.media_type()) {
        r.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    r.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept"));
    Ok(r)
}

/// `GET /ontology`: the `bil:` vocabulary, as stored in its reference graph.
pub async fn ontology(
    State(state): State<SharedState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let format = format_param(raw)?;
    let graph = NamedNode::new(format!("{}graph/ontology/bilateral", state.config.base_iri))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let quads = run_limited(&state, move |db, _| db.graph_quads(&graph)).await?;
    if quads.is_empty() {
        return Err(ApiError::NotFound(
            "the ontology is not in this store (it is loaded when a store is seeded)".to_owned(),
        ));
    }
    let accept = header_str(&headers, header::ACCEPT);
    if format.is_none() && negotiate::prefers_html(accept) {
        return Ok(ontology_html(&quads).into_response());
    }
    rdf_response(&quads, accept, format.as_deref())
}

fn ontology_html(quads: &[Quad]) -> axum::response::Html<String> {
    let value = |s: &NamedNode, p: &str| -> Vec<String> {
        quads
            .iter()
            .filter(|q| {
                matches!(&q.subject, oxigraph::model::NamedOrBlankNode::NamedNode(n) if n == s)
                    && q.predicate.as_str() == p
            })
            .map(|q| match &q.object {
                Term::Literal(l) => l.value().to_owned(),
                Term::NamedNode(n) => n.as_str().to_owned(),
                Term::BlankNode(b) => b.to_string(),
            })
            .collect()
    };
    let mut terms: Vec<(String, NamedNode, String)> = quads
        .iter()
        .filter(|q| q.predicate.as_str() == RDF_TYPE)
        .filter_map(|q| {
            let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &q.subject else {
                return None;
            };
            let local = s.as_str().strip_prefix(BIL)?.to_owned();
            let kind = match &q.object {
                Term::NamedNode(t) if t.as_str() == format!("{OWL}Class") => "Classes",
                Term::NamedNode(t) if t.as_str() == format!("{OWL}ObjectProperty") => "Object properties",
                Term::NamedNode(t) if t.as_str() == format!("{OWL}DatatypeProperty") => "Datatype properties",
                _ => "Individuals",
            };
            Some((kind.to_owned(), s.clone(), local))
        })
        .collect();
    terms.sort_by(|a, b| (a.0.as_str(), a.2.as_str()).cmp(&(b.0.as_str(), b.2.as_str())));
    terms.dedup_by(|a, b| a.1 == b.1);
    let mut body = format!(
        "<h1>The bilateral ontology</h1><p class=\"muted\">Namespace <code>{}</code>. Also as \
<a href=\"?format=ttl\">Turtle</a>, <a href=\"?format=jsonld\">JSON-LD</a>, <a href=\"?format=nt\">N-Triples</a>, \
<a href=\"?format=xml\">RDF/XML</a>.</p>",
        escape(BIL)
    );
    let mut section = String::new();
    for (kind, s, local) in &terms {
        if *kind != section {
            let _ = write!(body, "<h2>{}</h2>", escape(kind));
            section.clone_from(kind);
        }
        let label = value(s, &format!("{RDFS}label")).join(" / ");
        let comment = value(s, &format!("{RDFS}comment")).join(" ");
        let mut extra = String::new();
        for (name, p) in [
            ("domain", "domain"),
            ("range", "range"),
            ("subclass of", "subClassOf"),
            ("subproperty of", "subPropertyOf"),
        ] {
            let v = value(s, &format!("{RDFS}{p}"));
            if !v.is_empty() {
                let _ = write!(
                    extra,
                    " <span class=\"muted\">{name}: {}</span>",
                    escape(&v.join(", "))
                );
            }
        }
        let _ = write!(
            body,
            "<h3 id=\"{0}\"><code>bil:{0}</code> — {1}</h3><p>{2}{3}</p>",
            escape(local),
            escape(&label),
            escape(&comment),
            extra
        );
    }
    page("Ontology", &body)
}

/// `GET /.well-known/void`: the `VoID` description of the dataset.
pub async fn void(
    State(state): State<SharedState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let format = format_param(raw)?;
    let base = state.config.base_iri.clone();
    // Counts from the metrics cache (refreshed at most once a minute): a VoID request never
    // scans the store.
    let (quads_count, _) = crate::http::metrics::store_counts(&state).await;
    let licences = run_limited(&state, {
        let base = base.clone();
        move |db, token| {
            let q = format!(
                "SELECT DISTINCT ?m WHERE {{ GRAPH ?g {{ ?a <{BIL}metadata> ?m }} FILTER(STRSTARTS(?m, \"license=\")) }} ORDER BY ?m LIMIT 200"
            );
            let prepared = crate::store::prepare_query(&q, Some(&base), &[], &[])?;
            let table = db.query_table(&prepared, &crate::store::Limits { max_rows: 200 }, Some(token))?;
            Ok::<_, crate::store::StoreError>(
                table
                    .rows
                    .into_iter()
                    .filter_map(|r| match r.into_iter().next().flatten() {
                        Some(Term::Literal(l)) => Some(l.value().trim_start_matches("license=").to_owned()),
                        _ => None,
                    })
                    .collect::<Vec<String>>(),
            )
        }
    })
    .await?;
    let g = GraphName::DefaultGraph;
    let dataset =
        NamedNode::new(format!("{base}id/dataset")).map_err(|e| ApiError::Internal(e.to_string()))?;
    let n = |s: &str| NamedNode::new_unchecked(s);
    let mut quads = Vec::new();
    let mut add = |p: String, o: Term| quads.push(Quad::new(dataset.clone(), n(&p), o, g.clone()));
    add(RDF_TYPE.to_owned(), n(&format!("{VOID}Dataset")).into());
    add(
        format!("{DCT}title"),
        Literal::new_simple_literal("bilateral: relations between countries, from the news").into(),
    );
    add(
        format!("{DCT}description"),
        Literal::new_simple_literal(
            "Countries, officials and their roles, CAMEO-coded events and attributed claims read from news articles, each grounded in the words it came from, with the articles' provenance.",
        )
        .into(),
    );
    // The extracted statements and the reference data we publish under CC BY 4.0; the articles'
    // own texts keep the licences their headers state (listed as rights), and the reference data
    // the licences of their sources (in each reference graph's dct:license).
    add(
        format!("{DCT}license"),
        n("https://creativecommons.org/licenses/by/4.0/").into(),
    );
    for l in licences {
        add(
            format!("{DCT}rights"),
            Literal::new_simple_literal(format!("article text: {l}")).into(),
        );
    }
    add(
        format!("{VOID}sparqlEndpoint"),
        n(&format!("{base}sparql")).into(),
    );
    add(
        format!("{VOID}uriSpace"),
        Literal::new_simple_literal(format!("{base}id/")).into(),
    );
    add(format!("{VOID}dataDump"), n(&format!("{base}store")).into());
    if let Some(count) = quads_count {
        add(
            format!("{VOID}triples"),
            Literal::from(i64::try_from(count).unwrap_or(i64::MAX)).into(),
        );
    }
    for v in [
        crate::vocab::BIL,
        crate::vocab::SCHEMA,
        crate::vocab::PROV,
        crate::vocab::NIF,
        crate::vocab::GAF,
        crate::vocab::SEM,
        crate::vocab::SKOS,
        crate::vocab::DCT,
    ] {
        add(format!("{VOID}vocabulary"), n(v).into());
    }
    let accept = header_str(&headers, header::ACCEPT);
    let format = format.or_else(|| negotiate::prefers_html(accept).then(|| "ttl".to_owned()));
    rdf_response(&quads, accept, format.as_deref())
}

/// `GET /context.jsonld`: the `@context` every JSON-LD document of the service carries inline.
pub async fn context() -> Response {
    let body = serde_json::json!({ "@context": crate::model::jsonld_context() }).to_string();
    let mut r = body.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/ld+json"),
    );
    r
}

/// One thing `/search` found.
#[derive(Debug, serde::Serialize)]
pub struct Found {
    /// Its IRI.
    pub iri: String,
    /// Its name.
    pub name: String,
    /// Country, Person, Organization or Happening.
    #[serde(rename = "type")]
    pub kind: String,
    /// The name or other name that matched.
    pub matched: String,
}

/// `GET /search?q=turkey`: countries, people, organisations and happenings by any of their names
/// or other names, in any case, with or without a language tag (at most 50, exact matches
/// first). JSON, or a list of links for a browser.
pub async fn search(
    State(state): State<SharedState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let q = crate::http::sparql::decode_form(raw.unwrap_or_default().as_bytes())?
        .into_iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default();
    if q.chars().count() < 2 || q.chars().count() > 200 {
        return Err(ApiError::BadRequest(
            "give what to look for as q= (2 to 200 characters), e.g. /search?q=turkey".to_owned(),
        ));
    }
    let base = state.config.base_iri.clone();
    let needle = q.to_lowercase();
    let found = run_limited(&state, move |db, token| {
        // The needle is a bound variable (projected, as oxigraph's substitution needs), never
        // pasted into the query text.
        let text = "PREFIX schema: <https://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> \
             PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX bil: <https://w3id.org/bilateral/ontology#> \
             SELECT ?s (SAMPLE(?n) AS ?name) (SAMPLE(?t) AS ?type) (MIN(?m) AS ?matched) (MAX(?exact) AS ?isExact) ?needle WHERE { \
               VALUES ?t { schema:Country schema:Person schema:Organization bil:Happening } \
               ?s a ?t . { ?s schema:name ?m } UNION { ?s skos:altLabel ?m } UNION { ?s rdfs:label ?m } \
               OPTIONAL { ?s schema:name ?n0 } BIND(COALESCE(?n0, ?m) AS ?n) \
               FILTER(CONTAINS(LCASE(STR(?m)), ?needle)) BIND(LCASE(STR(?m)) = ?needle AS ?exact) \
             } GROUP BY ?s ?needle ORDER BY DESC(?isExact) STRLEN(STR(?matched)) ?s LIMIT 50";
        let mut prepared = crate::store::prepare_query(text, Some(&base), &[], &[])?;
        prepared.bind("needle", Literal::new_simple_literal(needle).into())?;
        let table = db.query_table(&prepared, &crate::store::Limits { max_rows: 50 }, Some(token))?;
        let s = |t: &Option<Term>| match t {
            Some(Term::NamedNode(n)) => n.as_str().to_owned(),
            Some(Term::Literal(l)) => l.value().to_owned(),
            _ => String::new(),
        };
        Ok::<_, crate::store::StoreError>(
            table
                .rows
                .iter()
                .map(|r| Found {
                    iri: s(&r[0]),
                    name: s(&r[1]),
                    kind: s(&r[2]).rsplit(['/', '#']).next().unwrap_or_default().to_owned(),
                    matched: s(&r[3]),
                })
                .collect::<Vec<_>>(),
        )
    })
    .await?;
    let accept = header_str(&headers, header::ACCEPT);
    if negotiate::prefers_html(accept) {
        let base = &state.config.base_iri;
        let mut body = format!(
            "<h1>Search</h1><form action=\"/search\"><input name=\"q\" value=\"{}\"> <button>Find</button></form><ul>",
            escape(&q)
        );
        for f in &found {
            let link = crate::http::resource::link_html(base, &f.iri, &f.name);
            let also = if f.matched == f.name {
                String::new()
            } else {
                format!(" <span class=\"muted\">(as “{}”)</span>", escape(&f.matched))
            };
            let _ = write!(
                body,
                "<li>{link} <span class=\"muted\">{}</span>{also}</li>",
                escape(&f.kind)
            );
        }
        if found.is_empty() {
            body.push_str("<li class=\"muted\">nothing of that name</li>");
        }
        body.push_str("</ul>");
        return Ok(page("Search", &body).into_response());
    }
    Ok(axum::Json(found).into_response())
}
