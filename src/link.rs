//! Events across articles: reports of one happening, linked to one node.
//!
//! Each article's events are **reports**: `<article>/event/N`, in the article's statement graph,
//! grounded in its words. Reports of the same happening are linked, in the **events graph**
//! `<base>graph/events`, to one **happening** `<base>id/event/...` (a `bil:Happening`):
//! `<report> bil:reportOf <happening>`. The links live outside the article graphs because they
//! depend on the other articles in the store (an article's digest must not).
//!
//! Two reports are of the same happening when (see [`same_happening`]) they have the same event
//! type, the same participants, and their days are at most [`WINDOW_DAYS`] apart — the event's
//! own date when the text gives a day, else the article's date. A report with no day is never
//! linked: it founds a happening of its own.
//!
//! A happening's IRI is its type, its participants and the day of the report that founded it
//! (`<base>id/event/meeting/irq-syr/2026-03-02`), so re-ingesting the same articles in the same
//! order gives the same IRIs; a later report joins the earliest happening it matches. Retracting
//! an article removes its reports' links; a happening no report links to any more is removed.

use crate::extract::time::Day;
use crate::extract::{EventOut, Extraction};
use crate::vocab::{BIL, RDF_TYPE, RDFS, SEM, XSD};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::store::{StorageError, Transaction};

/// What [`link`] reads of the store: the quads of the events graph with a given subject or a
/// given predicate and object. A transaction reads so; so does a batch of articles bulk-loaded
/// together (the store as it was, and what the batch's earlier articles linked).
pub trait Lookup {
    /// The quads of `graph` matching the pattern (`None` matches anything).
    fn quads(
        &self,
        subject: Option<&NamedNode>,
        predicate: Option<&NamedNode>,
        object: Option<&Term>,
        graph: &GraphName,
    ) -> Result<Vec<Quad>, StorageError>;
}

impl Lookup for Transaction<'_> {
    fn quads(
        &self,
        subject: Option<&NamedNode>,
        predicate: Option<&NamedNode>,
        object: Option<&Term>,
        graph: &GraphName,
    ) -> Result<Vec<Quad>, StorageError> {
        self.quads_for_pattern(
            subject.map(|s| s.as_ref().into()),
            predicate.map(NamedNode::as_ref),
            object.map(Term::as_ref),
            Some(graph.as_ref()),
        )
        .collect()
    }
}

impl Lookup for crate::store::Batch {
    fn quads(
        &self,
        subject: Option<&NamedNode>,
        predicate: Option<&NamedNode>,
        object: Option<&Term>,
        graph: &GraphName,
    ) -> Result<Vec<Quad>, StorageError> {
        crate::store::Batch::quads(self, subject, predicate, object, graph)
    }
}

/// The most days between two reports of one happening.
pub const WINDOW_DAYS: i64 = 3;

/// The graph of the links between reports and happenings: `<base>graph/events`.
pub fn events_graph(base: &str) -> String {
    format!("{base}graph/events")
}

/// What linking needs to know of one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The report's IRI (`<article>/event/N`).
    pub iri: String,
    /// The event type key.
    pub kind: String,
    /// The participants' ISO 3166-1 alpha-3 codes, sorted.
    pub participants: Vec<String>,
    /// The day it happened (days since 1970-01-01), as the text or the article's date gives it.
    pub day: Option<i64>,
    /// Where the action comes from and where it goes (ISO codes), when the text says.
    pub from: Option<String>,
    /// See `from`.
    pub to: Option<String>,
}

impl Report {
    /// The report of an extracted event, dated by the event's day or the article's; `iso3`
    /// gives a country's code by its name.
    pub fn of(event: &EventOut, article_date: Option<&str>, iso3: impl Fn(&str) -> Option<String>) -> Report {
        let mut participants = event.participants_iso3.clone();
        participants.sort();
        participants.dedup();
        let day = event
            .date
            .as_deref()
            .filter(|d| d.len() == 10)
            .and_then(day_of)
            .or_else(|| article_date.and_then(day_of));
        Report {
            iri: event.iri.clone(),
            kind: event.kind.clone(),
            participants,
            day,
            from: event.from.as_deref().and_then(&iso3),
            to: event.to.as_deref().and_then(&iso3),
        }
    }

    /// The direction as stored: `FROM>TO`, a side empty when the text does not say.
    fn direction(&self) -> String {
        format!(
            "{}>{}",
            self.from.as_deref().unwrap_or_default(),
            self.to.as_deref().unwrap_or_default()
        )
    }

    /// What two reports of one happening share: the type and the participants.
    pub fn key(&self) -> String {
        format!("{}|{}", self.kind, self.participants.join(" "))
    }
}

/// Whether two reports tell the same happening (see the module's documentation): same type and
/// participants, days at most [`WINDOW_DAYS`] apart, and no contrary direction (Iraq handing
/// detainees to Syria is not Syria handing detainees to Iraq; a report that gives no direction
/// agrees with either).
pub fn same_happening(a: &Report, b: &Report) -> bool {
    let agree = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    !a.participants.is_empty()
        && a.key() == b.key()
        && matches!((a.day, b.day), (Some(x), Some(y)) if (x - y).abs() <= WINDOW_DAYS)
        && agree(&a.from, &b.from)
        && agree(&a.to, &b.to)
}

/// The reports of an article's extraction.
pub fn reports(x: &Extraction) -> Vec<Report> {
    let iso3 = |name: &str| {
        x.countries
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.iso3.clone())
    };
    x.events
        .iter()
        .map(|e| Report::of(e, x.article.date.as_deref(), iso3))
        .collect()
}

/// The last part of an undated happening's IRI: the founding report's article and number
/// (`undated-80fd813768759ab6-4`).
fn undated(report: &str) -> String {
    let mut parts = report.rsplit('/');
    let n = parts.next().unwrap_or_default();
    let _event = parts.next();
    let article = parts.next().unwrap_or_default();
    format!("undated-{article}-{n}")
}

/// The day of an ISO date (`YYYY-MM-DD`), as days since 1970-01-01.
fn day_of(text: &str) -> Option<i64> {
    let (y, rest) = text.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    let d = d.get(..2).unwrap_or(d);
    Day::valid(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).map(Day::ordinal)
}

fn day_text(ordinal: i64) -> String {
    let epoch = Day {
        year: 1970,
        month: 1,
        day: 1,
    };
    let d = epoch.plus_days(ordinal);
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn bil(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{BIL}{local}"))
}

/// The quads that link `new` reports (of one article) to happenings, given the store as the
/// transaction sees it: each joins the earliest-founded happening one of its matching reports
/// belongs to, or founds one. Reports of the same article are linked among themselves too.
pub fn link(transaction: &impl Lookup, new: &[Report], base: &str) -> Result<Vec<Quad>, StorageError> {
    link_with(transaction, new, base, None)
}

/// [`link`] for a writer that links many articles in a row (a bulk ingest): the stored reports
/// of each key are read once, on first need, and `known` then keeps them, with the links this
/// writer adds, so that linking costs the same at any size of the store. `known` must see every
/// link written to the store meanwhile: clear it after a write that bypasses it.
pub fn link_known(
    lookup: &impl Lookup,
    new: &[Report],
    base: &str,
    known: &mut Known,
) -> Result<Vec<Quad>, StorageError> {
    link_with(lookup, new, base, Some(known))
}

fn link_with(
    transaction: &impl Lookup,
    new: &[Report],
    base: &str,
    mut known: Option<&mut Known>,
) -> Result<Vec<Quad>, StorageError> {
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(events_graph(base)));
    let mut out: Vec<Quad> = Vec::new();
    // Happenings chosen so far in this article, for its own later reports.
    let mut chosen: Vec<(Report, NamedNode)> = Vec::new();
    for r in new {
        let Ok(report) = NamedNode::new(r.iri.clone()) else {
            continue;
        };
        let quad = |s: &NamedNode, p: &str, o: Term| Quad::new(s.clone(), bil(p), o, graph.clone());
        out.push(quad(
            &report,
            "linkKey",
            Literal::new_simple_literal(r.key()).into(),
        ));
        out.push(quad(
            &report,
            "linkDirection",
            Literal::new_simple_literal(r.direction()).into(),
        ));
        if let Some(day) = r.day {
            let date = NamedNode::new_unchecked(format!("{XSD}date"));
            out.push(quad(
                &report,
                "reportDay",
                Literal::new_typed_literal(day_text(day), date).into(),
            ));
        }
        let mut happening = chosen
            .iter()
            .find(|(other, _)| same_happening(r, other))
            .map(|(_, h)| h.clone());
        // Only a report with a day and participants can join another's happening.
        let linkable = r.day.is_some() && !r.participants.is_empty();
        if happening.is_none() && linkable {
            happening = match known.as_deref_mut() {
                Some(known) => earliest(r, known.reports(transaction, &r.key(), &graph)?),
                None => earliest(r, &stored_reports(transaction, &r.key(), &graph)?),
            };
        }
        let happening = if let Some(h) = happening {
            h
        } else {
            let h = NamedNode::new_unchecked(format!(
                "{base}id/event/{}/{}/{}",
                r.kind.replace('_', "-"),
                if r.participants.is_empty() {
                    "none".to_owned()
                } else {
                    r.participants.join("-").to_ascii_lowercase()
                },
                r.day.map_or_else(|| undated(&r.iri), day_text)
            ));
            describe_happening(&mut out, &h, r, base, &graph);
            h
        };
        out.push(quad(&report, "reportOf", happening.clone().into()));
        if linkable && let Some(known) = known.as_deref_mut() {
            known.reports(transaction, &r.key(), &graph)?.push(Stored {
                report: r.clone(),
                happening: happening.clone(),
            });
        }
        chosen.push((r.clone(), happening));
    }
    Ok(out)
}

/// A report in the store (or linked earlier by the same writer) and its happening.
#[derive(Debug, Clone)]
pub struct Stored {
    report: Report,
    happening: NamedNode,
}

/// The stored reports a writer has read or linked, by key (see [`link_known`]).
#[derive(Debug, Default)]
pub struct Known {
    by_key: std::collections::HashMap<String, Vec<Stored>>,
}

impl Known {
    /// The reports of `key`, read from the store the first time.
    fn reports(
        &mut self,
        lookup: &impl Lookup,
        key: &str,
        graph: &GraphName,
    ) -> Result<&mut Vec<Stored>, StorageError> {
        Ok(match self.by_key.entry(key.to_owned()) {
            std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert(stored_reports(lookup, key, graph)?)
            }
        })
    }

    /// Forgets everything (after links were written without this writer).
    pub fn clear(&mut self) {
        self.by_key.clear();
    }
}

/// The earliest-founded happening among those of the reports of the same happening as `r`.
fn earliest(r: &Report, stored: &[Stored]) -> Option<NamedNode> {
    stored
        .iter()
        .filter(|s| same_happening(r, &s.report))
        .map(|s| &s.happening)
        // The earliest-founded happening: its IRI ends with its founding day.
        .min_by(|a, b| {
            a.as_str()
                .rsplit('/')
                .next()
                .cmp(&b.as_str().rsplit('/').next())
                .then(a.cmp(b))
        })
        .cloned()
}

/// The stored reports with the link key `key` (the same type and participants), with their
/// days, directions and happenings.
fn stored_reports(lookup: &impl Lookup, key: &str, graph: &GraphName) -> Result<Vec<Stored>, StorageError> {
    let value = |subject: &NamedNode, predicate: &str| -> Result<Option<Term>, StorageError> {
        Ok(lookup
            .quads(Some(subject), Some(&bil(predicate)), None, graph)?
            .into_iter()
            .next()
            .map(|q| q.object))
    };
    let literal = |t: Option<Term>| match t {
        Some(Term::Literal(l)) => Some(l.value().to_owned()),
        _ => None,
    };
    let (kind, participants) = key.split_once('|').unwrap_or((key, ""));
    let participants: Vec<String> = participants
        .split(' ')
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    let mut found = Vec::new();
    let key = Term::from(Literal::new_simple_literal(key));
    for q in lookup.quads(None, Some(&bil("linkKey")), Some(&key), graph)? {
        let NamedOrBlankNode::NamedNode(other) = q.subject else {
            continue;
        };
        let Some(Term::NamedNode(happening)) = value(&other, "reportOf")? else {
            continue;
        };
        let direction = literal(value(&other, "linkDirection")?).unwrap_or_default();
        let (from, to) = direction.split_once('>').unwrap_or_default();
        let side = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        found.push(Stored {
            report: Report {
                iri: other.as_str().to_owned(),
                kind: kind.to_owned(),
                participants: participants.clone(),
                day: literal(value(&other, "reportDay")?).as_deref().and_then(day_of),
                from: side(from),
                to: side(to),
            },
            happening,
        });
    }
    Ok(found)
}

/// A new happening's description: its type, label, event type and participants.
fn describe_happening(out: &mut Vec<Quad>, h: &NamedNode, r: &Report, base: &str, graph: &GraphName) {
    let quad = |p: NamedNode, o: Term| Quad::new(h.clone(), p, o, graph.clone());
    out.push(quad(NamedNode::new_unchecked(RDF_TYPE), bil("Happening").into()));
    out.push(quad(
        NamedNode::new_unchecked(format!("{RDFS}label")),
        Literal::new_simple_literal(format!(
            "{}: {}{}",
            r.kind.replace('_', " "),
            r.participants.join(", "),
            r.day.map(|d| format!(", {}", day_text(d))).unwrap_or_default()
        ))
        .into(),
    ));
    out.push(quad(
        bil("eventType"),
        bil(crate::model::event_class(&r.kind)).into(),
    ));
    for p in &r.participants {
        out.push(quad(
            NamedNode::new_unchecked(format!("{SEM}hasActor")),
            NamedNode::new_unchecked(format!("{base}id/country/{p}")).into(),
        ));
    }
}

/// Removes from the events graph the links of the reports whose IRIs start with `prefix` (an
/// article's `<article>/event/`), and every happening no report links to any more.
///
/// An article's reports are numbered from 1 (`<article>/event/1`, …): they are looked up one by
/// one, by subject, until a number has nothing in the events graph, so the cost is that of the
/// article's own reports, whatever the size of the store.
pub fn unlink(transaction: &mut Transaction<'_>, prefix: &str, base: &str) -> Result<(), StorageError> {
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(events_graph(base)));
    let report_of = bil("reportOf");
    let mut mine: Vec<Quad> = Vec::new();
    for n in 1.. {
        let Ok(report) = NamedNode::new(format!("{prefix}{n}")) else {
            break;
        };
        let before = mine.len();
        for q in transaction.quads_for_pattern(Some(report.as_ref().into()), None, None, Some(graph.as_ref()))
        {
            mine.push(q?);
        }
        if mine.len() == before {
            break;
        }
    }
    let mut happenings: Vec<NamedNode> = mine
        .iter()
        .filter(|q| q.predicate == report_of)
        .filter_map(|q| match &q.object {
            Term::NamedNode(h) => Some(h.clone()),
            _ => None,
        })
        .collect();
    happenings.sort();
    happenings.dedup();
    for q in &mine {
        transaction.remove(q.as_ref());
    }
    for h in happenings {
        let reported = transaction
            .quads_for_pattern(
                None,
                Some(report_of.as_ref()),
                Some(h.as_ref().into()),
                Some(graph.as_ref()),
            )
            .next()
            .is_some();
        if !reported {
            let about: Vec<Quad> = transaction
                .quads_for_pattern(Some(h.as_ref().into()), None, None, Some(graph.as_ref()))
                .collect::<Result<_, _>>()?;
            for q in &about {
                transaction.remove(q.as_ref());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(kind: &str, participants: &[&str], day: Option<i64>) -> Report {
        Report {
            iri: "x".to_owned(),
            kind: kind.to_owned(),
            participants: participants.iter().map(|s| (*s).to_owned()).collect(),
            day,
            from: None,
            to: None,
        }
    }

    #[test]
    fn the_rule() {
        let a = report("meeting", &["IRQ", "SYR"], Some(100));
        assert!(same_happening(&a, &report("meeting", &["IRQ", "SYR"], Some(103))));
        assert!(!same_happening(
            &a,
            &report("meeting", &["IRQ", "SYR"], Some(104))
        ));
        assert!(!same_happening(
            &a,
            &report("agreement", &["IRQ", "SYR"], Some(100))
        ));
        assert!(!same_happening(
            &a,
            &report("meeting", &["IRQ", "TUR"], Some(100))
        ));
        assert!(!same_happening(&a, &report("meeting", &["IRQ", "SYR"], None)));
        assert!(!same_happening(
            &report("meeting", &[], Some(1)),
            &report("meeting", &[], Some(1))
        ));
        let to = |r: Report, c: &str| Report {
            to: Some(c.to_owned()),
            ..r
        };
        let t = report("detainee_transfer", &["IRQ", "SYR"], Some(100));
        assert!(
            same_happening(&to(t.clone(), "SYR"), &t),
            "no direction agrees with any"
        );
        assert!(!same_happening(&to(t.clone(), "SYR"), &to(t.clone(), "IRQ")));
        assert_eq!(day_text(0), "1970-01-01");
        assert_eq!(day_text(20_514), "2026-03-02");
    }
}
