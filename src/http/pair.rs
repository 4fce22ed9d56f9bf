//! The pair page, `/pair/SYR/IRQ`: the relation of two countries as the stored articles tell
//! it — a timeline of their events by type (an SVG chart drawn on the server), the officials
//! of either side the same articles name, what each side claimed about the other, and the
//! sources behind each. The same page whatever the order of the pair.

use crate::http::error::ApiError;
use crate::http::resource::link_html;
use crate::http::ui::{escape, page};
use crate::http::{SharedState, run_limited};
use crate::store::{Limits, StoreError, prepare_query};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use oxigraph::model::{NamedNode, Term};
use std::fmt::Write as _;

const PREFIXES: &str = "PREFIX bil: <https://w3id.org/bilateral/ontology#> PREFIX schema: <https://schema.org/> \
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> PREFIX gaf: <http://groundedannotationframework.org/gaf#> \
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> PREFIX prov: <http://www.w3.org/ns/prov#> \
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

/// `GET /pair?a=SYR&b=IRQ` (the form on the editor's page): to `/pair/IRQ/SYR`.
pub async fn redirect(RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let form = crate::http::sparql::decode_form(raw.unwrap_or_default().as_bytes())?;
    let get = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_ascii_uppercase())
    };
    let (Some(a), Some(b)) = (get("a"), get("b")) else {
        return Err(ApiError::BadRequest(
            "give two countries by their ISO 3166-1 alpha-3 codes: /pair?a=SYR&b=IRQ".to_owned(),
        ));
    };
    let (a, b) = ordered(&a, &b)?;
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/pair/{a}/{b}")) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    Ok(r)
}

fn ordered(a: &str, b: &str) -> Result<(String, String), ApiError> {
    let valid = |c: &str| c.len() == 3 && c.chars().all(|c| c.is_ascii_alphabetic());
    if !valid(a) || !valid(b) || a.eq_ignore_ascii_case(b) {
        return Err(ApiError::BadRequest(format!(
            "a pair is two different countries by their ISO 3166-1 alpha-3 codes, e.g. /pair/IRQ/SYR (got {a} and {b})"
        )));
    }
    let (a, b) = (a.to_ascii_uppercase(), b.to_ascii_uppercase());
    Ok(if a <= b { (a, b) } else { (b, a) })
}

fn cell(t: Option<&Option<Term>>) -> String {
    match t.and_then(Option::as_ref) {
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        Some(Term::Literal(l)) => l.value().to_owned(),
        _ => String::new(),
    }
}

fn rows(
    db: &crate::store::Database,
    token: &oxigraph::sparql::CancellationToken,
    query: &str,
    a: &NamedNode,
    b: &NamedNode,
) -> Result<Vec<Vec<String>>, StoreError> {
    let mut prepared = prepare_query(&format!("{PREFIXES}{query}"), None, &[], &[])?;
    prepared.bind("a", a.clone().into())?;
    prepared.bind("b", b.clone().into())?;
    let table = db.query_table(&prepared, &Limits { max_rows: 2000 }, Some(token.clone()))?;
    Ok(table
        .rows
        .iter()
        .map(|r| (0..r.len()).map(|i| cell(r.get(i))).collect())
        .collect())
}

/// `GET /pair/{a}/{b}`.
pub async fn get(
    State(state): State<SharedState>,
    Path((a, b)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let (a, b) = ordered(&a, &b)?;
    let base = state.config.base_iri.clone();
    let iri = |c: &str| {
        NamedNode::new(format!("{base}id/country/{c}")).map_err(|e| ApiError::BadRequest(e.to_string()))
    };
    let (ia, ib) = (iri(&a)?, iri(&b)?);
    let (names, events, officials, claims) = run_limited(&state, move |db, token| {
        let names = rows(
            db,
            &token,
            "SELECT ?an ?bn ?a ?b WHERE { ?a schema:name ?an . ?b schema:name ?bn FILTER(LANG(?an) = \"en\" && LANG(?bn) = \"en\") } LIMIT 1",
            &ia,
            &ib,
        )?;
        let events = rows(
            db,
            &token,
            "SELECT ?e ?class ?status ?when ?words ?publisher ?h ?a ?b WHERE { \
               GRAPH ?g { ?e sem:hasActor ?a, ?b ; a ?class ; bil:status ?status ; gaf:denotedBy ?m . ?m nif:anchorOf ?words \
                          FILTER(STRSTARTS(STR(?class), STR(bil:)) ) \
                          OPTIONAL { ?e sem:hasTimeStamp ?ts } OPTIONAL { ?e bil:reportedOn ?on } } \
               ?article bil:statementGraph ?g . OPTIONAL { ?article schema:publisher/schema:name ?publisher } \
               OPTIONAL { ?e bil:reportOf ?h } BIND(STR(COALESCE(?ts, ?on)) AS ?when) \
             } ORDER BY ?when ?e",
            &ia,
            &ib,
        )?;
        let officials = rows(
            db,
            &token,
            "SELECT DISTINCT ?p ?name ?role ?country ?a ?b WHERE { \
               GRAPH ?g { ?e sem:hasActor ?a, ?b . ?r a bil:RoleAssignment ; bil:holder ?p ; bil:roleName ?role ; bil:roleOf ?c \
                          FILTER(?c = ?a || ?c = ?b) } \
               ?p schema:name ?name . ?c schema:name ?country FILTER(LANG(?country) = \"en\") \
             } ORDER BY ?country ?name",
            &ia,
            &ib,
        )?;
        let claims = rows(
            db,
            &token,
            "SELECT DISTINCT ?claim ?source ?side ?about ?words ?publisher ?a ?b WHERE { \
               GRAPH ?g { ?claim a bil:Claim ; schema:about ?aboutC ; gaf:denotedBy ?m ; prov:wasAttributedTo ?who . \
                          ?m nif:anchorOf ?words OPTIONAL { ?r bil:holder ?who ; bil:roleOf ?roleC } } \
               OPTIONAL { ?who bil:country ?entityC } \
               ?who schema:name ?source FILTER(LANG(?source) = \"\" || LANG(?source) = \"en\") \
               BIND(COALESCE(IF(?who = ?a || ?who = ?b, ?who, ?unbound), ?roleC, ?entityC) AS ?sideC) \
               FILTER((?sideC = ?a && ?aboutC = ?b) || (?sideC = ?b && ?aboutC = ?a)) \
               ?sideC schema:name ?side . ?aboutC schema:name ?about FILTER(LANG(?side) = \"en\" && LANG(?about) = \"en\") \
               ?article bil:statementGraph ?g . OPTIONAL { ?article schema:publisher/schema:name ?publisher } \
             } ORDER BY ?side ?source",
            &ia,
            &ib,
        )?;
        Ok::<_, StoreError>((names, events, officials, claims))
    })
    .await?;
    let (an, bn) = names
        .first()
        .map_or_else(|| (a.clone(), b.clone()), |r| (r[0].clone(), r[1].clone()));
    Ok(render(&state.config.base_iri, &an, &bn, &events, &officials, &claims).into_response())
}

/// Days since 1970-01-01 of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the first day of a month or year).
fn day(text: &str) -> Option<i64> {
    let mut parts = text.get(..text.len().min(10))?.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let d: u32 = parts.next().map_or(Some(1), |d| d.parse().ok())?;
    crate::extract::time::Day::valid(y, m, d).map(crate::extract::time::Day::ordinal)
}

/// The timeline: one row per event type, one dot per dated event (a link to it, its words as a
/// tooltip), years on the axis.
fn timeline(base: &str, events: &[Vec<String>]) -> String {
    let dated: Vec<(&Vec<String>, i64)> = events.iter().filter_map(|e| day(&e[3]).map(|d| (e, d))).collect();
    if dated.is_empty() {
        return "<p class=\"muted\">No dated events.</p>".to_owned();
    }
    let mut types: Vec<String> = dated.iter().map(|(e, _)| local(&e[1])).collect();
    types.sort();
    types.dedup();
    let (lo, hi) = dated
        .iter()
        .fold((i64::MAX, i64::MIN), |(lo, hi), (_, d)| (lo.min(*d), hi.max(*d)));
    let (lo, hi) = (lo - 30, hi + 30);
    let (left, width, row) = (190.0_f64, 700.0_f64, 28.0_f64);
    #[expect(clippy::cast_precision_loss, reason = "days since 1970 fit an f64 exactly")]
    let x = |d: i64| left + (d - lo) as f64 / (hi - lo).max(1) as f64 * width;
    #[expect(clippy::cast_precision_loss, reason = "a handful of event types")]
    let height = 40.0 + row * types.len() as f64;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline\" width=\"{w}\" height=\"{height}\" role=\"img\" aria-label=\"events by type over time\">",
        w = left + width + 20.0
    );
    for (i, t) in types.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a handful of event types")]
        let y = 20.0 + row * i as f64;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\">{}</text><line x1=\"{left}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#ddd\"/>",
            left - 8.0,
            y + 4.0,
            escape(&spaced(t)),
            left + width
        );
        for (e, d) in dated.iter().filter(|(e, _)| &local(&e[1]) == t) {
            let fill = match e[2].rsplit('#').next().unwrap_or_default() {
                "occurred" => "#2563eb",
                "ongoing" => "#16a34a",
                "planned" => "#f59e0b",
                _ => "#9ca3af",
            };
            let href = crate::http::resource::safe_href(base, &e[0]).unwrap_or_default();
            let _ = write!(
                svg,
                "<a href=\"{}\"><circle cx=\"{:.1}\" cy=\"{y}\" r=\"6\" fill=\"{fill}\" opacity=\"0.8\"><title>{} — {} ({}): {}</title></circle></a>",
                escape(&href),
                x(*d),
                escape(&e[3]),
                escape(&spaced(t)),
                escape(e[2].rsplit('#').next().unwrap_or_default()),
                escape(&e[4])
            );
        }
    }
    // Years on the axis.
    let first_year = day_to_year(lo);
    let last_year = day_to_year(hi);
    let step = ((last_year - first_year) / 8).max(1);
    let mut year = first_year;
    while year <= last_year + 1 {
        if let Some(d) = day(&format!("{year:04}"))
            && (lo..=hi).contains(&d)
        {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">{year}</text>",
                x(d),
                height - 8.0
            );
        }
        year += step;
    }
    svg.push_str("</svg>");
    svg
}

fn day_to_year(ordinal: i64) -> i64 {
    // Close enough for axis labels: 365.2425 days a year.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_precision_loss,
        reason = "years since 1970"
    )]
    let y = 1970 + (ordinal as f64 / 365.2425).floor() as i64;
    y
}

fn local(iri: &str) -> String {
    iri.rsplit(['#', '/']).next().unwrap_or_default().to_owned()
}

/// `BorderCrossingReopening` → `border crossing reopening`.
fn spaced(class: &str) -> String {
    let mut out = String::new();
    for (i, c) in class.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn render(
    base: &str,
    an: &str,
    bn: &str,
    events: &[Vec<String>],
    officials: &[Vec<String>],
    claims: &[Vec<String>],
) -> axum::response::Html<String> {
    let title = format!("{an} and {bn}");
    let mut body = format!(
        "<h1>{}</h1><p class=\"muted\">As the stored articles tell it: {} event reports, {} officials, {} claims of one side about the other.</p><h2>Events over time</h2>",
        escape(&title),
        events.len(),
        officials.len(),
        claims.len()
    );
    body.push_str(&timeline(base, events));
    body.push_str("<p class=\"muted\">Blue: occurred, green: ongoing, amber: planned, grey: proposed. A dot is one article's report, dated by the event's own date or else the article's.</p>");
    body.push_str("<table id=\"events\"><tr><th>when</th><th>type</th><th>status</th><th>the words</th><th>source</th><th>happening</th></tr>");
    for e in events {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&e[3]),
            link_html(base, &e[0], &spaced(&local(&e[1]))),
            escape(e[2].rsplit('#').next().unwrap_or_default()),
            escape(&e[4]),
            escape(&e[5]),
            if e[6].is_empty() {
                String::new()
            } else {
                link_html(base, &e[6], "all reports")
            }
        );
    }
    body.push_str("</table><h2>Officials</h2><ul>");
    for o in officials {
        let _ = write!(
            body,
            "<li>{} — {} of {}</li>",
            link_html(base, &o[0], &o[1]),
            escape(&o[2]),
            escape(&o[3])
        );
    }
    body.push_str("</ul><h2>What each side claimed about the other</h2><table id=\"claims\"><tr><th>side</th><th>source</th><th>about</th><th>the words</th><th>published by</th></tr>");
    for c in claims {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&c[2]),
            link_html(base, &c[0], &c[1]),
            escape(&c[3]),
            escape(&c[4]),
            escape(&c[5])
        );
    }
    body.push_str("</table>");
    page(&title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_ordered_and_checked() {
        assert_eq!(
            ordered("syr", "IRQ").unwrap(),
            ("IRQ".to_owned(), "SYR".to_owned())
        );
        assert!(ordered("SYR", "SYR").is_err());
        assert!(ordered("SY", "IRQ").is_err());
        assert_eq!(day("2026-02"), day("2026-02-01"));
        assert_eq!(spaced("BorderCrossingReopening"), "border crossing reopening");
    }
}
