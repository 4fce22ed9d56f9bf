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
