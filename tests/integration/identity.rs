//! One thing, one IRI: the same people and outlets, written in different ways by different
//! articles, are one node each, described once in the entity graph; retracting an article takes
//! away what only it brought and leaves the rest.

use crate::common::cells;
use bilateral::DEFAULT_BASE_IRI as BASE;
use bilateral::store::Database;

const A: &str = "Title: Syria and Iraq open talks\npublisher: SANA\ndate: 2026-03-02\n---\n\
Syrian President Ahmad al-Sharaa met Iraqi Prime Minister Mohammed Shia al-Sudani in Baghdad on Monday.\n\n\
Iraqi Trade Minister Ali Hamdan said the two countries would reopen the border crossing.\n";

const B: &str = "Title: Border crossing to reopen\npublisher: Syrian Arab News Agency\ndate: 2026-03-03\n---\n\
Syrian President Ahmed al-Sharaa said on Tuesday that Syria and Iraq agreed to reopen the border crossing.\n\n\
Iraqi Trade Minister Aly Hamdan told reporters that Iraq would send a delegation to Damascus.\n\n\
Syrian Information Minister Hamza al-Mustafa said the talks were constructive.\n";

fn rows(db: &Database, query: &str) -> Vec<Vec<String>> {
    cells(
        db,
        &format!(
            "PREFIX schema: <https://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> \
             PREFIX gaf: <http://groundedannotationframework.org/gaf#> {query}"
        ),
    )
}

fn people_named(db: &Database, needle: &str) -> Vec<String> {
    let mut found: Vec<String> = rows(
        db,
        &format!(
            "SELECT DISTINCT ?p WHERE {{ ?p a schema:Person ; gaf:denotedBy ?m . ?m <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?w FILTER(CONTAINS(?w, \"{needle}\")) }}"
        ),
    )
    .into_iter()
    .map(|r| r[0].clone())
    .collect();
    found.sort();
    found
}

#[test]
fn spellings_and_outlets_meet_in_one_node_described_once() {
    let db = Database::in_memory().unwrap();
    bilateral::seed::ensure_seeded(&db, BASE).unwrap();
    let before = crate::common::len_outside_summary(&db);
    let a = bilateral::ingest::ingest(&db, A.as_bytes(), BASE).unwrap();
    let after_a = crate::common::len_outside_summary(&db);
    let snapshot_a = rows(&db, "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
    let b = bilateral::ingest::ingest(&db, B.as_bytes(), BASE).unwrap();
    assert_eq!(
        crate::common::len_outside_summary(&db),
        after_a + b.quads,
        "the count is what the store gained"
    );

    // Ahmad / Ahmed al-Sharaa: one person, the gazetteer's; Ali / Aly Hamdan, whom the gazetteer
    // does not know: one person too, keyed by the name and the country he serves.
    let sharaa = people_named(&db, "Sharaa");
    assert_eq!(sharaa, [format!("{BASE}id/person/ahmad-al-shara")]);
    let hamdan = people_named(&db, "Hamdan");
    assert_eq!(hamdan, [format!("{BASE}id/person/ali-hamdan--irq")]);

    // SANA in one header, the Syrian Arab News Agency in the other: one publisher.
    let publishers = rows(&db, "SELECT DISTINCT ?o WHERE { ?article schema:publisher ?o }");
    let sana = format!("{BASE}id/org/syrian-arab-news-agency");
    assert!(publishers.iter().any(|r| r[0] == sana), "{publishers:?}");
    assert!(
        !publishers.iter().any(|r| r[0].ends_with("/org/sana")),
        "{publishers:?}"
    );

    // Entity descriptions repeat no row without DISTINCT.
    for query in [
        "SELECT ?p ?n WHERE { ?p a schema:Person ; schema:name ?n }",
        "SELECT ?o ?n WHERE { ?o a schema:Organization ; schema:name ?n }",
        "SELECT ?s ?v WHERE { ?s schema:softwareVersion ?v }",
    ] {
        let all = rows(&db, query);
        let mut distinct = all.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(all.len(), distinct.len(), "{query}: {all:?}");
    }
    // Every name a person is known by.
    let names: Vec<String> = rows(
        &db,
        &format!("SELECT ?n WHERE {{ <{BASE}id/person/ahmad-al-shara> skos:altLabel ?n }}"),
    )
    .into_iter()
    .map(|r| r[0].clone())
    .collect();
    assert!(names.contains(&"Ahmad al-Sharaa".to_owned()), "{names:?}");
    assert!(names.contains(&"Abu Mohammad al-Jolani".to_owned()), "{names:?}");

    // The gazetteer's offices of a known person, with their dates, described once.
    let offices = rows(
        &db,
        &format!(
            "SELECT ?role ?start WHERE {{ ?o a <https://w3id.org/bilateral/ontology#Office> ; \
             <https://w3id.org/bilateral/ontology#holder> <{BASE}id/person/ahmad-al-shara> ; \
             <https://w3id.org/bilateral/ontology#roleName> ?role ; <https://w3id.org/bilateral/ontology#startDate> ?start }}"
        ),
    );
    assert_eq!(offices, [["President".to_owned(), "2025-01-29".to_owned()]]);

    // Retracting B: what only B named leaves the entity graph, what A names stays, and the
    // store is as it was after A alone.
    let mustafa = people_named(&db, "Mustafa");
    assert_eq!(mustafa.len(), 1, "{mustafa:?}");
    bilateral::ingest::retract(&db, BASE, &b.id).unwrap();
    let now = rows(&db, "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
    let extra: Vec<_> = now.iter().filter(|r| !snapshot_a.contains(r)).collect();
    assert!(extra.is_empty(), "{extra:?}");
    assert_eq!(crate::common::len_outside_summary(&db), after_a);
    assert!(people_named(&db, "Mustafa").is_empty());
    let described =
        |iri: &str| !rows(&db, &format!("SELECT ?n WHERE {{ <{iri}> schema:name ?n }}")).is_empty();
    assert!(
        !described(&mustafa[0]),
        "a person no article names is described no more"
    );
    assert!(described(&sharaa[0]));
    assert!(described(&hamdan[0]));
    // And retracting A too gives back the seeded store.
    bilateral::ingest::retract(&db, BASE, &a.id).unwrap();
    assert_eq!(crate::common::len_outside_summary(&db), before);
}
