//! A SHACL-core subset validator over the store, for `bilateral validate`: node shapes with
//! `sh:targetClass` and `sh:targetObjectsOf` (any number of each), property shapes with an IRI
//! `sh:path` and `sh:minCount`, `sh:maxCount`, `sh:datatype`, `sh:class`, `sh:nodeKind`,
//! `sh:pattern` (without `sh:flags`). A shapes file that uses
//! anything else is refused with the name of the feature, rather than silently passed. Class
//! membership is read directly (`rdf:type`), without `rdfs:subClassOf` inference, so shapes target
//! classes the data states.

use crate::store::{Database, Limits, StoreError, prepare_query};
use crate::vocab::SH;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, Term, Triple};
use std::fmt;

/// One violation.
#[derive(Debug, Clone)]
pub struct Violation {
    /// The focus node.
    pub focus: String,
    /// The shape.
    pub shape: String,
    /// The path.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({} on {}): {}",
            self.focus, self.shape, self.path, self.message
        )
    }
}

/// The outcome of a validation.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Node shapes applied.
    pub shapes: usize,
    /// Focus nodes checked.
    pub focus_nodes: usize,
    /// What failed.
    pub violations: Vec<Violation>,
}

const SUPPORTED: &[&str] = &[
    "path", "minCount", "maxCount", "datatype", "class", "nodeKind", "pattern",
];

fn objects<'a>(triples: &'a [Triple], s: &Term, p: &str) -> impl Iterator<Item = &'a Term> + 'a {
    let s = s.clone();
    let p = format!("{SH}{p}");
    triples
        .iter()
        .filter(move |t| Term::from(t.subject.clone()) == s && t.predicate.as_str() == p)
        .map(|t| &t.object)
}

fn int(t: Option<&Term>) -> Option<usize> {
    match t {
        Some(Term::Literal(l)) => l.value().parse().ok(),
        _ => None,
    }
}

fn iri(t: Option<&Term>) -> Option<NamedNode> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.clone()),
        _ => None,
    }
}

/// Validates the store (its union graph) against the shapes in Turtle.
#[expect(
    clippy::too_many_lines,
    reason = "one SPARQL check per constraint component, in order"
)]
pub fn validate(db: &Database, shapes_ttl: &str) -> Result<Report, StoreError> {
    let triples: Vec<Triple> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(shapes_ttl.as_bytes())
        .map(|q| q.map(Triple::from).map_err(|e| StoreError::Parse(e.to_string())))
        .collect::<Result<_, _>>()?;
    let node_shape = format!("{SH}NodeShape");
    let shapes: Vec<Term> = triples
        .iter()
        .filter(|t| {
            t.predicate.as_str() == crate::vocab::RDF_TYPE
                && matches!(&t.object, Term::NamedNode(n) if n.as_str() == node_shape)
        })
        .map(|t| t.subject.clone().into())
        .collect();
    let limits = Limits { max_rows: usize::MAX };
    let mut report = Report {
        shapes: shapes.len(),
        ..Report::default()
    };
    for shape in &shapes {
        // Every target of the shape, as one pattern binding ?n: a union of its classes and
        // the predicates whose objects it targets.
        let targets: Vec<String> = objects(&triples, shape, "targetClass")
            .filter_map(|c| iri(Some(c)))
            .map(|c| format!("{{ ?n a <{}> }}", c.as_str()))
            .chain(
                objects(&triples, shape, "targetObjectsOf")
                    .filter_map(|p| iri(Some(p)))
                    .map(|p| format!("{{ ?x <{}> ?n }}", p.as_str())),
            )
            .collect();
        if targets.is_empty() {
            return Err(StoreError::Invalid(format!(
                "shape {shape} has no sh:targetClass or sh:targetObjectsOf"
            )));
        }
        let target = targets.join(" UNION ");
        let count = prepare_query(
            &format!("SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{ {target} }}"),
            None,
            &[],
            &[],
        )?;
        let n = db.query_table(&count, &limits, None)?;
        report.focus_nodes += n
            .rows
            .first()
            .and_then(|r| int(r.first().and_then(Option::as_ref)))
            .unwrap_or(0);
        for property in objects(&triples, shape, "property").cloned().collect::<Vec<_>>() {
            for t in triples
                .iter()
                .filter(|t| Term::from(t.subject.clone()) == property)
            {
                let local = t
                    .predicate
                    .as_str()
                    .strip_prefix(SH)
                    .unwrap_or(t.predicate.as_str());
                if !SUPPORTED.contains(&local) {
                    return Err(StoreError::Invalid(format!(
                        "unsupported SHACL feature in {shape}: {}",
                        t.predicate
                    )));
                }
            }
            let Some(path) = iri(objects(&triples, &property, "path").next()) else {
                return Err(StoreError::Invalid(format!(
                    "a property shape of {shape} has no IRI sh:path"
                )));
            };
            let path_s = path.as_str();
            let min = int(objects(&triples, &property, "minCount").next());
            let max = int(objects(&triples, &property, "maxCount").next());
            let mut checks: Vec<(String, String)> = Vec::new();
            if min.is_some() || max.is_some() {
                let mut having = Vec::new();
                if let Some(m) = min {
                    having.push(format!("?c < {m}"));
                }
                if let Some(m) = max {
                    having.push(format!("?c > {m}"));
                }
                checks.push((
                    format!("SELECT ?n ?c WHERE {{ {{ SELECT ?n (COUNT(DISTINCT ?v) AS ?c) WHERE {{ {{ SELECT DISTINCT ?n WHERE {{ {target} }} }} OPTIONAL {{ ?n <{path_s}> ?v }} }} GROUP BY ?n }} FILTER({}) }}", having.join(" || ")),
                    format!("has a number of values outside [{}, {}]", min.unwrap_or(0), max.map_or("∞".to_owned(), |m| m.to_string())),
                ));
            }
            if let Some(d) = iri(objects(&triples, &property, "datatype").next()) {
                checks.push((
                    format!("SELECT DISTINCT ?n ?v WHERE {{ {target} ?n <{path_s}> ?v FILTER(!isLiteral(?v) || datatype(?v) != <{}>) }}", d.as_str()),
                    format!("has a value that is not a {}", d.as_str()),
                ));
            }
            if let Some(c) = iri(objects(&triples, &property, "class").next()) {
                checks.push((
                    format!("SELECT DISTINCT ?n ?v WHERE {{ {target} ?n <{path_s}> ?v FILTER NOT EXISTS {{ ?v a <{}> }} }}", c.as_str()),
                    format!("has a value that is not a {}", c.as_str()),
                ));
            }
            if let Some(k) = iri(objects(&triples, &property, "nodeKind").next()) {
                let test = match k.as_str().strip_prefix(SH).unwrap_or_default() {
                    "IRI" => "isIRI(?v)",
                    "Literal" => "isLiteral(?v)",
                    "BlankNode" => "isBlank(?v)",
                    "BlankNodeOrIRI" => "(isBlank(?v) || isIRI(?v))",
                    "IRIOrLiteral" => "(isIRI(?v) || isLiteral(?v))",
                    other => return Err(StoreError::Invalid(format!("unsupported sh:nodeKind {other}"))),
                };
                checks.push((
                    format!("SELECT DISTINCT ?n ?v WHERE {{ {target} ?n <{path_s}> ?v FILTER(!{test}) }}"),
                    format!("has a value that is not of node kind {k}"),
                ));
            }
            if let Some(Term::Literal(pattern)) = objects(&triples, &property, "pattern").next() {
                // SHACL matches the pattern against the value's string; a blank node fails.
                let quoted = serde_json::Value::String(pattern.value().to_owned()).to_string();
                checks.push((
                    format!("SELECT DISTINCT ?n ?v WHERE {{ {target} ?n <{path_s}> ?v FILTER(isBlank(?v) || !REGEX(STR(?v), {quoted})) }}"),
                    format!("has a value that does not match {quoted}"),
                ));
            }
            for (query, message) in checks {
                let prepared = prepare_query(&query, None, &[], &[])?;
                for row in db.query_table(&prepared, &limits, None)?.rows {
                    report.violations.push(Violation {
                        focus: row
                            .first()
                            .cloned()
                            .flatten()
                            .map(|t| t.to_string())
                            .unwrap_or_default(),
                        shape: shape.to_string(),
                        path: path.to_string(),
                        message: message.clone(),
                    });
                }
            }
        }
    }
    Ok(report)
}
