//! Content negotiation: `Accept` header (with q-values and wildcards) and the `format`
//! parameter browsers use, per [RFC 9110 §12.5.1](https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1).

use crate::http::error::ApiError;
use crate::store::{OutputFormat, QueryForm};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;

/// A format the service can write, the media types that select it and its `format` names.
struct Candidate {
    format: OutputFormat,
    media_types: &'static [&'static str],
    names: &'static [&'static str],
}

const RESULTS: &[Candidate] = &[
    Candidate {
        format: OutputFormat::Results(QueryResultsFormat::Json),
        media_types: &["application/sparql-results+json", "application/json"],
        names: &["json", "srj"],
    },
    Candidate {
        format: OutputFormat::Results(QueryResultsFormat::Xml),
        media_types: &["application/sparql-results+xml", "application/xml", "text/xml"],
        names: &["xml", "srx"],
    },
    Candidate {
        format: OutputFormat::Results(QueryResultsFormat::Csv),
        media_types: &["text/csv"],
        names: &["csv"],
    },
    Candidate {
        format: OutputFormat::Results(QueryResultsFormat::Tsv),
        media_types: &["text/tab-separated-values"],
        names: &["tsv"],
    },
];

const GRAPHS: &[Candidate] = &[
    Candidate {
        format: OutputFormat::Rdf(RdfFormat::Turtle),
        media_types: &["text/turtle", "application/x-turtle"],
        names: &["turtle", "ttl"],
    },
    Candidate {
        format: OutputFormat::Rdf(RdfFormat::NTriples),
        media_types: &["application/n-triples", "text/plain"],
        names: &["ntriples", "nt"],
    },
    Candidate {
        format: OutputFormat::Rdf(RdfFormat::RdfXml),
        media_types: &["application/rdf+xml", "application/xml", "text/xml"],
        names: &["rdfxml", "xml", "rdf"],
    },
    Candidate {
        format: OutputFormat::Rdf(RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        }),
        media_types: &["application/ld+json", "application/json"],
        names: &["jsonld", "json-ld", "json"],
    },
    Candidate {
        format: OutputFormat::Rdf(RdfFormat::TriG),
        media_types: &["application/trig"],
        names: &["trig"],
    },
    Candidate {
        format: OutputFormat::Rdf(RdfFormat::NQuads),
        media_types: &["application/n-quads"],
        names: &["nquads", "nq"],
    },
];

/// The media type to send in `Content-Type` for a format.
pub fn media_type(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Results(f) => f.media_type(),
        OutputFormat::Rdf(f) => f.media_type(),
    }
}

/// One media range of an `Accept` header.
#[derive(Debug)]
struct Range {
    kind: String,
    subtype: String,
    q: f32,
}

fn parse_accept(accept: &str) -> Vec<Range> {
    accept
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let media = pieces.next()?.trim().to_ascii_lowercase();
            let (kind, subtype) = media.split_once('/')?;
            let mut q = 1.0_f32;
            for param in pieces {
                if let Some((k, v)) = param.split_once('=')
                    && k.trim().eq_ignore_ascii_case("q")
                {
                    q = v.trim().parse().unwrap_or(0.0);
                }
            }
            Some(Range {
                kind: kind.trim().to_owned(),
                subtype: subtype.trim().to_owned(),
                q: q.clamp(0.0, 1.0),
            })
        })
        .collect()
}

/// The quality the header gives a media type: that of the most specific matching range.
fn quality(ranges: &[Range], media_type: &str) -> Option<f32> {
    let (kind, subtype) = media_type.split_once('/')?;
    let mut best: Option<(u8, f32)> = None;
    for r in ranges {
        let specificity = if r.kind == kind && r.subtype == subtype {
            3
        } else if r.kind == kind && r.subtype == "*" {
            2
        } else if r.kind == "*" && r.subtype == "*" {
            1
        } else {
            continue;
        };
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, r.q));
        }
    }
    best.map(|(_, q)| q)
}

/// Chooses the output format for a query form from the `format` parameter (which wins) or the
/// `Accept` header; JSON results or Turtle when the client states no preference.
pub fn choose(
    form: QueryForm,
    accept: Option<&str>,
    format_param: Option<&str>,
) -> Result<OutputFormat, ApiError> {
    let candidates = match form {
        QueryForm::Solutions | QueryForm::Boolean => RESULTS,
        QueryForm::Graph => GRAPHS,
    };
    if let Some(name) = format_param.map(str::trim).filter(|s| !s.is_empty()) {
        let lower = name.to_ascii_lowercase();
        return candidates
            .iter()
            .find(|c| c.names.contains(&lower.as_str()) || c.media_types.contains(&lower.as_str()))
            .map(|c| c.format)
            .ok_or_else(|| {
                let known: Vec<&str> = candidates.iter().map(|c| c.names[0]).collect();
                ApiError::NotAcceptable(format!(
                    "format `{name}` is not available for this query; use one of: {}",
                    known.join(", ")
                ))
            });
    }
    let Some(accept) = accept.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(candidates[0].format);
    };
    let ranges = parse_accept(accept);
    let mut best: Option<(f32, OutputFormat)> = None;
    for c in candidates {
        let q = c
            .media_types
            .iter()
            .filter_map(|m| quality(&ranges, m))
            .fold(0.0_f32, f32::max);
        if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, c.format));
        }
    }
    best.map(|(_, f)| f).ok_or_else(|| {
        let offered: Vec<&str> = candidates.iter().map(|c| c.media_types[0]).collect();
        ApiError::NotAcceptable(format!(
            "no representation matches Accept: {accept}; this endpoint offers {}",
            offered.join(", ")
        ))
    })
}

/// Whether the `Accept` header prefers HTML (a browser) over the RDF and result formats.
pub fn prefers_html(accept: Option<&str>) -> bool {
    let Some(accept) = accept else { return false };
    let ranges = parse_accept(accept);
    let html = quality(&ranges, "text/html").unwrap_or(0.0);
    let rdf = [
        "text/turtle",
        "application/ld+json",
        "application/n-triples",
        "application/rdf+xml",
    ]
    .iter()
    .filter_map(|m| quality(&ranges, m))
    .fold(0.0_f32, f32::max);
    html > 0.0 && html >= rdf && ranges.iter().any(|r| r.kind == "text" && r.subtype == "html")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(form: QueryForm, accept: Option<&str>, param: Option<&str>, expected: Option<&str>) {
        let got = choose(form, accept, param)
            .ok()
            .map(|f| media_type(f).split(';').next().unwrap_or_default());
        assert_eq!(got, expected, "accept={accept:?} format={param:?}");
    }

    #[test]
    fn negotiation_table() {
        use QueryForm::{Graph, Solutions};
        check(Solutions, None, None, Some("application/sparql-results+json"));
        check(
            Solutions,
            Some("*/*"),
            None,
            Some("application/sparql-results+json"),
        );
        check(Solutions, Some("text/csv"), None, Some("text/csv"));
        check(
            Solutions,
            Some("text/csv;q=0.5, application/sparql-results+xml"),
            None,
            Some("application/sparql-results+xml"),
        );
        check(
            Solutions,
            Some("text/csv;q=0.9, application/json;q=0.1"),
            None,
            Some("text/csv"),
        );
        check(
            Solutions,
            Some("text/*"),
            None,
            Some("application/sparql-results+xml"),
        );
        check(Solutions, Some("text/turtle"), None, None);
        check(Solutions, Some("application/json;q=0"), None, None);
        check(
            Solutions,
            Some("text/turtle"),
            Some("tsv"),
            Some("text/tab-separated-values"),
        );
        check(Graph, None, None, Some("text/turtle"));
        check(
            Graph,
            Some("application/ld+json"),
            None,
            Some("application/ld+json"),
        );
        check(
            Graph,
            Some("application/n-quads"),
            None,
            Some("application/n-quads"),
        );
        check(
            Graph,
            Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            None,
            Some("application/rdf+xml"),
        );
        check(Graph, None, Some("nt"), Some("application/n-triples"));
        check(Graph, None, Some("csv"), None);
    }

    #[test]
    fn browsers_prefer_html() {
        assert!(prefers_html(Some(
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        )));
        assert!(!prefers_html(Some("text/turtle")));
        assert!(!prefers_html(Some("*/*")));
        assert!(!prefers_html(None));
    }
}
