//! The summaries at the top of a country's and a person's page: for a country, its partners
//! (with the number of happenings, each a link to the pair page) and the officials the articles
//! name for it; for a person, their roles over time, as articles state them and as the
//! gazetteer dates them.

use crate::http::resource::link_html;
use crate::http::ui::escape;
use crate::store::{Database, Limits, StoreError, prepare_query};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::CancellationToken;
use std::fmt::Write as _;

const PREFIXES: &str = "PREFIX bil: <https://w3id.org/bilateral/ontology#> PREFIX schema: <https://schema.org/> \
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> ";

fn rows(
    db: &Database,
    token: &CancellationToken,
    query: &str,
    this: &NamedNode,
) -> Result<Vec<Vec<String>>, StoreError> {
    let mut prepared = prepare_query(&format!("{PREFIXES}{query}"), None, &[], &[])?;
    prepared.bind("this", this.clone().into())?;
    let table = db.query_table(&prepared, &Limits { max_rows: 300 }, Some(token.clone()))?;
    Ok(table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| match t {
                    Some(Term::NamedNode(n)) => n.as_str().to_owned(),
                    Some(Term::Literal(l)) => l.value().to_owned(),
                    _ => String::new(),
                })
                .collect()
        })
        .collect())
}

/// The summary's HTML for `iri`, empty for anything but a country or a person.
pub fn summary(
    db: &Database,
    token: &CancellationToken,
    base: &str,
    iri: &NamedNode,
) -> Result<String, StoreError> {
    let Some(rest) = iri.as_str().strip_prefix(base) else {
        return Ok(String::new());
    };
    let mut out = String::new();
    if let Some(code) = rest.strip_prefix("id/country/") {
        let partners = rows(
            db,
            token,
            "SELECT ?partner ?name (COUNT(DISTINCT ?h) AS ?n) ?this WHERE { ?h a bil:Happening ; sem:hasActor ?this, ?partner . \
             ?partner schema:name ?name FILTER(?partner != ?this && LANG(?name) = \"en\") } \
             GROUP BY ?partner ?name ?this ORDER BY DESC(?n) ?name",
            iri,
        )?;
        if !partners.is_empty() {
            out.push_str("<h2>Partners</h2><p class=\"muted\">By the number of happenings the articles report; each opens the pair's page.</p><ul id=\"partners\">");
            for p in &partners {
                let other = p[0].rsplit('/').next().unwrap_or_default();
                let _ = write!(
                    out,
                    "<li><a href=\"/pair/{}/{}\">{}</a> — {} happening(s)</li>",
                    escape(code),
                    escape(other),
                    escape(&p[1]),
                    escape(&p[2])
                );
            }
            out.push_str("</ul>");
        }
        let officials = rows(
            db,
            token,
            "SELECT ?p ?name ?role (MAX(STR(?on)) AS ?latest) ?this WHERE { ?r a bil:RoleAssignment ; bil:holder ?p ; \
             bil:roleName ?role ; bil:roleOf ?this . ?p schema:name ?name OPTIONAL { ?r bil:reportedOn ?on } } \
             GROUP BY ?p ?name ?role ?this ORDER BY ?name ?latest",
            iri,
        )?;
        if !officials.is_empty() {
            out.push_str("<h2>Officials</h2><ul id=\"officials\">");
            for o in &officials {
                let when = if o[3].is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"muted\">(reported {})</span>", escape(&o[3]))
                };
                let _ = write!(
                    out,
                    "<li>{} — {}{when}</li>",
                    link_html(base, &o[0], &o[1]),
                    escape(&o[2])
                );
            }
            out.push_str("</ul>");
        }
    } else if rest.starts_with("id/person/") {
        // What articles state (dated by the article) and what the gazetteer dates, in order.
        let roles = rows(
            db,
            token,
            "SELECT ?when ?role ?country ?how ?this WHERE { \
               { ?r a bil:RoleAssignment ; bil:holder ?this ; bil:roleName ?role ; bil:former ?former \
                 OPTIONAL { ?r bil:roleOf/schema:name ?country FILTER(LANG(?country) = \"en\") } OPTIONAL { ?r bil:reportedOn ?on } \
                 BIND(STR(COALESCE(?on, \"\")) AS ?when) BIND(IF(?former, \"an article: former\", \"an article\") AS ?how) } \
               UNION \
               { ?o a bil:Office ; bil:holder ?this ; bil:roleName ?role \
                 OPTIONAL { ?o bil:roleOf/schema:name ?country FILTER(LANG(?country) = \"en\") } \
                 OPTIONAL { ?o bil:startDate ?start } OPTIONAL { ?o bil:endDate ?end } \
                 BIND(STR(COALESCE(?start, \"\")) AS ?when) BIND(CONCAT(\"the gazetteer\", IF(BOUND(?end), CONCAT(\", until \", STR(?end)), \"\")) AS ?how) } \
             } ORDER BY ?when ?role",
            iri,
        )?;
        if !roles.is_empty() {
            out.push_str("<h2>Roles over time</h2><table id=\"roles\"><tr><th>from</th><th>role</th><th>of</th><th>according to</th></tr>");
            for r in &roles {
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(&r[0]),
                    escape(&r[1]),
                    escape(&r[2]),
                    escape(&r[3])
                );
            }
            out.push_str("</table>");
        }
    }
    Ok(out)
}
