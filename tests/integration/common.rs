//! Helpers shared by the tests that read the store through SPARQL.

use bilateral::store::{Database, Limits, prepare_query};
use oxigraph::model::Term;

/// The rows of a SELECT query, each cell as text (an IRI, a literal's value, or empty).
pub fn cells(db: &Database, query: &str) -> Vec<Vec<String>> {
    let prepared = prepare_query(query, None, &[], &[]).unwrap();
    db.query_table(&prepared, &Limits { max_rows: 100_000 }, None)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|t| match t {
                    Some(Term::NamedNode(n)) => n.into_string(),
                    Some(Term::Literal(l)) => l.value().to_owned(),
                    Some(other) => other.to_string(),
                    None => String::new(),
                })
                .collect()
        })
        .collect()
}

/// The quads of the store outside the summary graph (derived counts, which no article's
/// outcome counts as its own).
pub fn len_outside_summary(db: &Database) -> usize {
    let summary = bilateral::summary::graph(bilateral::DEFAULT_BASE_IRI);
    db.len().unwrap() - db.graph_quads(&summary).unwrap().len()
}
