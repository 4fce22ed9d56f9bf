//! Loads the reference data — the ontology and the files of `seed-data/` — into a new store,
//! each file into its own named graph `<base>graph/DIR/PATH`.

use crate::store::{Database, StoreError, format_of_path, parse_file};
use oxigraph::model::{Literal, NamedNode, Quad};
use std::path::{Path, PathBuf};

/// One loaded file: its path, its graph and its number of quads.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file.
    pub path: PathBuf,
    /// The named graph it went into.
    pub graph: String,
    /// How many quads it brought.
    pub quads: usize,
}

/// Every RDF file below `dir`, sorted, by extension (`.ttl`, `.nt`, `.rdf`...).
pub fn rdf_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if format_of_path(&path).is_some_and(|f| !f.supports_datasets()) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The graph IRI of a reference file: `<base>graph/<dir name>/<path without extension>`.
pub fn graph_for(base: &str, root: &Path, path: &Path) -> String {
    let root_name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let relative = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    format!("{base}graph/{root_name}/{relative}")
}

/// The reference graphs of the given directories: every RDF file parsed into its own named
/// graph.
fn reference_graphs(base: &str, dirs: &[PathBuf]) -> Result<Vec<(Loaded, NamedNode, Vec<Quad>)>, StoreError> {
    let mut out = Vec::new();
    for dir in dirs {
        for path in rdf_files(dir) {
            let graph = graph_for(base, dir, &path);
            let node = NamedNode::new(graph.as_str())
                .map_err(|e| StoreError::Invalid(format!("graph IRI {graph}: {e}")))?;
            let format = format_of_path(&path)
                .ok_or_else(|| StoreError::Invalid(format!("{}: unknown RDF format", path.display())))?;
            let quads = parse_file(&path, format, &node, base)?;
            let loaded = Loaded {
                path,
                graph,
                quads: quads.len(),
            };
            out.push((loaded, node, quads));
        }
    }
    Ok(out)
}

/// Loads every RDF file of the given directories, each into its own named graph, replacing
/// what that graph held (so loading twice changes nothing).
pub fn load_reference(db: &Database, base: &str, dirs: &[PathBuf]) -> Result<Vec<Loaded>, StoreError> {
    let mut loaded = Vec::new();
    for (l, node, quads) in reference_graphs(base, dirs)? {
        db.replace_graph_with(&node, &quads)?;
        loaded.push(l);
    }
    Ok(loaded)
}

/// What seeding a new store loaded.
#[derive(Debug, Clone, Default)]
pub struct Seeded {
    /// Reference files loaded.
    pub files: Vec<Loaded>,
    /// Seed articles ingested: (file, article IRI, quads).
    pub articles: Vec<(PathBuf, String, usize)>,
}

/// The graph that records that a store is seeded, and with what version.
pub fn marker_graph(base: &str) -> String {
    format!("{base}graph/store")
}

fn marker_quad(base: &str) -> Result<Quad, StoreError> {
    let graph = NamedNode::new(marker_graph(base)).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let store = NamedNode::new(format!("{base}id/store")).map_err(|e| StoreError::Invalid(e.to_string()))?;
    Ok(Quad::new(
        store,
        NamedNode::new_unchecked(format!("{}seeded", crate::vocab::BIL)),
        Literal::from(true),
        graph,
    ))
}

/// Whether the store was seeded completely (the marker is written in the seeding transaction,
/// so it is there exactly when everything else is).
pub fn is_seeded(db: &Database, base: &str) -> Result<bool, StoreError> {
    db.contains(&marker_quad(base)?)
}

/// Seeds the store unless it is seeded already; returns what it loaded, `None` when nothing
/// was to do. Every command that opens a store to write (serve, ingest, load) calls it, so a
/// store made by any of them, or by a first start that was killed, ends up complete.
pub fn ensure_seeded(db: &Database, base: &str) -> Result<Option<Seeded>, crate::ingest::IngestError> {
    if is_seeded(db, base)? {
        // Counts left out of date (a bulk ingest or load stopped half-way) are counted again.
        if crate::summary::ensure(db, base)? {
            tracing::info!("counted the summary's events again (they were out of date)");
        }
        return Ok(None);
    }
    // A store seeded under another base holds IRIs that one would not find: seeding it again
    // would put a second copy of everything beside the first, so it is refused.
    let others = minted_bases(db)?;
    if !others.is_empty() {
        return Err(crate::ingest::IngestError::OtherBase {
            asked: base.to_owned(),
            minted: others.join(", "),
        });
    }
    seed(db, base).map(Some)
}

/// The base IRIs a store was seeded under (normally one): the subjects `<BASE>id/store` of the
/// seeding markers.
pub fn minted_bases(db: &Database) -> Result<Vec<String>, StoreError> {
    let seeded = NamedNode::new_unchecked(format!("{}seeded", crate::vocab::BIL));
    let mut bases: Vec<String> = db
        .quads_with_predicate(&seeded, 16)?
        .into_iter()
        .filter_map(|q| match q.subject {
            oxigraph::model::NamedOrBlankNode::NamedNode(n) => {
                n.as_str().strip_suffix("id/store").map(str::to_owned)
            }
            oxigraph::model::NamedOrBlankNode::BlankNode(_) => None,
        })
        .collect();
    bases.sort();
    bases.dedup();
    Ok(bases)
}

/// Seeds a store: the ontology and reference data (each file into its own graph), the
/// articles of `seed-data/articles/`, and the marker that says it is done, all in one
/// transaction.
pub fn seed(db: &Database, base: &str) -> Result<Seeded, crate::ingest::IngestError> {
    let dirs = [crate::resource_dir("ontology"), crate::resource_dir("seed-data")];
    let mut files = Vec::new();
    let mut reference = Vec::new();
    for (loaded, node, quads) in reference_graphs(base, &dirs)? {
        files.push(loaded);
        reference.push((node, quads));
    }
    let dir = crate::resource_dir("seed-data").join("articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let mut articles = Vec::new();
    let mut article_graphs = Vec::new();
    let mut reports = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
        let (_, extraction, graphs) = crate::ingest::prepare(&bytes, base)?;
        reports.push(crate::link::reports(&extraction));
        articles.push((path, graphs.article.as_str().to_owned(), graphs.quads.len()));
        article_graphs.push((graphs.statements, graphs.provenance, graphs.quads));
    }
    db.seed_transaction(
        &reference,
        &article_graphs,
        &[marker_quad(base)?],
        |transaction, i| {
            let quads = crate::link::link(transaction, &reports[i], base)?;
            transaction.extend(quads.iter().map(oxigraph::model::QuadRef::from));
            Ok(())
        },
    )?;
    crate::summary::rebuild(db, base)?;
    Ok(Seeded { files, articles })
}
