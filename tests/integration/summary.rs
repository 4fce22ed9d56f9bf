//! The summary's counts (`bilateral::summary`): after every kind of write they equal what the
//! events of the store count, event by event.

use bilateral::store::{Database, Limits, prepare_query};
use std::path::{Path, PathBuf};

const BASE: &str = bilateral::DEFAULT_BASE_IRI;

/// Query 07 as it was before the summary: every event counted.
const COUNTED: &str =
    "PREFIX bil: <https://w3id.org/bilateral/ontology#> PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?aName ?bName ?cameo ?label (COUNT(DISTINCT ?event) AS ?events)
WHERE {
  ?event a sem:Event ; bil:cameo ?code ; sem:hasActor ?a, ?b .
  FILTER(STR(?a) < STR(?b))
  ?a schema:name ?aName . ?b schema:name ?bName .
  ?code skos:notation ?cameo ; skos:prefLabel ?label .
}
GROUP BY ?aName ?bName ?cameo ?label
ORDER BY ?aName ?bName DESC(?events) ?cameo";

/// Query 12 as it was before the summary: every claim counted.
const COUNTED_SOURCES: &str = "PREFIX bil: <https://w3id.org/bilateral/ontology#>
SELECT ?source (COUNT(DISTINCT ?claim) AS ?claims) (SUM(IF(?hedged, 1, 0)) AS ?hedgedClaims)
WHERE { ?claim a bil:Claim ; bil:sourceName ?source ; bil:hedged ?hedged . }
GROUP BY ?source
ORDER BY DESC(?claims) ?source";

fn rows(db: &Database, text: &str) -> Vec<String> {
    let prepared = prepare_query(text, None, &[], &[]).unwrap();
    let table = db.query_table(&prepared, &Limits::default(), None).unwrap();
    table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| match t {
                    Some(oxigraph::model::Term::Literal(l)) => l.value().to_owned(),
                    Some(other) => other.to_string(),
                    None => String::new(),
                })
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

fn stored(db: &Database, file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries").join(file);
    rows(db, &std::fs::read_to_string(path).unwrap())
}

fn from_summary(db: &Database) -> Vec<String> {
    stored(db, "07-cameo-distribution-per-pair.rq")
}

fn assert_counts_match(db: &Database, when: &str) {
    assert!(
        bilateral::summary::is_current(db, BASE).unwrap(),
        "{when}: marked up to date"
    );
    let (summary, counted) = (from_summary(db), rows(db, COUNTED));
    assert!(!counted.is_empty(), "{when}: there are events to count");
    assert_eq!(summary, counted, "{when}");
    let (summary, counted) = (
        stored(db, "12-sources-ranked-by-claims.rq"),
        rows(db, COUNTED_SOURCES),
    );
    assert!(!counted.is_empty(), "{when}: there are claims to count");
    assert_eq!(summary, counted, "{when}: sources");
}

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/dev/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn counts_follow_ingest_retract_repair_and_direct_writes() {
    let db = Database::in_memory().unwrap();
    bilateral::seed::ensure_seeded(&db, BASE).unwrap();
    assert_counts_match(&db, "seeded");
    let files = articles();
    let mut ids = Vec::new();
    for f in &files {
        let outcome = bilateral::ingest::ingest(&db, &std::fs::read(f).unwrap(), BASE).unwrap();
        ids.push(outcome.id);
    }
    assert_counts_match(&db, "after ingesting the corpus one by one");
    // The same text again changes nothing.
    bilateral::ingest::ingest(&db, &std::fs::read(&files[0]).unwrap(), BASE).unwrap();
    assert_counts_match(&db, "after a duplicate");
    for id in &ids[..3] {
        assert!(bilateral::ingest::retract(&db, BASE, id).unwrap() > 0);
    }
    assert_counts_match(&db, "after retracting three");

    // An update that removes events, then the recount the server runs after it.
    db.update(
        "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> DELETE { GRAPH ?g { ?e a sem:Event } } WHERE { GRAPH ?g { ?e a sem:Event } FILTER(CONTAINS(STR(?e), \"/event/1\")) }",
        None,
        None,
    )
    .unwrap();
    bilateral::summary::rebuild(&db, BASE).unwrap();
    assert_counts_match(&db, "after an update and the recount");
    // A damaged article ingested again is rewritten: its events count again, once.
    bilateral::ingest::ingest(&db, &std::fs::read(&files[5]).unwrap(), BASE).unwrap();
    assert_counts_match(&db, "after a repair");

    // Counts marked out of date (a bulk ingest stopped half-way) are counted again on opening.
    bilateral::summary::invalidate(&db, BASE).unwrap();
    bilateral::ingest::ingest(&db, &std::fs::read(&files[0]).unwrap(), BASE).unwrap();
    assert!(!bilateral::summary::is_current(&db, BASE).unwrap());
    bilateral::seed::ensure_seeded(&db, BASE).unwrap();
    assert_counts_match(&db, "after ensure_seeded");
}

fn bulk(db: &Database, files: &[PathBuf]) {
    bilateral::ingest::ingest_many(
        db,
        files.len(),
        |i| Ok(std::fs::read(&files[i]).unwrap()),
        BASE,
        bilateral::ingest::Bulk { batch: 5, threads: 2 },
        |_, outcome| {
            outcome.unwrap();
        },
    )
    .unwrap();
}

#[test]
fn a_bulk_ingest_brings_the_counts_up_to_date_at_its_end() {
    let db = Database::in_memory().unwrap();
    bilateral::seed::ensure_seeded(&db, BASE).unwrap();
    let files = articles();
    // Its articles' counts added to those of the store.
    bulk(&db, &files[..9]);
    assert_counts_match(&db, "after a bulk ingest");
    bulk(&db, &files[5..]);
    assert_counts_match(&db, "after a second one, with duplicates");
    // Counted again: begun with the counts out of date, or with a damaged article rewritten.
    bilateral::summary::invalidate(&db, BASE).unwrap();
    bulk(&db, &files[..1]);
    assert_counts_match(&db, "after one begun out of date");
    db.update(
        "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> DELETE WHERE { GRAPH ?g { ?e a sem:Event } }",
        None,
        None,
    )
    .unwrap();
    bilateral::summary::rebuild(&db, BASE).unwrap();
    bulk(&db, &files);
    assert_counts_match(&db, "after one that rewrote damaged articles");
}

#[tokio::test]
async fn the_server_counts_again_after_an_update_and_a_graph_store_write() {
    use axum::body::Body;
    use axum::http::{Request, StatusCode, header};
    use tower::ServiceExt;
    let db = Database::in_memory().unwrap();
    bilateral::seed::seed(&db, BASE).unwrap();
    for f in articles().iter().take(4) {
        bilateral::ingest::ingest(&db, &std::fs::read(f).unwrap(), BASE).unwrap();
    }
    let app = bilateral::http::router(
        db.clone(),
        bilateral::http::Config {
            update_token: Some("summary-token".to_owned()),
            ..bilateral::http::Config::default()
        },
    );
    let before = from_summary(&db);
    let send = |r: Request<Body>| {
        let app = app.clone();
        async move { app.oneshot(r).await.unwrap().status() }
    };
    // An update that fails changes nothing, and leaves the counts up to date.
    let update = |text: &'static str| {
        Request::post("/update")
            .header(header::CONTENT_TYPE, "application/sparql-update")
            .header(header::AUTHORIZATION, "Bearer summary-token")
            .body(Body::from(text))
            .unwrap()
    };
    let status = send(update("DELETE WHERE { ?s ?p }")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(bilateral::summary::is_current(&db, BASE).unwrap());
    assert_eq!(from_summary(&db), before);
    let status = send(update(
        "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> DELETE { GRAPH ?g { ?e sem:hasActor ?c } } WHERE { GRAPH ?g { ?e a sem:Event ; sem:hasActor ?c } }",
    ))
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(bilateral::summary::is_current(&db, BASE).unwrap());
    assert!(from_summary(&db).is_empty(), "no event has actors any more");
    assert_ne!(before, from_summary(&db));
    // A graph written through the Graph Store with an event of its own counts.
    let turtle = "<http://example.org/e1> a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ; \
        <https://w3id.org/bilateral/ontology#cameo> <https://w3id.org/bilateral/cameo/040> ; \
        <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> <https://w3id.org/bilateral/id/country/IRQ>, <https://w3id.org/bilateral/id/country/SYR> .";
    let status = send(
        Request::put("/store?graph=http%3A%2F%2Fexample.org%2Fg")
            .header(header::CONTENT_TYPE, "text/turtle")
            .header(header::AUTHORIZATION, "Bearer summary-token")
            .body(Body::from(turtle))
            .unwrap(),
    )
    .await;
    assert!(status.is_success(), "{status}");
    assert_counts_match(&db, "after a Graph Store write");
    assert_eq!(from_summary(&db).len(), 1);
}
