//! Events across articles, measured: the test articles of `tests/linking/` are ingested, each
//! article's report of the gold type is looked up with the happening it was linked to, and every
//! pair of reports is scored against `tests/linking/gold.tsv` (precision and recall of "these two
//! are the same happening"). Then retractions: a happening keeps its other reports, and goes
//! with its last one.

use crate::common::cells;
use bilateral::DEFAULT_BASE_IRI as BASE;
use bilateral::store::Database;
use std::path::Path;

/// The happening the article's first report of `kind` is linked to.
fn happening_of(db: &Database, article_iri: &str, kind: &str) -> Option<String> {
    let class = bilateral::model::event_class(kind);
    let rows = cells(
        db,
        &format!(
            "PREFIX bil: <https://w3id.org/bilateral/ontology#>
             SELECT ?report ?h WHERE {{ GRAPH ?g {{ ?report a bil:{class} }} ?report bil:reportOf ?h .
             FILTER(STRSTARTS(STR(?report), \"{article_iri}/event/\")) }} ORDER BY ?report"
        ),
    );
    rows.first().map(|r| r[1].clone())
}

#[test]
fn reports_of_one_happening_meet_and_retraction_undoes_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/linking");
    let gold: Vec<(String, String, String)> = std::fs::read_to_string(root.join("gold.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_owned(), f[1].to_owned(), f[2].to_owned())
        })
        .collect();
    let db = Database::in_memory().unwrap();
    bilateral::seed::ensure_seeded(&db, BASE).unwrap();
    let seeded = db.len().unwrap();
    let mut ids = std::collections::HashMap::new();
    let mut files: Vec<&String> = gold.iter().map(|g| &g.0).collect();
    files.sort();
    for f in files {
        let bytes = std::fs::read(root.join("articles").join(f)).unwrap();
        let out = bilateral::ingest::ingest(&db, &bytes, BASE).unwrap();
        ids.insert(f.clone(), out);
    }
    let linked: Vec<Option<String>> = gold
        .iter()
        .map(|(f, kind, _)| happening_of(&db, &ids[f].iri, kind))
        .collect();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for i in 0..gold.len() {
        for j in i + 1..gold.len() {
            let truth = gold[i].2 == gold[j].2;
            let said = linked[i].is_some() && linked[i] == linked[j];
            match (truth, said) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                (false, false) => {}
            }
        }
    }
    let precision = f64::from(tp) / f64::from((tp + fp).max(1));
    let recall = f64::from(tp) / f64::from((tp + fn_).max(1));
    println!(
        "linking: {} reports, {} gold pairs; precision {precision:.2}, recall {recall:.2} (tp {tp}, fp {fp}, fn {fn_})",
        gold.len(),
        tp + fn_
    );
    assert!(
        linked.iter().all(Option::is_some),
        "every gold report was extracted: {linked:?}"
    );
    assert!(
        precision >= 0.9 && recall >= 0.8,
        "precision {precision}, recall {recall}"
    );

    // The best-sourced happening: the Iraqi handover, told by four outlets.
    let h1 = linked[0].clone().unwrap();
    let q16 = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/16-happenings-and-their-sources.rq"),
    )
    .unwrap()
    .replace("WHERE {", &format!("WHERE {{ VALUES ?happening {{ <{h1}> }}"));
    let rows = cells(&db, &q16);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!((rows[0][2].as_str(), rows[0][3].as_str()), ("4", "4"), "{rows:?}");

    // Retracting one report leaves the happening with the others; retracting all removes it.
    let count = |h: &str| {
        cells(
            &db,
            &format!("SELECT ?r WHERE {{ ?r <https://w3id.org/bilateral/ontology#reportOf> <{h}> }}"),
        )
        .len()
    };
    bilateral::ingest::retract(&db, BASE, &ids["h1-sana.txt"].id).unwrap();
    assert_eq!(count(&h1), 3);
    for f in ["h1-ina.txt", "h1-aa.txt", "h1-late.txt"] {
        bilateral::ingest::retract(&db, BASE, &ids[f].id).unwrap();
    }
    assert_eq!(count(&h1), 0);
    assert!(cells(&db, &format!("SELECT ?p WHERE {{ <{h1}> ?p ?o }}")).is_empty());
    // The other happenings are untouched, and retracting everything gives back the seeded store.
    assert_eq!(happening_of(&db, &ids["h2-rudaw.txt"].iri, "meeting"), linked[5]);
    for (f, out) in &ids {
        if !f.starts_with("h1-") {
            bilateral::ingest::retract(&db, BASE, &out.id).unwrap();
        }
    }
    assert_eq!(db.len().unwrap(), seeded);
}

/// The store's quads as sorted N-Quads lines, without the times of extraction runs and the
/// ontology's blank nodes (which differ from one run to the next).
fn dump_without_times(db: &Database) -> Vec<String> {
    let bytes = db.export(oxigraph::io::RdfFormat::NQuads, Vec::new()).unwrap();
    let mut lines: Vec<String> = String::from_utf8(bytes)
        .unwrap()
        .lines()
        .filter(|l| !l.contains("XMLSchema#dateTime>") && !l.contains("_:"))
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

/// Bulk ingestion (`ingest_many`: threads, batches, bulk loads) gives the store that ingesting
/// the same articles one by one in transactions gives: the same quads, the same links between
/// reports (within a batch too), the same outcomes; the same text twice in a batch is a
/// duplicate; a damaged stored article met in a batch is rewritten.
#[test]
fn bulk_ingestion_equals_one_by_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in [
        "tests/linking/articles",
        "tests/corpus/dev/articles",
        "tests/articles",
    ] {
        let mut found: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        found.sort();
        files.extend(found);
    }
    // The same text twice, in the same batch.
    files.insert(3, files[1].clone());
    let read = |i: usize| Ok(std::fs::read(&files[i]).unwrap());

    let one_by_one = Database::in_memory().unwrap();
    bilateral::seed::ensure_seeded(&one_by_one, BASE).unwrap();
    let expected: Vec<_> = (0..files.len())
        .map(|i| bilateral::ingest::ingest(&one_by_one, &read(i).unwrap(), BASE).unwrap())
        .collect();

    // Batches of 2 and 1: an article and its repetition in consecutive batches, the first still
    // being committed while the second is gathered.
    for (batch, threads) in [(4, 2), (1000, 1), (2, 2), (1, 2)] {
        let bulk = Database::in_memory().unwrap();
        bilateral::seed::ensure_seeded(&bulk, BASE).unwrap();
        let mut got = Vec::new();
        bilateral::ingest::ingest_many(
            &bulk,
            files.len(),
            read,
            BASE,
            bilateral::ingest::Bulk { batch, threads },
            |i, outcome| got.push((i, outcome.unwrap())),
        )
        .unwrap();
        assert_eq!(got.len(), files.len());
        for (n, (i, o)) in got.iter().enumerate() {
            assert_eq!(n, *i, "outcomes come in order");
            let e = &expected[*i];
            assert_eq!(
                (&o.iri, o.quads, o.duplicate, o.events),
                (&e.iri, e.quads, e.duplicate, e.events),
                "{}",
                files[*i].display()
            );
        }
        assert!(got[3].1.duplicate);
        let (got, want) = (dump_without_times(&bulk), dump_without_times(&one_by_one));
        let extra: Vec<_> = got
            .iter()
            .filter(|l| want.binary_search(l).is_err())
            .take(5)
            .collect();
        let missing: Vec<_> = want
            .iter()
            .filter(|l| got.binary_search(l).is_err())
            .take(5)
            .collect();
        assert!(
            got.len() == want.len() && extra.is_empty() && missing.is_empty(),
            "batch {batch}, threads {threads}: {} quads for {}; extra {extra:#?}; missing {missing:#?}",
            got.len(),
            want.len()
        );
    }

    // A stored article whose statement graph was damaged is rewritten when met again.
    let bulk = Database::in_memory().unwrap();
    bilateral::seed::ensure_seeded(&bulk, BASE).unwrap();
    let first = bilateral::ingest::ingest(&bulk, &read(0).unwrap(), BASE).unwrap();
    bulk.update(
        &format!(
            "DELETE WHERE {{ GRAPH <{BASE}graph/article/{}> {{ ?s <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?o }} }}",
            first.id
        ),
        None,
        None,
    )
    .unwrap();
    let mut got = Vec::new();
    bilateral::ingest::ingest_many(
        &bulk,
        2,
        read,
        BASE,
        bilateral::ingest::Bulk {
            batch: 10,
            threads: 2,
        },
        |_, outcome| got.push(outcome.unwrap()),
    )
    .unwrap();
    assert!(got[0].repaired && !got[0].duplicate, "{:?}", got[0]);
    assert!(!got[1].duplicate && !got[1].repaired);
    let verified = bilateral::ingest::verify(&bulk).unwrap();
    assert!(verified.iter().all(bilateral::ingest::Verification::ok));
}
