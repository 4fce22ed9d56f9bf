//! Dereferenceable IRIs: `GET /id/...` answers for every IRI the service mints, with the
//! statements about it (in every graph), the statements that point to it, and the exact words
//! each statement came from — RDF by `Accept` (Turtle by default; `TriG` and N-Quads keep the
//! graph of each statement), HTML for browsers, with the provenance chain of claims and events
//! drawn as a picture.

use crate::http::error::ApiError;
use crate::http::ui::{escape, page};
use crate::http::{SharedState, header_str, negotiate, run_limited};
use crate::vocab::{BIL, DCT, GAF, NIF, PROV, RDFS, SCHEMA};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use oxigraph::model::{GraphName, NamedNode, Quad, Term};
use std::fmt::Write as _;

/// A link that stays on this server for IRIs it minted and resolves (`<base>id/...`) and for the
/// ontology's terms (`/ontology#Term`); any other IRI, a graph's under the same base included,
/// is kept.
pub fn local_link(base: &str, iri: &str) -> String {
    if let Some(term) = iri.strip_prefix(crate::vocab::BIL) {
        return format!("/ontology#{term}");
    }
    iri.strip_prefix(base)
        .filter(|rest| rest.starts_with("id/"))
        .map_or_else(|| iri.to_owned(), |rest| format!("/{rest}"))
}

/// The `href` for an IRI, when it may be one: IRIs this service minted open here, other
/// `http(s)` IRIs open where they point; any other scheme (`javascript:`, `data:`, `file:`…)
/// gets no link at all and is shown as text.
pub fn safe_href(base: &str, iri: &str) -> Option<String> {
    let link = local_link(base, iri);
    let lower = link.get(..8).unwrap_or(&link).to_ascii_lowercase();
    (link.starts_with('/') && !link.starts_with("//")
        || lower.starts_with("http://")
        || lower.starts_with("https://"))
    .then_some(link)
}

/// An IRI as an HTML link when [`safe_href`] allows one, as inert text otherwise.
pub fn link_html(base: &str, iri: &str, text: &str) -> String {
    match safe_href(base, iri) {
        Some(href) => format!("<a href=\"{}\">{}</a>", escape(&href), escape(text)),
        None => escape(text),
    }
}

struct Found {
    about: Vec<Quad>,
    inbound: Vec<Quad>,
    grounding: Vec<Quad>,
    /// The provenance chain: (what, its words or name, the IRI it stands for).
    chain: Vec<(String, String, Option<String>)>,
    /// A country's partners and officials, a person's roles over time (HTML).
    summary: String,
}

fn literal(q: &Quad) -> Option<&str> {
    if let Term::Literal(l) = &q.object {
        Some(l.value())
    } else {
        None
    }
}

fn named(t: &Term) -> Option<&NamedNode> {
    if let Term::NamedNode(n) = t { Some(n) } else { None }
}

/// `GET /id/{*path}`.
#[expect(
    clippy::too_many_lines,
    reason = "gathering, then the two representations, in order"
)]
pub async fn get(
    State(state): State<SharedState>,
    Path(path): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let format_param = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "format")
        .map(|(_, v)| v.into_owned());
    let base = state.config.base_iri.clone();
    let iri = NamedNode::new(format!("{base}id/{path}"))
        .map_err(|e| ApiError::NotFound(format!("/id/{path} is not an IRI this service mints: {e}")))?;
    let found = run_limited(&state, {
        let iri = iri.clone();
        let base_for_mentions = base.clone();
        move |db, token| {
            let about = db.quads_with_subject(&iri, 5000)?;
            let inbound = db.quads_with_object(&iri, 1000)?;
            let mut grounding = Vec::new();
            let grounded = [
                format!("{GAF}denotedBy"),
                format!("{BIL}trigger"),
                format!("{BIL}cue"),
                format!("{BIL}verificationEvidence"),
            ];
            for q in &about {
                if grounded.contains(&q.predicate.as_str().to_owned())
                    && let Some(m) = named(&q.object)
                {
                    grounding.extend(
                        db.quads_with_subject(m, 20)?
                            .into_iter()
                            .filter(|g| g.predicate.as_str() != format!("{NIF}referenceContext")),
                    );
                }
            }
            // An article's document also describes its mentions (`<article>#char=s,e`): a
            // mention IRI dereferences to it.
            if let Some(id) = iri
                .as_str()
                .strip_prefix(&format!("{base_for_mentions}id/article/"))
                .filter(|id| !id.contains('/'))
                && let Ok(graph) = NamedNode::new(format!("{base_for_mentions}graph/article/{id}"))
            {
                let prefix = format!("{}#char=", iri.as_str());
                grounding.extend(db.graph_quads(&graph)?.into_iter().filter(|q| {
                    matches!(&q.subject, oxigraph::model::NamedOrBlankNode::NamedNode(n)
                        if n.as_str().starts_with(&prefix)
                            && q.predicate.as_str() != format!("{NIF}isString"))
                }));
            }
            // The provenance chain: words → article → publisher → translation → original outlet.
            let mut chain = Vec::new();
            let anchor = format!("{NIF}anchorOf");
            let first_mention = about
                .iter()
                .find(|q| q.predicate.as_str() == format!("{GAF}denotedBy"))
                .and_then(|q| named(&q.object).cloned());
            if let Some(m) = first_mention {
                if let Some(words) = grounding
                    .iter()
                    .find(|g| g.subject.to_string() == m.to_string() && g.predicate.as_str() == anchor)
                    .and_then(literal)
                {
                    chain.push((
                        "words".to_owned(),
                        format!("“{words}”"),
                        Some(m.as_str().to_owned()),
                    ));
                }
                if let Some((article_iri, _)) = m.as_str().split_once('#') {
                    let article = NamedNode::new_unchecked(article_iri);
                    let facts = db.quads_with_subject(&article, 200)?;
                    let title = facts
                        .iter()
                        .find(|q| q.predicate.as_str() == format!("{DCT}title"))
                        .and_then(literal)
                        .unwrap_or(article_iri);
                    chain.push((
                        "article".to_owned(),
                        title.to_owned(),
                        Some(article_iri.to_owned()),
                    ));
                    let name_of = |n: &NamedNode| -> Result<String, crate::store::StoreError> {
                        Ok(db
                            .quads_with_subject(n, 20)?
                            .iter()
                            .find(|q| q.predicate.as_str() == format!("{SCHEMA}name"))
                            .and_then(literal)
                            .unwrap_or(n.as_str())
                            .to_owned())
                    };
                    if let Some(p) = facts
                        .iter()
                        .find(|q| q.predicate.as_str() == format!("{SCHEMA}publisher"))
                        .and_then(|q| named(&q.object))
                    {
                        chain.push((
                            "published by".to_owned(),
                            name_of(p)?,
                            Some(p.as_str().to_owned()),
                        ));
                    }
                    let verification = facts
                        .iter()
                        .find(|q| q.predicate.as_str() == format!("{BIL}verificationStatus"))
                        .and_then(|q| named(&q.object));
                    if let Some(v) = verification {
                        chain.push((
                            "verification".to_owned(),
                            v.as_str().trim_start_matches(BIL).to_owned(),
                            Some(v.as_str().to_owned()),
                        ));
                    }
                    if facts
                        .iter()
                        .any(|q| q.predicate.as_str() == format!("{PROV}wasGeneratedBy"))
                    {
                        chain.push((
                            "translated".to_owned(),
                            "translation (prov:Activity)".to_owned(),
                            None,
                        ));
                    }
                    if let Some(o) = facts
                        .iter()
                        .find(|q| q.predicate.as_str() == format!("{PROV}wasDerivedFrom"))
                        .and_then(|q| named(&q.object))
                    {
                        let original = db.quads_with_subject(o, 20)?;
                        if let Some(p) = original
                            .iter()
                            .find(|q| q.predicate.as_str() == format!("{SCHEMA}publisher"))
                            .and_then(|q| named(&q.object))
                        {
                            chain.push((
                                "original outlet".to_owned(),
                                name_of(p)?,
                                Some(p.as_str().to_owned()),
                            ));
                        }
                    }
                }
            }
            let summary = crate::http::summary::summary(db, &token, &base_for_mentions, &iri)?;
            Ok::<_, crate::store::StoreError>(Found {
                about,
                inbound,
                grounding,
                chain,
                summary,
            })
        }
    })
    .await?;
    if found.about.is_empty() && found.inbound.is_empty() {
        return Err(ApiError::NotFound(format!(
            "nothing is known about <{}>",
            iri.as_str()
        )));
    }
    let last_modified = crate::http::http_date(state.last_write.load(std::sync::atomic::Ordering::Acquire));
    let accept = header_str(&headers, header::ACCEPT);
    if format_param.is_none() && negotiate::prefers_html(accept) {
        let page = html(&base, &iri, &found).0;
        let digest = page.as_bytes().to_vec();
        return Ok(crate::http::describe::with_validators(
            axum::response::Html(page).into_response(),
            &digest,
            &headers,
            Some(&last_modified),
        ));
    }
    let quads: Vec<Quad> = found
        .about
        .iter()
        .chain(&found.inbound)
        .chain(&found.grounding)
        .cloned()
        .collect();
    let response = crate::http::describe::rdf_response(&quads, accept, format_param.as_deref())?;
    // The tag is a digest of the facts (in the store's order) and the format.
    let mut key = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    for q in &quads {
        key.push('\n');
        key.push_str(&q.to_string());
    }
    Ok(crate::http::describe::with_validators(
        response,
        key.as_bytes(),
        &headers,
        Some(&last_modified),
    ))
}

fn term_html(base: &str, t: &Term) -> String {
    match t {
        Term::NamedNode(n) => link_html(base, n.as_str(), &short(n.as_str())),
        Term::Literal(l) => {
            let v = l.value();
            let cut: String = v.chars().take(400).collect();
            let more = if v.chars().count() > 400 { "…" } else { "" };
            format!("“{}{more}”", escape(&cut))
        }
        other @ Term::BlankNode(_) => escape(&other.to_string()),
    }
}

fn short(iri: &str) -> String {
    for (prefix, ns) in crate::vocab::PREFIXES {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{prefix}:{rest}");
        }
    }
    iri.to_owned()
}

fn graph_html(base: &str, g: &GraphName) -> String {
    match g {
        GraphName::NamedNode(n) => format!(
            "<a href=\"{}\">{}</a>",
            escape(&format!(
                "/store?graph={}",
                form_urlencoded::byte_serialize(n.as_str().as_bytes()).collect::<String>()
            )),
            escape(&local_link(base, n.as_str()))
        ),
        GraphName::DefaultGraph => "default".to_owned(),
        GraphName::BlankNode(b) => escape(&b.to_string()),
    }
}

/// The provenance chain as boxes and arrows (SVG).
/// Words of `text` in lines of at most `width` characters (a word longer than a line is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word: String = word.chars().take(width).collect();
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The provenance chain as boxes and arrows (SVG): each box as tall as its words need (up to
/// six lines, the rest in its tooltip), and a link to what it shows.
fn chain_svg(base: &str, chain: &[(String, String, Option<String>)]) -> String {
    const PER_LINE: usize = 24;
    const MAX_LINES: usize = 6;
    if chain.is_empty() {
        return String::new();
    }
    let wrapped: Vec<Vec<String>> = chain
        .iter()
        .map(|(_, value, _)| {
            let mut lines = wrap(value, PER_LINE);
            if lines.len() > MAX_LINES {
                lines.truncate(MAX_LINES);
                if let Some(last) = lines.last_mut() {
                    last.push('…');
                }
            }
            lines
        })
        .collect();
    let most = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let (w, gap) = (190, 26);
    let h = 36 + 16 * most;
    let width = chain.len() * (w + gap);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {}\" role=\"img\" aria-label=\"provenance chain\" style=\"width:100%;max-width:{width}px;font:12px system-ui,sans-serif\">",
        h + 10
    );
    svg.push_str("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"10\" refX=\"9\" refY=\"3\" orient=\"auto\"><path d=\"M0,0 L9,3 L0,6 z\" fill=\"#555\"/></marker></defs>");
    for (i, ((label, value, iri), lines)) in chain.iter().zip(&wrapped).enumerate() {
        let x = i * (w + gap);
        let href = iri.as_deref().and_then(|i| safe_href(base, i));
        if let Some(href) = &href {
            let _ = write!(svg, "<a href=\"{}\">", escape(href));
        }
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"5\" width=\"{w}\" height=\"{h}\" rx=\"8\" fill=\"#eef3fb\" stroke=\"#6b8fc7\"><title>{}</title></rect><text x=\"{}\" y=\"24\" fill=\"#555\">{}</text>",
            escape(value),
            x + 10,
            escape(label)
        );
        for (k, line) in lines.iter().enumerate() {
            let _ = write!(
                svg,
                "<text x=\"{}\" y=\"{}\" font-weight=\"600\">{}</text>",
                x + 10,
                44 + 16 * k,
                escape(line)
            );
        }
        if href.is_some() {
            svg.push_str("</a>");
        }
        if i + 1 < chain.len() {
            let _ = write!(
                svg,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>",
                x + w,
                5 + h / 2,
                x + w + gap - 2,
                5 + h / 2
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

fn html(base: &str, iri: &NamedNode, found: &Found) -> axum::response::Html<String> {
    let label = found
        .about
        .iter()
        .find(|q| {
            [
                format!("{SCHEMA}name"),
                format!("{RDFS}label"),
                format!("{DCT}title"),
            ]
            .contains(&q.predicate.as_str().to_owned())
        })
        .and_then(literal)
        .map_or_else(|| short(iri.as_str()), str::to_owned);
    let mut body = format!(
        "<h1>{}</h1><p class=\"muted\"><code>{}</code> — as RDF: <a href=\"?format=turtle\">Turtle</a> · <a href=\"?format=jsonld\">JSON-LD</a> · <a href=\"?format=nt\">N-Triples</a> (or <code>Accept: text/turtle</code>)</p>",
        escape(&label),
        escape(iri.as_str())
    );
    body.push_str(&found.summary);
    if !found.chain.is_empty() {
        body.push_str("<h2>Where this comes from</h2>");
        body.push_str(&chain_svg(base, &found.chain));
    }
    let anchor = format!("{NIF}anchorOf");
    let quotes: Vec<(String, &str)> = found
        .grounding
        .iter()
        .filter(|q| q.predicate.as_str() == anchor)
        .filter_map(|q| literal(q).map(|t| (q.subject.to_string(), t)))
        .collect();
    if !quotes.is_empty() {
        body.push_str("<h2>The words</h2><ul>");
        for (mention, text) in quotes.iter().take(100) {
            let m = mention.trim_matches(['<', '>']);
            let article = m.split('#').next().unwrap_or(m);
            let _ = write!(
                body,
                "<li>“{}” — {}</li>",
                escape(text),
                link_html(base, article, m.rsplit('#').next().unwrap_or(""))
            );
        }
        body.push_str("</ul>");
    }
    body.push_str("<h2>Statements</h2><table><tr><th>property</th><th>value</th><th>graph</th></tr>");
    for q in &found.about {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&short(q.predicate.as_str())),
            term_html(base, &q.object),
            graph_html(base, &q.graph_name)
        );
    }
    body.push_str("</table>");
    if !found.inbound.is_empty() {
        body.push_str(
            "<h2>Referred to by</h2><table><tr><th>subject</th><th>property</th><th>graph</th></tr>",
        );
        for q in found.inbound.iter().take(500) {
            let _ = write!(
                body,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                term_html(base, &q.subject.clone().into()),
                escape(&short(q.predicate.as_str())),
                graph_html(base, &q.graph_name)
            );
        }
        body.push_str("</table>");
    }
    page(&label, &body)
}

#[cfg(test)]
mod chain_tests {
    use super::*;

    #[test]
    fn boxes_fit_their_words_and_link_to_what_they_show() {
        assert_eq!(
            wrap("a few short words here", 10),
            ["a few", "short", "words here"]
        );
        let chain = vec![
            (
                "words".to_owned(),
                "“A long quotation that needs more than one line of its box to be read whole”".to_owned(),
                Some("https://w3id.org/bilateral/id/article/x#char=1,9".to_owned()),
            ),
            ("translated".to_owned(), "translation".to_owned(), None),
        ];
        let svg = chain_svg("https://w3id.org/bilateral/", &chain);
        assert!(svg.contains("href=\"/id/article/x#char=1,9\""), "{svg}");
        assert!(
            svg.matches("font-weight=\"600\"").count() >= 4,
            "the words wrap over lines: {svg}"
        );
        assert!(!svg.contains('…'), "nothing cut when it fits");
    }
}
