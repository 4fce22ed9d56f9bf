//! Counts kept up to date as articles come and go, so that an overview does not scan the
//! archive: how many events of each CAMEO code each pair of countries has (what
//! `queries/07-cameo-distribution-per-pair.rq` reads).
//!
//! They live in `<base>graph/summary`, one node per (country, country, code):
//!
//! ```turtle
//! <base>summary/pair-cameo/IRQ-SYR-063> a bil:PairCameoCount ;
//!     bil:firstCountry <…/id/country/IRQ> ; bil:secondCountry <…/id/country/SYR> ;
//!     bil:cameoCode <https://w3id.org/bilateral/cameo/063> ; bil:eventCount 4 .
//! <base>summary> bil:upToDate true .
//! ```
//!
//! An event counts for a pair when it is a `sem:Event` with a `bil:cameo` code and both
//! countries among its `sem:hasActor`s (the first the smaller IRI), once per event: the
//! definition of the query it replaces. Ingesting or retracting one article changes the counts
//! in the article's own transaction. Writes that can change anything (the bulk ingest, `load`,
//! `/update`, the Graph Store) remove `bil:upToDate` first and [`rebuild`] the counts after;
//! while it is absent no transaction touches the counts, and a store opened without it (a bulk
//! ingest stopped half-way) is rebuilt before it is served.

use crate::store::{Database, StoreError};
use crate::vocab::{BIL, RDF_TYPE, SEM, XSD};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term};
use oxigraph::store::{StorageError, Transaction};
use std::collections::{BTreeMap, HashMap};

/// (first country, second country, code) → number of events.
type Counts = BTreeMap<(String, String, String), i64>;

fn n(iri: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// The graph of the counts.
pub fn graph(base: &str) -> NamedNode {
    n(format!("{base}graph/summary"))
}

fn marker(base: &str) -> Quad {
    Quad::new(
        n(format!("{base}summary")),
        n(format!("{BIL}upToDate")),
        Literal::from(true),
        graph(base),
    )
}

/// The node of one count: readable when both countries are the base's own.
fn node(base: &str, (a, b, code): &(String, String, String)) -> NamedNode {
    let country = format!("{base}id/country/");
    let code_part = code.rsplit('/').next().unwrap_or_default();
    match (a.strip_prefix(&country), b.strip_prefix(&country)) {
        (Some(a), Some(b)) if !code_part.is_empty() => {
            n(format!("{base}summary/pair-cameo/{a}-{b}-{code_part}"))
        }
        _ => {
            let h = format!("{a} {b} {code}")
                .bytes()
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
                });
            n(format!("{base}summary/pair-cameo/{h:016x}"))
        }
    }
}

fn description(base: &str, key: &(String, String, String), count: i64) -> [Quad; 5] {
    let s = node(base, key);
    let g = GraphName::NamedNode(graph(base));
    let q = |p: &str, o: Term| Quad::new(s.clone(), n(format!("{BIL}{p}")), o, g.clone());
    [
        Quad::new(
            s.clone(),
            n(RDF_TYPE),
            n(format!("{BIL}PairCameoCount")),
            g.clone(),
        ),
        q("firstCountry", n(key.0.clone()).into()),
        q("secondCountry", n(key.1.clone()).into()),
        q("cameoCode", n(key.2.clone()).into()),
        q(
            "eventCount",
            Literal::new_typed_literal(count.to_string(), n(format!("{XSD}integer"))).into(),
        ),
    ]
}

/// What the events among `quads` count: every (pair, code) of each event, once.
pub fn counts(quads: &[Quad]) -> Counts {
    let (event_type, cameo, actor) = (
        n(format!("{SEM}Event")),
        n(format!("{BIL}cameo")),
        n(format!("{SEM}hasActor")),
    );
    let rdf_type = n(RDF_TYPE);
    let mut events: HashMap<&NamedOrBlankNode, (bool, Vec<&str>, Vec<&str>)> = HashMap::new();
    for q in quads {
        let Term::NamedNode(o) = &q.object else { continue };
        if q.predicate == rdf_type && *o == event_type {
            events.entry(&q.subject).or_default().0 = true;
        } else if q.predicate == cameo {
            events.entry(&q.subject).or_default().1.push(o.as_str());
        } else if q.predicate == actor {
            events.entry(&q.subject).or_default().2.push(o.as_str());
        }
    }
    let mut out = Counts::new();
    for (is_event, codes, mut actors) in events.into_values() {
        if !is_event {
            continue;
        }
        actors.sort_unstable();
        actors.dedup();
        let mut codes = codes;
        codes.sort_unstable();
        codes.dedup();
        for (i, a) in actors.iter().enumerate() {
            for b in &actors[i + 1..] {
                for code in &codes {
                    *out.entry(((*a).to_owned(), (*b).to_owned(), (*code).to_owned()))
                        .or_default() += 1;
                }
            }
        }
    }
    out
}

/// In a transaction that replaces `removed` (an article graph's old quads, or none) by `added`:
/// the counts follow. Nothing happens while the counts are marked out of date. Returns how
/// many quads the summary graph gained (a new count is five; a changed one, none).
pub fn update(
    transaction: &mut Transaction<'_>,
    base: &str,
    removed: &[Quad],
    added: &[Quad],
) -> Result<isize, StorageError> {
    if !transaction.contains(&marker(base))? {
        return Ok(0);
    }
    let mut gained: isize = 0;
    let mut delta = counts(added);
    for (k, v) in counts(removed) {
        *delta.entry(k).or_default() -= v;
    }
    let g = graph(base);
    let count_predicate = n(format!("{BIL}eventCount"));
    for (key, change) in delta.into_iter().filter(|(_, v)| *v != 0) {
        let s = node(base, &key);
        let old: Vec<Quad> = transaction
            .quads_for_pattern(Some(s.as_ref().into()), None, None, Some(g.as_ref().into()))
            .collect::<Result<_, _>>()?;
        let before = old
            .iter()
            .find(|q| q.predicate == count_predicate)
            .and_then(|q| match &q.object {
                Term::Literal(l) => l.value().parse::<i64>().ok(),
                _ => None,
            })
            .unwrap_or(0);
        for q in &old {
            transaction.remove(q);
        }
        let after = before + change;
        let new = if after > 0 {
            description(base, &key, after).to_vec()
        } else {
            Vec::new()
        };
        transaction.extend(new.iter().map(QuadRef::from));
        gained += isize::try_from(new.len()).unwrap_or(0) - isize::try_from(old.len()).unwrap_or(0);
    }
    Ok(gained)
}

/// Marks the counts out of date (before a write that does not keep them).
pub fn invalidate(db: &Database, base: &str) -> Result<(), StoreError> {
    db.remove_quad(&marker(base))
}

/// Whether the counts are up to date.
pub fn is_current(db: &Database, base: &str) -> Result<bool, StoreError> {
    db.contains(&marker(base))
}

/// Counts every event of the store again and replaces the summary graph with the result (one
/// transaction), marked up to date. Returns the number of counts.
pub fn rebuild(db: &Database, base: &str) -> Result<usize, StoreError> {
    // Three scans of the predicate index (codes, actors, types), joined here by subject: a
    // lookup per event would seek the store hundreds of thousands of times.
    let (cameo, actor) = (n(format!("{BIL}cameo")), n(format!("{SEM}hasActor")));
    let event_type = Term::NamedNode(n(format!("{SEM}Event")));
    let mut events: HashMap<NamedNode, (bool, Vec<Quad>)> = HashMap::new();
    for q in db.quads_with_predicate(&cameo, usize::MAX)? {
        if let NamedOrBlankNode::NamedNode(s) = &q.subject {
            events.entry(s.clone()).or_default().1.push(q);
        }
    }
    for q in db.quads_with_predicate(&actor, usize::MAX)? {
        if let NamedOrBlankNode::NamedNode(s) = &q.subject
            && let Some(e) = events.get_mut(s)
        {
            e.1.push(q);
        }
    }
    for q in db.quads_with_predicate_object(&n(RDF_TYPE), &event_type, usize::MAX)? {
        if let NamedOrBlankNode::NamedNode(s) = &q.subject
            && let Some(e) = events.get_mut(s)
        {
            if !e.0 {
                e.1.push(q);
            }
            e.0 = true;
        }
    }
    let mut counts = Counts::new();
    for (_, (_, quads)) in events {
        // `counts` takes each code and actor of an event once, whatever graphs repeat them.
        for (k, v) in self::counts(&quads) {
            *counts.entry(k).or_default() += v;
        }
    }
    let mut out: Vec<Quad> = Vec::with_capacity(counts.len() * 5 + 1);
    for (key, count) in &counts {
        out.extend(description(base, key, *count));
    }
    out.push(marker(base));
    db.replace_graph_with(&graph(base), &out)?;
    Ok(counts.len())
}

/// Rebuilds the counts when they are out of date; returns whether it did.
pub fn ensure(db: &Database, base: &str) -> Result<bool, StoreError> {
    if is_current(db, base)? {
        return Ok(false);
    }
    rebuild(db, base)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str, p: &str, o: &str) -> Quad {
        Quad::new(n(s), n(p), n(o), GraphName::DefaultGraph)
    }

    #[test]
    fn an_event_counts_once_for_each_pair_of_its_actors() {
        let t = RDF_TYPE;
        let (ev, cameo, actor) = (
            format!("{SEM}Event"),
            format!("{BIL}cameo"),
            format!("{SEM}hasActor"),
        );
        let quads = vec![
            q("http://e/1", t, &ev),
            q("http://e/1", &cameo, "http://c/040"),
            q("http://e/1", &actor, "http://x/B"),
            q("http://e/1", &actor, "http://x/A"),
            q("http://e/1", &actor, "http://x/C"),
            // Not an event: no type.
            q("http://e/2", &cameo, "http://c/040"),
            q("http://e/2", &actor, "http://x/A"),
            q("http://e/2", &actor, "http://x/B"),
        ];
        let c = counts(&quads);
        let k = |a: &str, b: &str| {
            (
                format!("http://x/{a}"),
                format!("http://x/{b}"),
                "http://c/040".to_owned(),
            )
        };
        assert_eq!(c.len(), 3);
        assert_eq!(c[&k("A", "B")], 1);
        assert_eq!(c[&k("A", "C")], 1);
        assert_eq!(c[&k("B", "C")], 1);
    }
}
