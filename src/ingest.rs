//! Ingestion: article bytes → read → extract → model → one store transaction. Shared by the
//! `ingest` command, the seeding of a new store and `POST /articles`. Also retraction and the
//! digest check (`verify`).

use crate::article::{self, Article, ArticleError};
use crate::extract::{self, Extraction};
use crate::model::{self, ArticleGraphs, ModelError, Run};
use crate::store::{Database, StoreError, Stored};
use oxigraph::model::NamedNode;

/// Why an article was not stored.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The input is not an article.
    #[error(transparent)]
    Article(#[from] ArticleError),
    /// The facts could not be modelled.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The article could not be read.
    #[error("{0}")]
    Read(String),
    /// The article asks for more work than one article may take.
    #[error("{0}")]
    TooMuchWork(String),
    /// The store was made under another base IRI than the one asked for.
    #[error(
        "this store's IRIs were minted under {minted}, not {asked}: give --base-iri {minted} \
         (every IRI in the store starts with it), or start a new store for the new base"
    )]
    OtherBase {
        /// The base asked for.
        asked: String,
        /// The base(s) the store was seeded under.
        minted: String,
    },
}

/// The most mentions, officials, events and claims one article may bring. A long news article
/// brings a few hundred; past this the text is not an article (a list, a dump, a generated
/// page) and modelling it would hold the writer for minutes.
pub const MAX_ARTICLE_FACTS: usize = 5_000;

/// The most quads one article may bring (a long news article brings a few thousand).
pub const MAX_ARTICLE_QUADS: usize = 100_000;

/// What happened to one article.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The article's identifier.
    pub id: String,
    /// The article's IRI.
    pub iri: String,
    /// Quads the store gained: the article's graphs and what was new in the entity graph (0 for a
    /// duplicate).
    pub quads: usize,
    /// The same text was stored before: nothing changed.
    pub duplicate: bool,
    /// The same text was stored before but its graphs were damaged: they were rewritten.
    pub repaired: bool,
    /// Events, claims and officials found.
    pub events: usize,
    /// Claims found.
    pub claims: usize,
    /// Officials found.
    pub leaders: usize,
}

/// The number of facts an extraction brings (what [`MAX_ARTICLE_FACTS`] bounds).
pub fn facts(extraction: &Extraction) -> usize {
    extraction
        .countries
        .iter()
        .map(|c| c.mentions.len())
        .sum::<usize>()
        + extraction
            .leaders
            .iter()
            .map(|l| l.mentions.len().max(1))
            .sum::<usize>()
        + extraction
            .organisations
            .iter()
            .map(|o| o.mentions.len())
            .sum::<usize>()
        + extraction.events.len()
        + extraction.claims.len()
}

/// Reads, extracts and models an article without storing it, within the work budget of one
/// article ([`MAX_ARTICLE_FACTS`], [`MAX_ARTICLE_QUADS`]).
pub fn prepare(bytes: &[u8], base: &str) -> Result<(Article, Extraction, ArticleGraphs), IngestError> {
    let article = article::read(bytes)?;
    let extraction = extract::extract(&article, base);
    let n = facts(&extraction);
    if n > MAX_ARTICLE_FACTS {
        return Err(IngestError::TooMuchWork(format!(
            "the text brings {n} mentions, events and claims, more than the {MAX_ARTICLE_FACTS} one article may bring; it does not read as a news article (split it, or send the articles one by one)"
        )));
    }
    let graphs = model::model(&extraction, &article.text, base, &Run::now())?;
    if graphs.quads.len() > MAX_ARTICLE_QUADS {
        return Err(IngestError::TooMuchWork(format!(
            "the article would bring {} quads, more than the {MAX_ARTICLE_QUADS} one article may bring; split it",
            graphs.quads.len()
        )));
    }
    Ok((article, extraction, graphs))
}

/// Ingests one article: all or nothing, and nothing again for the same text (unless its graphs
/// were damaged since: then they are rewritten).
pub fn ingest(db: &Database, bytes: &[u8], base: &str) -> Result<Outcome, IngestError> {
    let prepared = prepare(bytes, base)?;
    store_prepared(db, base, prepared)
}

/// Stores what [`prepare`] made (the part of [`ingest`] that needs the store, and the writer).
pub fn store_prepared(
    db: &Database,
    base: &str,
    (article, extraction, graphs): (Article, Extraction, ArticleGraphs),
) -> Result<Outcome, IngestError> {
    let checks = checks_graph(base)?;
    let (stored, added) = db.store_article(
        &graphs.statements,
        &graphs.provenance,
        &checks,
        &graphs.quads,
        is_intact,
        |transaction, replaced| {
            // The counts of the summary follow the article's events (derived data: not counted
            // in what the article added, which a bulk ingest reports the same).
            crate::summary::update(transaction, base, replaced, &graphs.quads)?;
            // A repaired article's old reports go first; then its reports join their happenings.
            crate::link::unlink(transaction, &format!("{}/event/", graphs.article.as_str()), base)?;
            let mut added = 0;
            for q in crate::link::link(transaction, &crate::link::reports(&extraction), base)? {
                if !transaction.contains(&q)? {
                    added += 1;
                    transaction.insert(&q);
                }
            }
            Ok(added)
        },
    )?;
    let duplicate = stored == Stored::Duplicate;
    Ok(Outcome {
        id: article.id().to_owned(),
        iri: graphs.article.as_str().to_owned(),
        quads: added,
        duplicate,
        repaired: stored == Stored::Repaired,
        events: extraction.events.len(),
        claims: extraction.claims.len(),
        leaders: extraction.leaders.len(),
    })
}

/// How [`ingest_many`] works.
#[derive(Debug, Clone, Copy)]
pub struct Bulk {
    /// Articles per batch: each batch is loaded into the store in one atomic step.
    pub batch: usize,
    /// Threads that read, extract and model articles (the writer is one more).
    pub threads: usize,
}

/// Sets its flag when dropped: the writer's way of stopping the preparing threads, whatever
/// way it stops.
struct Stop<'a>(&'a std::sync::atomic::AtomicBool);

impl Drop for Stop<'_> {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::Release);
    }
}

/// How far ahead of the writer the preparing threads may run, in articles.
const AHEAD: usize = 512;

/// Ingests many articles: `threads` threads read, extract and model them while one writer
/// gathers them, in their order, into batches that are bulk-loaded into the store, each in one
/// atomic step (a crash leaves every batch wholly in the store or not at all; ingesting again
/// skips what is there). Each article is still all or nothing, as with [`ingest`], with the
/// same outcome: duplicates change nothing (within a batch too), links to happenings see the
/// batch's earlier articles, and an article whose stored graphs were damaged is rewritten in
/// a transaction of its own after its batch.
///
/// `read(i)` gives the bytes of article `i` of `count`; `done(i, outcome)` is called in order,
/// once the article's batch is in the store. For a writer that holds the store alone (the
/// command line): the batches are not transactions.
#[expect(
    clippy::too_many_lines,
    reason = "the preparing threads, the writer's loop and its batch flushing share their state"
)]
pub fn ingest_many(
    db: &Database,
    count: usize,
    read: impl Fn(usize) -> Result<Vec<u8>, IngestError> + Sync,
    base: &str,
    bulk: Bulk,
    mut done: impl FnMut(usize, Result<Outcome, IngestError>),
) -> Result<(), IngestError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    type Prepared = (Article, Extraction, ArticleGraphs);
    let next = AtomicUsize::new(0);
    let written = AtomicUsize::new(0);
    // Set when the writer stops, for whatever reason: the preparing threads stop too.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let threads = bulk.threads.max(1);
    let per_batch = bulk.batch.max(1);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Result<Prepared, IngestError>)>(AHEAD);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, written, read, stop) = (&next, &written, &read, &stop);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    // Not too far ahead of the writer: what waits for it is held in memory.
                    while i > written.load(Ordering::Acquire) + AHEAD && !stop.load(Ordering::Acquire) {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    if stop.load(Ordering::Acquire) {
                        break;
                    }
                    let prepared = read(i).and_then(|bytes| prepare(&bytes, base));
                    if tx.send((i, prepared)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let _stop = Stop(&stop);
        let mut waiting: std::collections::BTreeMap<usize, Result<Prepared, IngestError>> =
            std::collections::BTreeMap::new();
        let mut expected = 0;
        let invalidated = std::cell::Cell::new(false);
        // The counts the new articles bring, applied at the end when the summary was up to date
        // at the start and no damaged article was rewritten (else everything is counted again).
        let was_current = crate::summary::is_current(db, base)?;
        let mut counted = crate::summary::Counts::new();
        let mut recount = !was_current;
        let mut batch = db.batch()?;
        // Outcomes of the batch's articles, and the damaged articles to rewrite after it.
        let mut pending: Vec<(usize, Result<Outcome, IngestError>)> = Vec::new();
        let mut repairs: Vec<(usize, Prepared)> = Vec::new();
        // The stored reports linking has read, by key: read once, not once per article.
        let mut known = crate::link::Known::default();
        // The batch being committed in another thread while the next is gathered.
        let mut in_flight: Option<InFlight<'_>> = None;
        // Waits for the batch in flight, reports its outcomes and rewrites its damaged
        // articles; then, unless `last`, sends the gathered batch to be committed.
        let mut flush = |batch: &mut crate::store::Batch,
                         pending: &mut Vec<(usize, Result<Outcome, IngestError>)>,
                         repairs: &mut Vec<(usize, Prepared)>,
                         known: &mut crate::link::Known,
                         last: bool|
         -> Result<(), IngestError> {
            loop {
                if let Some((handle, pending, mut repairs)) = in_flight.take() {
                    let committed = handle.join().unwrap_or_else(|_| {
                        Err(StoreError::Storage(
                            "the thread committing a batch panicked".to_owned(),
                        ))
                    });
                    let mut outcomes: Vec<(usize, Result<Outcome, IngestError>)> = pending
                        .into_iter()
                        .map(|(i, outcome)| match (&committed, outcome) {
                            (Err(e), Ok(_)) => {
                                (i, Err(IngestError::Store(StoreError::Storage(e.to_string()))))
                            }
                            (_, outcome) => (i, outcome),
                        })
                        .collect();
                    if committed.is_ok() {
                        if !repairs.is_empty() {
                            // Their links are written by transactions of their own, which
                            // `known` misses.
                            known.clear();
                        }
                        for (i, prepared) in repairs.drain(..) {
                            outcomes.push((i, store_prepared(db, base, prepared)));
                        }
                    }
                    outcomes.sort_by_key(|(i, _)| *i);
                    for (i, outcome) in outcomes {
                        done(i, outcome);
                    }
                    committed.map_err(IngestError::from)?;
                }
                if batch.is_empty() && pending.is_empty() && repairs.is_empty() {
                    return Ok(());
                }
                let next = db.batch_after(batch)?;
                let full = std::mem::replace(batch, next);
                // A bulk load does not keep the summary's counts: they are marked out of date
                // before the first batch goes in, and brought up to date at the end (with the
                // counts of the articles loaded, or by counting everything again).
                if !full.is_empty() && !invalidated.get() {
                    crate::summary::invalidate(db, base)?;
                    invalidated.set(true);
                }
                // Damaged articles are rewritten before the next batch is gathered, so that its
                // links see theirs: such a batch is waited for.
                let wait = last || !repairs.is_empty();
                in_flight = Some((
                    scope.spawn(move || db.commit_batch(full)),
                    std::mem::take(pending),
                    std::mem::take(repairs),
                ));
                if !wait {
                    return Ok(());
                }
            }
        };
        for (i, prepared) in rx {
            waiting.insert(i, prepared);
            while let Some(prepared) = waiting.remove(&expected) {
                match prepared {
                    Err(e) => pending.push((expected, Err(e))),
                    Ok(prepared) => match add_to_batch(&mut batch, base, &prepared, &mut known) {
                        Ok(Some(outcome)) => {
                            if !outcome.duplicate && !recount {
                                crate::summary::add(&mut counted, &prepared.2.quads);
                            }
                            pending.push((expected, Ok(outcome)));
                        }
                        Ok(None) => {
                            recount = true;
                            repairs.push((expected, prepared));
                        }
                        Err(e) => pending.push((expected, Err(e))),
                    },
                }
                expected += 1;
                written.store(expected, Ordering::Release);
                if pending.len() + repairs.len() >= per_batch {
                    flush(&mut batch, &mut pending, &mut repairs, &mut known, false)?;
                }
            }
        }
        flush(&mut batch, &mut pending, &mut repairs, &mut known, true)?;
        if recount {
            crate::summary::rebuild(db, base)?;
        } else if invalidated.get() {
            crate::summary::apply(db, base, counted)?;
        }
        Ok(())
    })
}

/// A batch being committed in another thread while the next is gathered: its handle, its
/// articles' outcomes and its damaged articles to rewrite once it is in.
type InFlight<'s> = (
    std::thread::ScopedJoinHandle<'s, Result<usize, StoreError>>,
    Vec<(usize, Result<Outcome, IngestError>)>,
    Vec<(usize, (Article, Extraction, ArticleGraphs))>,
);

/// Adds a prepared article to a batch; `None` when the article is in the store already but
/// damaged (to be rewritten by [`store_prepared`]).
fn add_to_batch(
    batch: &mut crate::store::Batch,
    base: &str,
    (article, extraction, graphs): &(Article, Extraction, ArticleGraphs),
    known: &mut crate::link::Known,
) -> Result<Option<Outcome>, IngestError> {
    let outcome = |quads: usize, duplicate: bool| Outcome {
        id: article.id().to_owned(),
        iri: graphs.article.as_str().to_owned(),
        quads,
        duplicate,
        repaired: false,
        events: extraction.events.len(),
        claims: extraction.claims.len(),
        leaders: extraction.leaders.len(),
    };
    // The same text earlier in this batch: a duplicate.
    if batch.in_batch(&graphs.provenance) {
        return Ok(Some(outcome(0, true)));
    }
    if batch.has_graph(&graphs.provenance)? {
        let stored = batch.stored_graph(&graphs.statements)?;
        let digest = format!("{}canonicalDigest", crate::vocab::BIL);
        let recorded = batch.stored_graph(&graphs.provenance)?.into_iter().find_map(|q| {
            match (q.predicate.as_str() == digest, q.object) {
                (true, oxigraph::model::Term::Literal(l)) => Some(l.value().to_owned()),
                _ => None,
            }
        });
        return Ok(is_intact(&stored, recorded.as_deref()).then(|| outcome(0, true)));
    }
    let own = |q: &oxigraph::model::Quad| {
        q.graph_name == oxigraph::model::GraphName::NamedNode(graphs.statements.clone())
            || q.graph_name == oxigraph::model::GraphName::NamedNode(graphs.provenance.clone())
    };
    let (mine, shared): (Vec<_>, Vec<_>) = graphs.quads.iter().cloned().partition(own);
    let mut added = mine.len();
    batch.add_graphs(&[&graphs.statements, &graphs.provenance], mine);
    for q in shared {
        added += usize::from(batch.add_shared(q)?);
    }
    let links = crate::link::link_known(&*batch, &crate::link::reports(extraction), base, known)
        .map_err(StoreError::from)?;
    // The links of the article's own reports are new; a happening's description may be stored.
    let own = format!("{}/", graphs.article.as_str());
    let (own, shared): (Vec<_>, Vec<_>) = links
        .into_iter()
        .partition(|q| matches!(&q.subject, oxigraph::model::NamedOrBlankNode::NamedNode(s) if s.as_str().starts_with(&own)));
    added += own.len();
    batch.add_own(own);
    for q in shared {
        added += usize::from(batch.add_shared(q)?);
    }
    Ok(Some(outcome(added, false)))
}

/// Whether a stored statement graph is intact: not empty, and its digest is the one recorded.
fn is_intact(stored: &[oxigraph::model::Quad], recorded: Option<&str>) -> bool {
    !stored.is_empty() && recorded.is_some_and(|r| model::canonical_digest(stored).is_ok_and(|d| d == r))
}

/// The graph where `verify` records its checks.
pub fn checks_graph(base: &str) -> Result<NamedNode, IngestError> {
    NamedNode::new(format!("{base}graph/verification"))
        .map_err(|e| IngestError::Model(ModelError::Iri(e.to_string())))
}

/// The statement and provenance graphs of an article id.
pub fn graphs_of(base: &str, id: &str) -> Result<(NamedNode, NamedNode), IngestError> {
    let bad = |e: oxigraph::model::IriParseError| IngestError::Model(ModelError::Iri(e.to_string()));
    Ok((
        NamedNode::new(format!("{base}graph/article/{id}")).map_err(bad)?,
        NamedNode::new(format!("{base}graph/article/{id}/provenance")).map_err(bad)?,
    ))
}

/// Normalises what a user names an article by: its id, or its IRI.
pub fn article_id(name: &str) -> Option<String> {
    let id = name.trim().trim_end_matches('/').rsplit('/').next()?.to_owned();
    (id.len() == 16 && id.chars().all(|c| c.is_ascii_hexdigit())).then_some(id)
}

/// Removes exactly what an article brought (its two graphs); returns the quads removed, 0 when
/// there was no such article.
pub fn retract(db: &Database, base: &str, id: &str) -> Result<usize, IngestError> {
    let (statements, provenance) = graphs_of(base, id)?;
    let entities =
        NamedNode::new(crate::model::entity_graph(base)).map_err(|e| ModelError::Iri(e.to_string()))?;
    let reports = format!("{base}id/article/{id}/event/");
    let lex = crate::extract::lexicon::Lexicon::get();
    // The names the gazetteer gives an entity stay however many articles go.
    let gazetteer_name = |entity: &NamedNode, label: &str| {
        let Some(rest) = entity.as_str().strip_prefix(base) else {
            return false;
        };
        let entry = if let Some(key) = rest.strip_prefix("id/person/") {
            lex.person_by_key(key).map(crate::extract::lexicon::Entry::Person)
        } else if let Some(slug) = rest.strip_prefix("id/org/") {
            lex.organisations
                .iter()
                .position(|o| extract::slug(&o.name) == slug)
                .map(crate::extract::lexicon::Entry::Org)
        } else {
            None
        };
        entry.is_some_and(|e| lex.names_of(e).contains(&label))
    };
    Ok(db.remove_graphs(
        &[statements, provenance],
        &checks_graph(base)?,
        &entities,
        gazetteer_name,
        |transaction, removed| {
            crate::summary::update(transaction, base, removed, &[])?;
            crate::link::unlink(transaction, &reports, base)
        },
    )?)
}

/// The result of checking one article graph's digest.
#[derive(Debug, Clone)]
pub struct Verification {
    /// The statement graph.
    pub graph: String,
    /// The digest recorded at ingestion.
    pub recorded: Option<String>,
    /// The digest of the graph as it is now.
    pub actual: String,
}

impl Verification {
    /// Whether the graph is unchanged.
    pub fn ok(&self) -> bool {
        self.recorded.as_deref() == Some(self.actual.as_str())
    }
}

/// Recomputes the RDFC-1.0 digest of every article's statement graph and compares it with the
/// one recorded in its provenance graph.
pub fn verify(db: &Database) -> Result<Vec<Verification>, IngestError> {
    let query = format!(
        "SELECT ?g ?d WHERE {{ GRAPH ?p {{ ?a <{bil}statementGraph> ?g . OPTIONAL {{ ?g <{bil}canonicalDigest> ?d }} }} }} ORDER BY ?g",
        bil = crate::vocab::BIL
    );
    let prepared = crate::store::prepare_query(&query, None, &[], &[])?;
    let table = db.query_table(&prepared, &crate::store::Limits { max_rows: usize::MAX }, None)?;
    let mut out = Vec::new();
    for row in table.rows {
        let Some(oxigraph::model::Term::NamedNode(g)) = row.first().cloned().flatten() else {
            continue;
        };
        let recorded = match row.get(1).cloned().flatten() {
            Some(oxigraph::model::Term::Literal(l)) => Some(l.value().to_owned()),
            _ => None,
        };
        let quads = db.graph_quads(&g)?;
        let actual = model::canonical_digest(&quads)?;
        out.push(Verification {
            graph: g.as_str().to_owned(),
            recorded,
            actual,
        });
    }
    Ok(out)
}

/// Records the checks of [`verify`] in the graph `<base>graph/verification` (replacing the last
/// run's), so that SPARQL can ask which graphs no longer match (`queries/09-...`).
pub fn record_verification(db: &Database, base: &str, results: &[Verification]) -> Result<(), IngestError> {
    use crate::vocab::{BIL, PROV, XSD};
    use oxigraph::model::{Literal, Quad};
    let bad = |e: oxigraph::model::IriParseError| IngestError::Model(ModelError::Iri(e.to_string()));
    let graph = NamedNode::new(format!("{base}graph/verification")).map_err(bad)?;
    let time = Literal::new_typed_literal(
        model::now_rfc3339(),
        NamedNode::new_unchecked(format!("{XSD}dateTime")),
    );
    let p = |local: &str| NamedNode::new_unchecked(format!("{BIL}{local}"));
    let mut quads = Vec::new();
    for (i, v) in results.iter().enumerate() {
        let check = NamedNode::new(format!("{base}id/verification/{}", i + 1)).map_err(bad)?;
        let target = NamedNode::new(v.graph.as_str()).map_err(bad)?;
        quads.push(Quad::new(check.clone(), p("checkedGraph"), target, graph.clone()));
        quads.push(Quad::new(
            check.clone(),
            p("digestMatches"),
            Literal::from(v.ok()),
            graph.clone(),
        ));
        quads.push(Quad::new(
            check.clone(),
            p("computedDigest"),
            Literal::new_simple_literal(&v.actual),
            graph.clone(),
        ));
        quads.push(Quad::new(
            check,
            NamedNode::new_unchecked(format!("{PROV}endedAtTime")),
            time.clone(),
            graph.clone(),
        ));
    }
    db.replace_graph_with(&graph, &quads)?;
    Ok(())
}
