//! Counts kept up to date as articles come and go, so that an overview does not scan the
//! archive: how many events of each CAMEO code each pair of countries has (what
//! `queries/07-cameo-distribution-per-pair.rq` reads), and how many claims, hedged or not, each
//! source has (`queries/12-sources-ranked-by-claims.rq`).
//!
//! They live in `<base>graph/summary`, one node per (country, country, code) and per source:
//!
//! ```turtle
//! <base>summary/pair-cameo/IRQ-SYR-063> a bil:PairCameoCount ;
//!     bil:firstCountry <…/id/country/IRQ> ; bil:secondCountry <…/id/country/SYR> ;
//!     bil:cameoCode <https://w3id.org/bilateral/cameo/063> ; bil:eventCount 4 .
//! <base>summary/source/9f…> a bil:SourceClaimCount ; bil:countedSource "analysts" ;
//!     bil:claimCount 12 ; bil:hedgedClaimCount 5 .
//! <base>summary> bil:upToDate true .
//! ```
//!
//! An event counts for a pair when it is a `sem:Event` with a `bil:cameo` code and both
//! countries among its `sem:hasActor`s (the first the smaller IRI), once per event; a claim
//! counts for each of its `bil:sourceName`s, and as hedged when its `bil:hedged` is true: the
//! definitions of the queries they replace. Ingesting or retracting one article changes the counts
//! in the article's own transaction. Writes that can change anything (the bulk ingest, `load`,
//! `/update`, the Graph Store) remove `bil:upToDate` first and [`rebuild`] the counts after;
//! while it is absent no transaction touches the counts, and a store opened without it (a bulk
//! ingest stopped half-way) is rebuilt before it is served.

use crate::store::{Database, StoreError};
use crate::vocab::{BIL, RDF_TYPE, SEM, XSD};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term};
use oxigraph::store::{StorageError, Transaction};
use std::collections::{BTreeMap, HashMap};

/// What one count is of.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    /// Events of a pair of countries (the smaller IRI first) with a CAMEO code.
    PairCameo(String, String, String),
    /// Claims of a source (its name).
    Source(String),
}

/// Each count's values: events (and 0), or claims and hedged claims.
pub type Counts = BTreeMap<Key, [i64; 2]>;

fn fnv(text: &str) -> u64 {
    crate::extract::text::fnv1a(crate::extract::text::FNV_OFFSET, text.bytes())
}

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
fn node(base: &str, key: &Key) -> NamedNode {
    match key {
        Key::PairCameo(a, b, code) => {
            let country = format!("{base}id/country/");
            let code_part = code.rsplit('/').next().unwrap_or_default();
            match (a.strip_prefix(&country), b.strip_prefix(&country)) {
                (Some(a), Some(b)) if !code_part.is_empty() => {
                    n(format!("{base}summary/pair-cameo/{a}-{b}-{code_part}"))
                }
                _ => n(format!(
                    "{base}summary/pair-cameo/{:016x}",
                    fnv(&format!("{a} {b} {code}"))
                )),
            }
        }
        Key::Source(name) => n(format!("{base}summary/source/{:016x}", fnv(name))),
    }
}

fn integer(v: i64) -> Term {
    Literal::new_typed_literal(v.to_string(), n(format!("{XSD}integer"))).into()
}

fn description(base: &str, key: &Key, values: [i64; 2]) -> Vec<Quad> {
    let s = node(base, key);
    let g = GraphName::NamedNode(graph(base));
    let q = |p: &str, o: Term| Quad::new(s.clone(), n(format!("{BIL}{p}")), o, g.clone());
    let a = |class: &str| Quad::new(s.clone(), n(RDF_TYPE), n(format!("{BIL}{class}")), g.clone());
    match key {
        Key::PairCameo(first, second, code) => vec![
            a("PairCameoCount"),
            q("firstCountry", n(first.clone()).into()),
            q("secondCountry", n(second.clone()).into()),
            q("cameoCode", n(code.clone()).into()),
            q("eventCount", integer(values[0])),
        ],
        Key::Source(name) => vec![
            a("SourceClaimCount"),
            q("countedSource", Literal::new_simple_literal(name).into()),
            q("claimCount", integer(values[0])),
            q("hedgedClaimCount", integer(values[1])),
        ],
    }
}

/// What one subject of an article graph is, for counting.
#[derive(Default)]
struct Node<'a> {
    event: bool,
    claim: bool,
    codes: Vec<&'a str>,
    actors: Vec<&'a str>,
    sources: Vec<&'a str>,
    hedged: bool,
}

/// What the events and claims among `quads` count: every (pair, code) of each event, once;
/// each source of each claim, once, and whether the claim is hedged.
pub fn counts(quads: &[Quad]) -> Counts {
    let (event_type, claim_type, cameo, actor, source, hedged) = (
        n(format!("{SEM}Event")),
        n(format!("{BIL}Claim")),
        n(format!("{BIL}cameo")),
        n(format!("{SEM}hasActor")),
        n(format!("{BIL}sourceName")),
        n(format!("{BIL}hedged")),
    );
    let rdf_type = n(RDF_TYPE);
    let mut nodes: HashMap<&NamedOrBlankNode, Node<'_>> = HashMap::new();
    for q in quads {
        match &q.object {
            Term::NamedNode(o) if q.predicate == rdf_type && *o == event_type => {
                nodes.entry(&q.subject).or_default().event = true;
            }
            Term::NamedNode(o) if q.predicate == rdf_type && *o == claim_type => {
                nodes.entry(&q.subject).or_default().claim = true;
            }
            Term::NamedNode(o) if q.predicate == cameo => {
                nodes.entry(&q.subject).or_default().codes.push(o.as_str());
            }
            Term::NamedNode(o) if q.predicate == actor => {
                nodes.entry(&q.subject).or_default().actors.push(o.as_str());
            }
            Term::Literal(l) if q.predicate == source => {
                nodes.entry(&q.subject).or_default().sources.push(l.value());
            }
            Term::Literal(l) if q.predicate == hedged && l.value() == "true" => {
                nodes.entry(&q.subject).or_default().hedged = true;
            }
            _ => {}
        }
    }
    let mut out = Counts::new();
    for mut node in nodes.into_values() {
        for list in [&mut node.codes, &mut node.actors, &mut node.sources] {
            list.sort_unstable();
            list.dedup();
        }
        if node.event {
            for (i, a) in node.actors.iter().enumerate() {
                for b in &node.actors[i + 1..] {
                    for code in &node.codes {
                        let key = Key::PairCameo((*a).to_owned(), (*b).to_owned(), (*code).to_owned());
                        out.entry(key).or_default()[0] += 1;
                    }
                }
            }
        }
        if node.claim {
            for name in &node.sources {
                let v = out.entry(Key::Source((*name).to_owned())).or_default();
                v[0] += 1;
                v[1] += i64::from(node.hedged);
            }
        }
    }
    out
}

/// In a transaction that replaces `removed` (an article graph's old quads, or none) by `added`:
/// the counts follow. Nothing happens while the counts are marked out of date. Returns how
/// many quads the summary graph gained (a new count is four or five; a changed one, none).
pub fn update(
    transaction: &mut Transaction<'_>,
    base: &str,
    removed: &[Quad],
    added: &[Quad],
) -> Result<isize, StorageError> {
    if !transaction.contains(&marker(base))? {
        return Ok(0);
    }
    let mut delta = counts(added);
    for (k, v) in counts(removed) {
        let d = delta.entry(k).or_default();
        d[0] -= v[0];
        d[1] -= v[1];
    }
    write_delta(transaction, base, delta)
}

/// Adds what `quads` count to `total` (a bulk ingest gathers its articles' counts this way).
pub fn add(total: &mut Counts, quads: &[Quad]) {
    for (k, v) in counts(quads) {
        let t = total.entry(k).or_default();
        t[0] += v[0];
        t[1] += v[1];
    }
}

/// After a bulk ingest that began with the counts up to date and added articles whose counts
/// are `delta`: applies them and marks the counts up to date again, in one transaction.
pub fn apply(db: &Database, base: &str, delta: Counts) -> Result<(), StoreError> {
    db.transact(|transaction| {
        write_delta(transaction, base, delta)?;
        transaction.insert(&marker(base));
        Ok(())
    })
}

/// Changes the counts by `delta` (read, add, write back; a count down to zero goes).
fn write_delta(transaction: &mut Transaction<'_>, base: &str, delta: Counts) -> Result<isize, StorageError> {
    let mut gained: isize = 0;
    let g = graph(base);
    let value_of = |old: &[Quad], predicate: &str| {
        old.iter()
            .find(|q| q.predicate.as_str() == format!("{BIL}{predicate}"))
            .and_then(|q| match &q.object {
                Term::Literal(l) => l.value().parse::<i64>().ok(),
                _ => None,
            })
            .unwrap_or(0)
    };
    for (key, change) in delta.into_iter().filter(|(_, v)| *v != [0, 0]) {
        let s = node(base, &key);
        let old: Vec<Quad> = transaction
            .quads_for_pattern(Some(s.as_ref().into()), None, None, Some(g.as_ref().into()))
            .collect::<Result<_, _>>()?;
        let before = match key {
            Key::PairCameo(..) => [value_of(&old, "eventCount"), 0],
            Key::Source(_) => [value_of(&old, "claimCount"), value_of(&old, "hedgedClaimCount")],
        };
        for q in &old {
            transaction.remove(q);
        }
        let after = [before[0] + change[0], before[1] + change[1]];
        let new = if after[0] > 0 {
            description(base, &key, after)
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
    // Scans of the predicate index (codes, actors, types; sources, hedges, types), joined here
    // by subject: a lookup per event or claim would seek the store a million times.
    let typed = |class: String| Term::NamedNode(n(class));
    let mut counts = Counts::new();
    for (first, rest, class) in [
        (
            format!("{BIL}cameo"),
            format!("{SEM}hasActor"),
            typed(format!("{SEM}Event")),
        ),
        (
            format!("{BIL}sourceName"),
            format!("{BIL}hedged"),
            typed(format!("{BIL}Claim")),
        ),
    ] {
        let mut nodes: HashMap<NamedNode, (bool, Vec<Quad>)> = HashMap::new();
        for q in db.quads_with_predicate(&n(first), usize::MAX)? {
            if let NamedOrBlankNode::NamedNode(s) = &q.subject {
                nodes.entry(s.clone()).or_default().1.push(q);
            }
        }
        for q in db.quads_with_predicate(&n(rest), usize::MAX)? {
            if let NamedOrBlankNode::NamedNode(s) = &q.subject
                && let Some(e) = nodes.get_mut(s)
            {
                e.1.push(q);
            }
        }
        for q in db.quads_with_predicate_object(&n(RDF_TYPE), &class, usize::MAX)? {
            if let NamedOrBlankNode::NamedNode(s) = &q.subject
                && let Some(e) = nodes.get_mut(s)
            {
                if !e.0 {
                    e.1.push(q);
                }
                e.0 = true;
            }
        }
        for (_, (_, quads)) in nodes {
            // `counts` takes each value of a node once, whatever graphs repeat it.
            for (k, v) in self::counts(&quads) {
                let c = counts.entry(k).or_default();
                c[0] += v[0];
                c[1] += v[1];
            }
        }
    }
    let mut out: Vec<Quad> = Vec::with_capacity(counts.len() * 5 + 1);
    for (key, values) in &counts {
        out.extend(description(base, key, *values));
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
            Key::PairCameo(
                format!("http://x/{a}"),
                format!("http://x/{b}"),
                "http://c/040".to_owned(),
            )
        };
        assert_eq!(c.len(), 3);
        assert_eq!(c[&k("A", "B")], [1, 0]);
        assert_eq!(c[&k("A", "C")], [1, 0]);
        assert_eq!(c[&k("B", "C")], [1, 0]);
    }
}
