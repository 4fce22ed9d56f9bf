//! Every stored query in `queries/` on the seed data (what `serve` loads into a new store),
//! with its expected answer.

use bilateral::store::{Database, Limits, Table, prepare_query};
use oxigraph::model::{NamedNode, Term};
use std::sync::OnceLock;

fn seeded() -> &'static Database {
    static DB: OnceLock<Database> = OnceLock::new();
    DB.get_or_init(|| {
        let db = Database::in_memory().unwrap();
        let seeded = bilateral::seed::seed(&db, bilateral::DEFAULT_BASE_IRI).unwrap();
        assert_eq!(seeded.articles.len(), 1);
        db
    })
}

fn run(file: &str, params: &[(&str, Term)]) -> Table {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("queries")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("# "),
        "{file} opens with a comment saying what it answers"
    );
    let mut prepared = prepare_query(&text, None, &[], &[]).unwrap();
    let params: Vec<(String, _)> = params.iter().map(|(n, v)| ((*n).to_owned(), v.clone())).collect();
    prepared.bind_parameters(&text, &params).unwrap();
    seeded().query_table(&prepared, &Limits::default(), None).unwrap()
}

fn col(t: &Table, name: &str) -> Vec<String> {
    let i = t
        .variables
        .iter()
        .position(|v| v == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    t.rows
        .iter()
        .map(|r| match &r[i] {
            Some(Term::Literal(l)) => l.value().to_owned(),
            Some(Term::NamedNode(n)) => n.as_str().to_owned(),
            Some(other) => other.to_string(),
            None => String::new(),
        })
        .collect()
}

fn country(iso3: &str) -> Term {
    NamedNode::new(format!("{}id/country/{iso3}", bilateral::DEFAULT_BASE_IRI))
        .unwrap()
        .into()
}

#[test]
fn q01_events_between_syria_and_iraq() {
    let t = run(
        "01-events-between-two-countries.rq",
        &[("a", country("IRQ")), ("b", country("SYR"))],
    );
    let types = col(&t, "type");
    for expected in [
        "border security",
        "intelligence sharing",
        "detainee transfer",
        "meeting",
        "border crossing reopening",
        "trade",
        "energy cooperation",
    ] {
        assert!(types.contains(&expected.to_owned()), "{expected} in {types:?}");
    }
    assert!(col(&t, "sentence").iter().any(|s| {
        s.starts_with("One notable development has been their cooperation in transferring ISIS detainees")
    }));
    // The order of the pair does not matter.
    let reversed = run(
        "01-events-between-two-countries.rq",
        &[("a", country("SYR")), ("b", country("IRQ"))],
    );
    assert_eq!(reversed.rows.len(), t.rows.len());
    assert_eq!(col(&reversed, "sentence"), col(&t, "sentence"));
    // Narrowing to a pair that has no event gives nothing.
    assert!(
        run(
            "01-events-between-two-countries.rq",
            &[("a", country("FRA")), ("b", country("SYR"))]
        )
        .rows
        .is_empty()
    );
}

#[test]
fn q02_officials_of_iraq() {
    let t = run("02-officials-of-a-country.rq", &[("country", country("IRQ"))]);
    let names = col(&t, "name");
    assert_eq!(names, ["Mohammed Shia al-Sudani", "Nouri al-Maliki"]);
    assert_eq!(col(&t, "former"), ["false", "true"]);
}

#[test]
fn q03_provenance_chain_runs_to_al_thawra() {
    let t = run("03-provenance-chain-of-a-claim.rq", &[]);
    let i = col(&t, "source").iter().position(|s| s == "Al-Thawra").unwrap();
    assert_eq!(
        col(&t, "words")[i],
        "Syria and Iraq appear to be entering a new phase in their relationship, Al-Thawra writes."
    );
    assert_eq!(col(&t, "publisher")[i], "The Syrian Observer");
    assert_eq!(col(&t, "translated")[i], "true");
    assert_eq!(col(&t, "originalOutlet")[i], "Al-Thawra");
    assert_eq!(col(&t, "verification")[i], "not verified by the publisher");
}

#[test]
fn q04_claims_resting_only_on_unverified_translations() {
    let t = run("04-claims-on-unverified-or-translated-sources.rq", &[]);
    // Bound to a country, it narrows to the claims about that country.
    let syria = Term::NamedNode(NamedNode::new_unchecked(
        "https://w3id.org/bilateral/id/country/SYR",
    ));
    let about = run(
        "04-claims-on-unverified-or-translated-sources.rq",
        &[("country", syria)],
    );
    assert!(!about.rows.is_empty() && about.rows.len() < t.rows.len());
    assert!(
        col(&about, "about")
            .iter()
            .all(|a| a == "https://w3id.org/bilateral/id/country/SYR")
    );
    let sources = col(&t, "source");
    for s in [
        "Al-Thawra",
        "analysts",
        "Ahmad al-Sharaa",
        "Mohammed Shia al-Sudani",
    ] {
        assert!(sources.contains(&s.to_owned()), "{s} in {sources:?}");
    }
    assert!(
        col(&t, "why")
            .iter()
            .all(|w| w == "translated and not verified by the publisher")
    );
}

#[test]
fn q05_hedged_claims() {
    let t = run("05-hedged-claims.rq", &[]);
    assert_eq!(col(&t, "source"), ["Al-Thawra"]);
    assert_eq!(col(&t, "cue"), ["writes"]);
}

#[test]
fn q06_who_said_what_about_syria() {
    let t = run("06-who-said-what-about-whom.rq", &[("about", country("SYR"))]);
    let sources = col(&t, "source");
    assert!(
        sources.contains(&"Al-Thawra".to_owned()) && sources.contains(&"Ahmad al-Sharaa".to_owned()),
        "{sources:?}"
    );
}

#[test]
fn q07_cameo_distribution() {
    let t = run("07-cameo-distribution-per-pair.rq", &[]);
    let rows: Vec<(String, String, String)> = col(&t, "aName")
        .into_iter()
        .zip(col(&t, "bName"))
        .zip(col(&t, "cameo"))
        .map(|((a, b), c)| (a, b, c))
        .collect();
    for code in ["063", "064", "062", "050", "040", "061"] {
        assert!(
            rows.contains(&("Iraq".into(), "Syria".into(), code.into())),
            "{code} in {rows:?}"
        );
    }
}

#[test]
fn q08_articles_behind_syria() {
    let t = run("08-articles-behind-an-entity.rq", &[("entity", country("SYR"))]);
    assert_eq!(col(&t, "title"), ["Damascus–Baghdad Ties Move Into a New Era"]);
    assert_eq!(col(&t, "mentions"), ["15"]);
}

#[test]
fn q09_no_mismatch_on_a_fresh_store() {
    assert!(
        run("09-graphs-whose-digest-no-longer-matches.rq", &[])
            .rows
            .is_empty()
    );
}

#[test]
fn q10_proposed_events() {
    let t = run(
        "10-planned-and-proposed-events.rq",
        &[("country", country("SYR"))],
    );
    let mut types = col(&t, "type");
    types.sort();
    assert_eq!(
        types,
        ["border crossing reopening", "energy cooperation", "trade"]
    );
    assert!(col(&t, "status").iter().all(|s| s == "proposed"));
}

#[test]
fn q11_translated_articles() {
    let t = run("11-translated-articles-and-their-outlets.rq", &[]);
    assert_eq!(col(&t, "publisher"), ["The Syrian Observer"]);
    assert_eq!(col(&t, "originalOutlet"), ["Al-Thawra"]);
}

#[test]
fn q12_sources_ranked() {
    let t = run("12-sources-ranked-by-claims.rq", &[]);
    assert_eq!(col(&t, "source").len(), 4);
    let i = col(&t, "source").iter().position(|s| s == "Al-Thawra").unwrap();
    assert_eq!(col(&t, "hedgedClaims")[i], "1");
}

#[test]
fn q13_detainee_transfer_direction() {
    let t = run("13-detainee-transfers-with-direction.rq", &[]);
    assert_eq!(
        (col(&t, "fromName"), col(&t, "toName")),
        (vec!["Syria".to_owned()], vec!["Iraq".to_owned()])
    );
}

#[test]
fn q14_country_mentions() {
    let t = run("14-country-mentions-per-article.rq", &[]);
    assert_eq!(col(&t, "countryName"), ["Syria", "Iraq", "Iran"]);
}

#[test]
fn verify_catches_a_changed_graph_and_query_09_lists_it() {
    let db = Database::in_memory().unwrap();
    bilateral::seed::seed(&db, bilateral::DEFAULT_BASE_IRI).unwrap();
    assert!(
        bilateral::ingest::verify(&db)
            .unwrap()
            .iter()
            .all(bilateral::ingest::Verification::ok)
    );
    // Tamper: add a statement to the article's graph behind the service's back.
    let graph = format!("{}graph/article/", bilateral::DEFAULT_BASE_IRI);
    db.update(
        &format!("INSERT {{ GRAPH ?g {{ <http://example.org/forged> <http://example.org/says> \"nothing\" }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{graph}\") && !CONTAINS(STR(?g), \"provenance\")) }}"),
        None,
        None,
    )
    .unwrap();
    let results = bilateral::ingest::verify(&db).unwrap();
    assert_eq!(results.iter().filter(|v| !v.ok()).count(), 1);
    bilateral::ingest::record_verification(&db, bilateral::DEFAULT_BASE_IRI, &results).unwrap();
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("queries/09-graphs-whose-digest-no-longer-matches.rq"),
    )
    .unwrap();
    let t = db
        .query_table(
            &prepare_query(&text, None, &[], &[]).unwrap(),
            &Limits::default(),
            None,
        )
        .unwrap();
    assert_eq!(t.rows.len(), 1);
}

#[test]
fn the_store_passes_the_shapes() {
    let shapes =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology/shapes.ttl"))
            .unwrap();
    let report = bilateral::shacl::validate(seeded(), &shapes).unwrap();
    assert!(report.focus_nodes > 50);
    assert!(report.violations.is_empty(), "{:?}", report.violations);
    // And a broken graph is caught: a claim without its hedge flag.
    let db = Database::in_memory().unwrap();
    db.update("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/c> a <https://w3id.org/bilateral/ontology#Claim> } }", None, None).unwrap();
    let report = bilateral::shacl::validate(&db, &shapes).unwrap();
    assert!(
        report.violations.iter().any(|v| v.path.contains("hedged")),
        "{:?}",
        report.violations
    );
    // A mention without its words, and a grounding that is not a `#char=s,e` IRI.
    let db = Database::in_memory().unwrap();
    db.update(
        "PREFIX gaf: <http://groundedannotationframework.org/gaf#> PREFIX bil: <https://w3id.org/bilateral/ontology#> \
         INSERT DATA { GRAPH <http://example.org/g> { \
           <http://example.org/e> a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ; gaf:denotedBy <http://example.org/a#char=1,5> , <http://example.org/a#words> } }",
        None,
        None,
    )
    .unwrap();
    let report = bilateral::shacl::validate(&db, &shapes).unwrap();
    let on = |path: &str, focus: &str| {
        report
            .violations
            .iter()
            .any(|v| v.path.contains(path) && v.focus.contains(focus))
    };
    assert!(on("anchorOf", "a#char=1,5"), "{:?}", report.violations);
    assert!(on("referenceContext", "a#char=1,5"), "{:?}", report.violations);
    assert!(on("denotedBy", "example.org/e"), "{:?}", report.violations);
}

#[test]
fn q15_every_name_of_an_entity() {
    let sharaa = Term::NamedNode(
        oxigraph::model::NamedNode::new(format!("{}id/person/ahmad-al-shara", bilateral::DEFAULT_BASE_IRI))
            .unwrap(),
    );
    let t = run("15-every-name-of-an-entity.rq", &[("entity", sharaa)]);
    let names = col(&t, "name");
    assert!(names.contains(&"Ahmed al-Sharaa".to_owned()), "{names:?}");
    assert!(names.contains(&"Abu Mohammad al-Jolani".to_owned()), "{names:?}");
    assert!(col(&t, "canonical").iter().all(|c| c == "Ahmed al-Sharaa"));
    // Unbound: every entity with more than one name, each name once.
    let t = run("15-every-name-of-an-entity.rq", &[]);
    let pairs: Vec<(String, String)> = col(&t, "entity").into_iter().zip(col(&t, "name")).collect();
    let mut distinct = pairs.clone();
    distinct.dedup();
    assert_eq!(pairs.len(), distinct.len());
    assert!(!pairs.is_empty());
}

#[test]
fn countries_link_out_to_geonames() {
    let db = seeded();
    let text = format!(
        "SELECT ?g WHERE {{ <{}id/country/SYR> <http://www.w3.org/2004/02/skos/core#exactMatch> ?g }}",
        bilateral::DEFAULT_BASE_IRI
    );
    let t = db
        .query_table(
            &prepare_query(&text, None, &[], &[]).unwrap(),
            &Limits::default(),
            None,
        )
        .unwrap();
    assert_eq!(col(&t, "g"), ["https://sws.geonames.org/163843/"]);
}

#[test]
fn q16_and_q17_happenings_and_their_sources() {
    // The seed article is The Syrian Observer's translation of an Al-Thawra piece, not verified
    // by its publisher: each of its happenings has one source, Al-Thawra, and rests on an
    // unverified translation only.
    let t = run("16-happenings-and-their-sources.rq", &[]);
    assert!(!t.rows.is_empty());
    assert!(
        col(&t, "sources").iter().all(|n| n == "1"),
        "{:?}",
        col(&t, "sources")
    );
    let names = col(&t, "sourceNames");
    assert!(names.iter().all(|n| n.contains("Thawra")), "{names:?}");
    let t17 = run("17-single-source-happenings-on-unverified-translations.rq", &[]);
    assert_eq!(col(&t17, "happening").len(), t.rows.len());
}

#[test]
fn a_bound_parameter_counts_as_bound_in_every_group() {
    // Joined at the top as VALUES, a parameter would be unbound inside a group evaluated before
    // the join; folded, `BOUND(?p)` is true everywhere, so "only when not given" parts drop out.
    let text = "SELECT ?x WHERE { { FILTER(!BOUND(?p)) BIND(\"unbound\" AS ?x) } UNION { BIND(IF(BOUND(?p), \"bound\", \"no\") AS ?x) } }";
    let answer = |params: &[(String, Term)]| {
        let mut prepared = prepare_query(text, None, &[], &[]).unwrap();
        prepared.bind_parameters(text, params).unwrap();
        let mut got = col(
            &seeded().query_table(&prepared, &Limits::default(), None).unwrap(),
            "x",
        );
        got.sort();
        got
    };
    assert_eq!(answer(&[]), ["no", "unbound"]);
    assert_eq!(answer(&[("p".to_owned(), country("IRQ"))]), ["bound"]);
}

#[test]
fn a_parameter_reaches_the_subqueries_that_project_it_unless_that_changes_them() {
    // A given parameter is joined into every subquery that projects it (store::into_subqueries),
    // except below a LIMIT, an aggregate or a BIND of the parameter, where reading fewer rows
    // would change the subquery's answer. Each answer is the one a substitution gives.
    let answer = |text: &str| {
        let mut prepared = prepare_query(text, None, &[], &[]).unwrap();
        let p = Term::from(oxigraph::model::Literal::new_simple_literal("a"));
        prepared.bind_parameters(text, &[("p".to_owned(), p)]).unwrap();
        let mut got = col(
            &seeded().query_table(&prepared, &Limits::default(), None).unwrap(),
            "x",
        );
        got.sort();
        got
    };
    // Read apart, joined on ?x: the rows with ?p "a" in both.
    assert_eq!(
        answer(
            "SELECT ?x WHERE { { SELECT ?x ?p WHERE { VALUES (?x ?p) { (1 \"a\") (2 \"b\") (3 \"a\") } } } \
             { SELECT ?x ?p WHERE { VALUES (?x ?p) { (1 \"a\") (3 \"b\") } } } }"
        ),
        ["1"]
    );
    // LIMIT 1 keeps (1, "b"), which the value "a" then rejects: no row (not (2, "a")).
    assert!(
        answer(
            "SELECT ?x WHERE { { SELECT ?x ?p WHERE { VALUES (?x ?p) { (1 \"b\") (2 \"a\") (3 \"a\") } } ORDER BY ?x LIMIT 1 } }"
        )
        .is_empty()
    );
    // A nested subquery below a LIMIT is left alone too.
    assert!(
        answer(
            "SELECT ?x WHERE { { SELECT ?x ?p WHERE { { SELECT ?x ?p WHERE { VALUES (?x ?p) { (1 \"b\") (2 \"a\") } } } } ORDER BY ?x LIMIT 1 } }"
        )
        .is_empty()
    );
    // The subquery computes ?p itself.
    assert_eq!(
        answer(
            "SELECT ?x WHERE { { SELECT ?x ?p WHERE { VALUES ?x { 1 2 } BIND(IF(?x = 1, \"a\", \"b\") AS ?p) } } }"
        ),
        ["1"]
    );
    // An aggregate over ?p's rows: the count of every row, then joined with the value.
    assert_eq!(
        answer(
            "SELECT ?x WHERE { { SELECT ?p (COUNT(*) AS ?x) WHERE { VALUES (?y ?p) { (1 \"a\") (2 \"a\") (3 \"b\") } } GROUP BY ?p } }"
        ),
        ["2"]
    );
}

#[test]
fn now_is_one_instant_for_the_whole_query() {
    // The evaluator takes NOW()'s value when a query first asks for it (vendor/spareval's
    // third patch): it is still one value across rows, sub-evaluators and calls.
    let text = "SELECT ?x (NOW() AS ?a) ?b WHERE { VALUES ?x { 1 2 3 } { SELECT (NOW() AS ?b) WHERE {} } }";
    let prepared = prepare_query(text, None, &[], &[]).unwrap();
    let table = seeded().query_table(&prepared, &Limits::default(), None).unwrap();
    let a = col(&table, "a");
    let b = col(&table, "b");
    assert_eq!(a.len(), 3);
    assert!(a.iter().chain(&b).all(|v| v == &a[0]), "{a:?} {b:?}");
    assert!(a[0].starts_with("20"), "{a:?}");
}

#[test]
fn order_by_sorts_by_every_key_in_its_direction() {
    // The evaluator's sort is patched (vendor/spareval: keys computed once per row); the order
    // must be SPARQL's: numbers by value, unbound first, then each key in its direction.
    let db = Database::in_memory().unwrap();
    let text = "SELECT ?x ?y WHERE { VALUES (?x ?y) { (2 \"b\") (10 \"a\") (2 \"c\") (UNDEF \"z\") (10 \"b\") (1 UNDEF) } } ORDER BY DESC(?x) ?y";
    let prepared = prepare_query(text, None, &[], &[]).unwrap();
    let table = db.query_table(&prepared, &Limits::default(), None).unwrap();
    let cells: Vec<String> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| {
                    c.as_ref().map_or("-".to_owned(), |t| match t {
                        Term::Literal(l) => l.value().to_owned(),
                        other => other.to_string(),
                    })
                })
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    assert_eq!(cells, ["10,a", "10,b", "2,b", "2,c", "1,-", "-,z"]);
}

#[test]
fn scans_that_reuse_an_iterator_stop_at_their_prefix() {
    // The vendored store keeps a query's RocksDB iterators and seeks them again for the next
    // scan (vendor/oxigraph, fourth change); such an iterator has no upper bound, and the scan
    // must end at the first key outside its prefix. Neighbouring subjects, a nested-loop join
    // over all of them, in named graphs (the union default graph) and in the default graph.
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    let mut data = String::from("INSERT DATA {\n");
    for i in 0..300 {
        data.push_str(&format!(
            "GRAPH <http://e/g{}> {{ <http://e/s{i}> <http://e/p> <http://e/o{i}> . <http://e/s{i}> <http://e/p2> {i} }}\n",
            i % 7
        ));
        data.push_str(&format!("<http://e/o{i}> <http://e/q> \"{i}\" .\n"));
    }
    data.push('}');
    db.update(&data, None, None).unwrap();
    let text =
        "SELECT ?s ?o ?n ?v WHERE { GRAPH ?g { ?s <http://e/p> ?o ; <http://e/p2> ?n } ?o <http://e/q> ?v }";
    let prepared = prepare_query(text, None, &[], &[]).unwrap();
    for _ in 0..3 {
        let table = db.query_table(&prepared, &Limits::default(), None).unwrap();
        assert_eq!(table.rows.len(), 300);
        for row in &table.rows {
            let cell = |i: usize| match row[i].as_ref().unwrap() {
                Term::NamedNode(n) => n.as_str().rsplit(['s', 'o']).next().unwrap().to_owned(),
                Term::Literal(l) => l.value().to_owned(),
                other @ Term::BlankNode(_) => panic!("{other}"),
            };
            // Every row joins one subject's own quads: s{i}, o{i}, i, "i".
            assert_eq!(cell(0), cell(1), "{row:?}");
            assert_eq!(cell(0), cell(2), "{row:?}");
            assert_eq!(cell(0), cell(3), "{row:?}");
        }
    }
    // A subject alone: exactly its two quads. The evaluator drops a quad that does not match a
    // pattern's constants, but the store's own scans (a graph's quads, a subject's) do not.
    let one = prepare_query("SELECT ?p ?o WHERE { <http://e/s12> ?p ?o }", None, &[], &[]).unwrap();
    assert_eq!(
        db.query_table(&one, &Limits::default(), None).unwrap().rows.len(),
        2
    );
    for _ in 0..3 {
        let s12 = NamedNode::new("http://e/s12").unwrap();
        assert_eq!(db.quads_with_subject(&s12, 1000).unwrap().len(), 2);
        for g in 0..7 {
            let graph = NamedNode::new(format!("http://e/g{g}")).unwrap();
            let expected = 2 * (0..300).filter(|i| i % 7 == g).count();
            assert_eq!(db.graph_quads(&graph).unwrap().len(), expected, "graph {g}");
        }
    }
}

#[test]
fn lookups_kept_for_later_rows_give_each_row_its_own_answer() {
    // The vendored evaluator keeps a pattern's few quads for the bound terms of a row and
    // answers a later row with the same terms from them (vendor/spareval, seventh change): 256
    // slots, the last key of a slot wins, at most 8 quads kept. 1,000 rows look up 600 kinds (so
    // slots are overwritten), each kind's label, and for every 50th kind 12 other names (too
    // many to keep). Nested OPTIONALs make them lookups from each row.
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    let mut data = String::from("INSERT DATA {\n");
    for i in 0..1000 {
        data.push_str(&format!(
            "<http://e/s{i}> <http://e/kind> <http://e/k{}> .\n",
            i % 600
        ));
    }
    for k in 0_usize..600 {
        data.push_str(&format!("<http://e/k{k}> <http://e/label> \"{k}\" .\n"));
        if k.is_multiple_of(50) {
            for a in 0..12 {
                data.push_str(&format!("<http://e/k{k}> <http://e/alt> \"{k}-{a}\" .\n"));
            }
        }
    }
    data.push('}');
    db.update(&data, None, None).unwrap();
    let text = "SELECT ?s ?l (COUNT(?alt) AS ?alts) WHERE { ?s <http://e/kind> ?k \
                OPTIONAL { ?k <http://e/label> ?l OPTIONAL { ?k <http://e/alt> ?alt } } } GROUP BY ?s ?l";
    let prepared = prepare_query(text, None, &[], &[]).unwrap();
    let table = db.query_table(&prepared, &Limits::default(), None).unwrap();
    assert_eq!(table.rows.len(), 1000);
    for row in &table.rows {
        let Some(Term::NamedNode(s)) = &row[0] else {
            panic!("{row:?}")
        };
        let i: usize = s.as_str().trim_start_matches("http://e/s").parse().unwrap();
        let Some(Term::Literal(label)) = &row[1] else {
            panic!("{row:?}")
        };
        assert_eq!(label.value(), (i % 600).to_string(), "{row:?}");
        let Some(Term::Literal(alts)) = &row[2] else {
            panic!("{row:?}")
        };
        let expected = if (i % 600).is_multiple_of(50) { 12 } else { 0 };
        assert_eq!(alts.value(), expected.to_string(), "{row:?}");
    }
}

#[test]
fn a_token_with_a_deadline_stops_the_query_by_itself() {
    // vendor/spareval's fifth change: the attempt of a query on the server's async worker
    // carries a deadline that no other thread enforces.
    let db = seeded();
    let text = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let prepared = prepare_query(text, None, &[], &[]).unwrap();
    let start = std::time::Instant::now();
    let token =
        oxigraph::sparql::CancellationToken::with_deadline(start + std::time::Duration::from_millis(20));
    let result = db.query_table(&prepared, &Limits::default(), Some(token.clone()));
    assert!(
        result.is_err(),
        "a cartesian product of the seed data does not end in 20 ms"
    );
    assert!(token.is_cancelled());
    assert!(
        start.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    // Without a deadline, a short query ends normally.
    let ask = prepare_query("ASK {}", None, &[], &[]).unwrap();
    let token = oxigraph::sparql::CancellationToken::with_deadline(
        std::time::Instant::now() + std::time::Duration::from_mins(1),
    );
    assert!(db.query_table(&ask, &Limits::default(), Some(token)).is_ok());
}
