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
        |stored, recorded| {
            !stored.is_empty()
                && recorded.is_some_and(|r| model::canonical_digest(stored).is_ok_and(|d| d == r))
        },
        |transaction| {
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
        |transaction| crate::link::unlink(transaction, &reports, base),
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
