//! The HTTP routes, one test per behaviour, driven through `tower::ServiceExt::oneshot` on an
//! in-memory store: no socket, no port.

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use bilateral::http::{Config, router};
use bilateral::store::Database;
use std::time::{Duration, Instant};
use tower::ServiceExt;

const TOKEN: &str = "s3cret-token";

fn app_with(config: Config) -> Router {
    let db = Database::in_memory().unwrap();
    let dirs = [
        bilateral::resource_dir("ontology"),
        bilateral::resource_dir("seed-data"),
    ];
    bilateral::seed::load_reference(&db, &config.base_iri, &dirs).unwrap();
    router(db, config)
}

fn app() -> Router {
    app_with(Config {
        update_token: Some(TOKEN.to_owned()),
        ..Config::default()
    })
}

struct Answer {
    status: StatusCode,
    content_type: String,
    body: String,
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Answer {
        status,
        content_type,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn get(uri: &str, accept: Option<&str>) -> Request<Body> {
    let mut r = Request::get(uri);
    if let Some(a) = accept {
        r = r.header(header::ACCEPT, a);
    }
    r.body(Body::empty()).unwrap()
}

fn get_query(query: &str, accept: Option<&str>) -> Request<Body> {
    get(&format!("/sparql?query={}", enc(query)), accept)
}

fn post(uri: &str, content_type: &str, body: impl Into<Body>, token: Option<&str>) -> Request<Body> {
    let mut r = Request::post(uri).header(header::CONTENT_TYPE, content_type);
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(body.into()).unwrap()
}

const COUNTRIES: &str = "SELECT ?c WHERE { ?c a <https://schema.org/Country> ; <https://w3id.org/bilateral/ontology#iso3> \"SYR\" }";

#[tokio::test]
async fn get_query_json_by_default() {
    let a = send(&app(), get_query(COUNTRIES, None)).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(
        a.content_type.starts_with("application/sparql-results+json"),
        "{}",
        a.content_type
    );
    assert!(a.body.contains("/id/country/SYR"), "{}", a.body);
}

#[tokio::test]
async fn get_query_accept_star() {
    let a = send(&app(), get_query(COUNTRIES, Some("*/*"))).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.content_type.starts_with("application/sparql-results+json"));
}

#[tokio::test]
async fn post_form_query() {
    let a = send(
        &app(),
        post(
            "/sparql",
            "application/x-www-form-urlencoded",
            format!("query={}", enc(COUNTRIES)),
            None,
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("/id/country/SYR"));
}

#[tokio::test]
async fn post_direct_query_with_csv_tsv_xml() {
    for (accept, expected, marker) in [
        ("text/csv", "text/csv", "c\r\n"),
        ("text/tab-separated-values", "text/tab-separated-values", "?c\n"),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<sparql",
        ),
    ] {
        let mut r = post("/sparql", "application/sparql-query", COUNTRIES, None);
        r.headers_mut().insert(header::ACCEPT, accept.parse().unwrap());
        let a = send(&app(), r).await;
        assert_eq!(a.status, StatusCode::OK, "{accept}");
        assert!(
            a.content_type.starts_with(expected),
            "{accept}: {}",
            a.content_type
        );
        assert!(a.body.contains(marker), "{accept}: {}", a.body);
    }
}

#[tokio::test]
async fn accept_q_values_pick_the_best() {
    let a = send(
        &app(),
        get_query(
            COUNTRIES,
            Some("text/csv;q=0.4, application/sparql-results+xml;q=0.8"),
        ),
    )
    .await;
    assert!(a.content_type.starts_with("application/sparql-results+xml"));
}

#[tokio::test]
async fn format_parameter_for_browsers() {
    let a = send(
        &app(),
        get(
            &format!("/sparql?query={}&format=csv", enc(COUNTRIES)),
            Some("text/html"),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.content_type.starts_with("text/csv"));
}

#[tokio::test]
async fn construct_in_every_graph_format() {
    let q = "CONSTRUCT { ?c ?p ?o } WHERE { ?c <https://w3id.org/bilateral/ontology#iso3> \"IRQ\" ; ?p ?o }";
    for (accept, expected) in [
        (None, "text/turtle"),
        (Some("text/turtle"), "text/turtle"),
        (Some("application/n-triples"), "application/n-triples"),
        (Some("application/rdf+xml"), "application/rdf+xml"),
        (Some("application/ld+json"), "application/ld+json"),
        (Some("application/trig"), "application/trig"),
        (Some("application/n-quads"), "application/n-quads"),
    ] {
        let a = send(&app(), get_query(q, accept)).await;
        assert_eq!(a.status, StatusCode::OK, "{accept:?}");
        assert!(
            a.content_type.starts_with(expected),
            "{accept:?}: {}",
            a.content_type
        );
        assert!(a.body.contains("Iraq"), "{accept:?}: {}", a.body);
    }
}

#[tokio::test]
async fn not_acceptable_is_406() {
    let a = send(&app(), get_query(COUNTRIES, Some("image/png"))).await;
    assert_eq!(a.status, StatusCode::NOT_ACCEPTABLE);
    assert!(a.body.contains("application/sparql-results+json"), "{}", a.body);
}

#[tokio::test]
async fn bad_query_is_400_with_the_parser_message() {
    let a = send(&app(), get_query("SELECT ?x WHERE { ?x ", None)).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(
        a.body
            .starts_with("the SPARQL text is not valid: line 1, column "),
        "{}",
        a.body
    );
    assert!(!a.body.contains("expected one of"), "{}", a.body);
}

#[tokio::test]
async fn unsupported_media_type_is_415() {
    let a = send(&app(), post("/sparql", "text/plain", COUNTRIES, None)).await;
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let a = send(
        &app(),
        post("/update", "text/plain", "INSERT DATA {}", Some(TOKEN)),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let a = send(
        &app(),
        post("/store?graph=http://ex.org/g", "image/png", "x", Some(TOKEN)),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn service_is_refused() {
    let a = send(
        &app(),
        get_query(
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            None,
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("SERVICE calls are refused"), "{}", a.body);
}

#[tokio::test]
async fn load_is_refused() {
    let a = send(
        &app(),
        post(
            "/update",
            "application/sparql-update",
            "LOAD <http://example.org/data.ttl>",
            Some(TOKEN),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("LOAD is refused"), "{}", a.body);
}

#[tokio::test]
async fn update_without_token_is_401() {
    let a = send(
        &app(),
        post(
            "/update",
            "application/sparql-update",
            "INSERT DATA { <http://ex.org/a> <http://ex.org/b> 1 }",
            None,
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn update_with_wrong_token_is_403() {
    let a = send(
        &app(),
        post(
            "/update",
            "application/sparql-update",
            "INSERT DATA { <http://ex.org/a> <http://ex.org/b> 1 }",
            Some("wrong"),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn writes_are_off_without_a_configured_token() {
    let app = app_with(Config::default());
    let a = send(
        &app,
        post(
            "/update",
            "application/sparql-update",
            "INSERT DATA { <http://ex.org/a> <http://ex.org/b> 1 }",
            Some(TOKEN),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(a.body.contains("writes are disabled"), "{}", a.body);
    let a = send(
        &app,
        post(
            "/store?graph=http://ex.org/g",
            "text/turtle",
            "<a:a> <a:a> <a:a> .",
            Some(TOKEN),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn update_with_token_writes_and_is_visible_in_the_union_default_graph() {
    let app = app();
    let a = send(
        &app,
        post(
            "/update",
            "application/sparql-update",
            "INSERT DATA { GRAPH <http://ex.org/g> { <http://ex.org/a> <http://ex.org/b> 42 } }",
            Some(TOKEN),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.body);
    let a = send(
        &app,
        get_query("SELECT ?o WHERE { <http://ex.org/a> <http://ex.org/b> ?o }", None),
    )
    .await;
    assert!(a.body.contains("42"), "{}", a.body);
    // Form-encoded updates work too.
    let a = send(
        &app,
        post(
            "/update",
            "application/x-www-form-urlencoded",
            format!("update={}", enc("CLEAR GRAPH <http://ex.org/g>")),
            Some(TOKEN),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.body);
    let a = send(&app, get_query("ASK { <http://ex.org/a> ?p ?o }", None)).await;
    assert!(a.body.contains("false"), "{}", a.body);
}

#[tokio::test]
async fn bad_update_is_400_and_changes_nothing() {
    let app = app();
    let a = send(
        &app,
        post(
            "/update",
            "application/sparql-update",
            "INSERT DATA { <http://ex.org/a> <http://ex.org/b> ",
            Some(TOKEN),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = send(&app, get_query("ASK { <http://ex.org/a> ?p ?o }", None)).await;
    assert!(a.body.contains("false"));
}

#[tokio::test]
async fn dataset_parameters_restrict_the_graphs() {
    let app = app();
    send(&app, post("/update", "application/sparql-update", "INSERT DATA { GRAPH <http://ex.org/g1> { <http://ex.org/s> <http://ex.org/p> 1 } GRAPH <http://ex.org/g2> { <http://ex.org/s> <http://ex.org/p> 2 } }", Some(TOKEN))).await;
    let q = enc("SELECT ?o WHERE { <http://ex.org/s> <http://ex.org/p> ?o }");
    let a = send(
        &app,
        get(
            &format!("/sparql?query={q}&default-graph-uri={}", enc("http://ex.org/g1")),
            Some("text/csv"),
        ),
    )
    .await;
    assert_eq!(a.body, "o\r\n1\r\n");
    let a = send(&app, get(&format!("/sparql?query={q}"), Some("text/csv"))).await;
    assert!(
        a.body.contains('1') && a.body.contains('2'),
        "union default graph: {}",
        a.body
    );
    let q = enc("SELECT ?g WHERE { GRAPH ?g { <http://ex.org/s> ?p ?o } }");
    let a = send(
        &app,
        get(
            &format!("/sparql?query={q}&named-graph-uri={}", enc("http://ex.org/g2")),
            Some("text/csv"),
        ),
    )
    .await;
    assert_eq!(a.body, "g\r\nhttp://ex.org/g2\r\n");
}

#[tokio::test]
async fn service_description_without_query() {
    let a = send(&app(), get("/sparql", Some("text/turtle"))).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(
        a.body.contains("sd:Service") && a.body.contains("sd:UnionDefaultGraph"),
        "{}",
        a.body
    );
    // Of fixed size: it does not list (or count) every graph of the store.
    assert!(!a.body.contains("graph/seed-data/countries"), "{}", a.body);
}

#[tokio::test]
async fn body_too_large_is_413() {
    let app = app_with(Config {
        max_body_bytes: 1024,
        update_token: Some(TOKEN.to_owned()),
        ..Config::default()
    });
    let big = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(4096));
    let a = send(
        &app,
        post("/sparql", "application/sparql-query", big.clone(), None),
    )
    .await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", a.body);
    let a = send(
        &app,
        post("/update", "application/sparql-update", big, Some(TOKEN)),
    )
    .await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", a.body);
}

#[tokio::test]
async fn result_cap_gives_a_clear_error() {
    let mut config = Config::default();
    config.limits.max_rows = 10;
    let a = send(&app_with(config), get_query("SELECT * WHERE { ?s ?p ?o }", None)).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("more than 10 rows"), "{}", a.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runaway_query_is_stopped_while_others_are_served() {
    let app = app_with(Config {
        query_timeout: Duration::from_secs(1),
        ..Config::default()
    });
    let runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let slow = tokio::spawn({
        let app = app.clone();
        async move {
            let start = Instant::now();
            let a = send(&app, get_query(runaway, None)).await;
            (a, start.elapsed())
        }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let start = Instant::now();
    let quick = send(&app, get_query(COUNTRIES, None)).await;
    assert_eq!(quick.status, StatusCode::OK);
    assert!(
        start.elapsed() < Duration::from_millis(900),
        "a second query waited {:?}",
        start.elapsed()
    );
    let (a, elapsed) = slow.await.unwrap();
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(a.body.contains("time limit"), "{}", a.body);
    assert!(
        elapsed < Duration::from_secs(3),
        "the runaway query took {elapsed:?}"
    );
    // After the cancellation the endpoint still answers.
    assert_eq!(
        send(&app, get_query(COUNTRIES, None)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn graph_store_protocol() {
    let app = app();
    let g = enc("http://ex.org/gsp");
    let a = send(&app, get(&format!("/store?graph={g}"), None)).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = send(
        &app,
        Request::put(format!("/store?graph={g}"))
            .header(header::CONTENT_TYPE, "text/turtle")
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::from("<http://ex.org/x> <http://ex.org/y> \"one\" ."))
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let a = send(
        &app,
        post(
            &format!("/store?graph={g}"),
            "application/n-triples",
            "<http://ex.org/x> <http://ex.org/y> \"two\" .\n",
            Some(TOKEN),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.body);
    let a = send(
        &app,
        get(&format!("/store?graph={g}"), Some("application/n-triples")),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(
        a.body.contains("\"one\"") && a.body.contains("\"two\""),
        "{}",
        a.body
    );
    // Broken RDF is refused whole: the graph keeps what it had.
    let a = send(
        &app,
        post(
            &format!("/store?graph={g}"),
            "text/turtle",
            "<http://ex.org/x> <http://ex.org/y> \"three\" . <broken",
            Some(TOKEN),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    let a = send(
        &app,
        get(&format!("/store?graph={g}"), Some("application/n-triples")),
    )
    .await;
    assert!(!a.body.contains("three"), "{}", a.body);
    let a = send(
        &app,
        Request::delete(format!("/store?graph={g}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    let a = send(
        &app,
        Request::delete(format!("/store?graph={g}"))
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
    let a = send(&app, get(&format!("/store?graph={g}"), None)).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = send(&app, get("/store", None)).await;
    assert!(
        a.content_type.starts_with("application/trig"),
        "{}",
        a.content_type
    );
}

#[tokio::test]
async fn health_metrics_index_and_404() {
    let app = app();
    let a = send(&app, get("/health", None)).await;
    assert_eq!((a.status, a.body.as_str()), (StatusCode::OK, "ok\n"));
    send(&app, get_query("SELECT ?x WHERE { ?x", None)).await;
    let a = send(&app, get("/metrics", None)).await;
    assert!(
        a.body
            .contains("bilateral_http_requests_total{route=\"/sparql\",status=\"400\"} 1"),
        "{}",
        a.body
    );
    assert!(a.body.contains("bilateral_store_quads "), "{}", a.body);
    let a = send(&app, get("/", Some("text/html"))).await;
    assert!(
        a.content_type.starts_with("text/html") && a.body.contains("<textarea"),
        "{}",
        a.content_type
    );
    let a = send(&app, get("/nothing-here", None)).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
}

/// The stored questions as an API: listed with their parameters, answered in the negotiated
/// format, a pair in either order giving the same rows, and clear refusals.
#[tokio::test]
async fn stored_queries_over_http() {
    let db = Database::in_memory().unwrap();
    bilateral::seed::ensure_seeded(&db, bilateral::DEFAULT_BASE_IRI).unwrap();
    let app = router(db, Config::default());
    let list = send(&app, get("/queries", None)).await;
    assert_eq!(list.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&list.body).unwrap();
    let q01 = v
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["name"] == "01-events-between-two-countries")
        .unwrap();
    assert_eq!(q01["parameters"][0]["name"], "a");
    assert_eq!(q01["parameters"][0]["type"], "country");
    assert_eq!(q01["url"], "/queries/01-events-between-two-countries");

    let csv = |a: &str, b: &str| {
        get(
            &format!("/queries/01-events-between-two-countries?a={a}&b={b}"),
            Some("text/csv"),
        )
    };
    let one = send(&app, csv("SYR", "IRQ")).await;
    let other = send(&app, csv("IRQ", "SYR")).await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.body);
    assert!(one.content_type.starts_with("text/csv"));
    assert!(one.body.lines().count() > 2, "{}", one.body);
    assert_eq!(one.body, other.body, "a pair answers the same in either order");
    // A full IRI works as well as the code, and format= chooses the format.
    let iri = enc(&format!("<{}id/country/SYR>", bilateral::DEFAULT_BASE_IRI));
    let tsv = send(
        &app,
        get(
            &format!("/queries/01-events-between-two-countries?a={iri}&b=irq&format=tsv"),
            None,
        ),
    )
    .await;
    assert_eq!(tsv.status, StatusCode::OK, "{}", tsv.body);
    assert!(tsv.content_type.starts_with("text/tab-separated-values"));
    assert_eq!(tsv.body.lines().count(), one.body.lines().count());
    // Refusals say what would work.
    let unknown = send(&app, get("/queries/99-nothing", None)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("01-events-between-two-countries"));
    let bad = send(&app, get("/queries/01-events-between-two-countries?c=SYR", None)).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("its parameters: a, b"), "{}", bad.body);
    let bad = send(
        &app,
        get("/queries/01-events-between-two-countries?a=not%20an%20iri", None),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("ISO 3166-1"), "{}", bad.body);
}

/// The ontology at its IRI (HTML with an anchor per term, RDF by Accept) and the `VoID`
/// description of the dataset.
#[tokio::test]
async fn ontology_and_void() {
    let app = app();
    let html = send(&app, get("/ontology", Some("text/html"))).await;
    assert_eq!(html.status, StatusCode::OK, "{}", html.body);
    assert!(html.body.contains("id=\"Claim\"") && html.body.contains("id=\"reportOf\""));
    let ttl = send(&app, get("/ontology", Some("text/turtle"))).await;
    assert!(ttl.content_type.starts_with("text/turtle"));
    assert!(ttl.body.contains("Happening"));
    let void = send(&app, get("/.well-known/void", Some("text/turtle"))).await;
    assert_eq!(void.status, StatusCode::OK, "{}", void.body);
    for needle in [
        "void:Dataset",
        "creativecommons.org/licenses/by/4.0/",
        "void:sparqlEndpoint",
        "void:dataDump",
        "void:vocabulary",
    ] {
        assert!(void.body.contains(needle), "{needle}: {}", void.body);
    }
}

/// Entity documents carry an `ETag`; asking again with `If-None-Match` gets `304` and no body.
#[tokio::test]
async fn entity_documents_have_etags() {
    let app = app();
    for accept in ["text/turtle", "text/html"] {
        let response = app
            .clone()
            .oneshot(get("/id/country/SYR", Some(accept)))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let tag = response
            .headers()
            .get(header::ETAG)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(tag.starts_with('"') && tag.len() > 10, "{tag}");
        let again = Request::get("/id/country/SYR")
            .header(header::ACCEPT, accept)
            .header(header::IF_NONE_MATCH, &tag)
            .body(Body::empty())
            .unwrap();
        let response = app.clone().oneshot(again).await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED, "{accept}");
        let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        assert!(body.is_empty());
    }
    // Last-Modified: the store's last write through this server (or its start), given back.
    let response = app
        .clone()
        .oneshot(get("/id/country/SYR", Some("text/turtle")))
        .await
        .unwrap();
    let date = response
        .headers()
        .get(header::LAST_MODIFIED)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(date.ends_with(" GMT") && date.len() == 29, "{date}");
    let again = Request::get("/id/country/SYR")
        .header(header::ACCEPT, "text/turtle")
        .header(header::IF_MODIFIED_SINCE, &date)
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        app.clone().oneshot(again).await.unwrap().status(),
        StatusCode::NOT_MODIFIED
    );
}

/// A mention IRI (`<article>#char=s,e`) is described by the document it dereferences to: the
/// article's.
#[tokio::test]
async fn mention_iris_are_described_by_their_article_document() {
    let db = Database::in_memory().unwrap();
    bilateral::seed::ensure_seeded(&db, bilateral::DEFAULT_BASE_IRI).unwrap();
    let app = router(db, Config::default());
    let list = send(&app, get("/articles", Some("application/json"))).await;
    let v: serde_json::Value = serde_json::from_str(&list.body).unwrap();
    let id = v["articles"][0]["id"].as_str().unwrap().to_owned();
    let doc = send(
        &app,
        get(&format!("/id/article/{id}"), Some("application/n-triples")),
    )
    .await;
    assert_eq!(doc.status, StatusCode::OK, "{}", doc.body);
    let mention = format!("<{}id/article/{id}#char=", bilateral::DEFAULT_BASE_IRI);
    assert!(
        doc.body
            .lines()
            .any(|l| l.starts_with(&mention) && l.contains("nif-core#anchorOf")),
        "{}",
        &doc.body[..doc.body.len().min(2000)]
    );
}

/// Things are found by any of their names, in any case, with or without a language tag:
/// "Turkey" finds Türkiye, "AHMAD" finds Ahmed al-Sharaa.
#[tokio::test]
async fn search_by_any_name() {
    let db = Database::in_memory().unwrap();
    bilateral::seed::ensure_seeded(&db, bilateral::DEFAULT_BASE_IRI).unwrap();
    let app = router(db, Config::default());
    let found = |body: &str| -> Vec<(String, String)> {
        serde_json::from_str::<serde_json::Value>(body)
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["iri"].as_str().unwrap().to_owned(),
                    f["type"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let base = bilateral::DEFAULT_BASE_IRI;
    let turkey = send(&app, get("/search?q=Turkey", Some("application/json"))).await;
    assert_eq!(turkey.status, StatusCode::OK, "{}", turkey.body);
    assert_eq!(
        found(&turkey.body)[0],
        (format!("{base}id/country/TUR"), "Country".to_owned())
    );
    let upper = send(&app, get("/search?q=AHMAD%20AL-SHARAA", Some("application/json"))).await;
    assert_eq!(found(&upper.body)[0].0, format!("{base}id/person/ahmad-al-shara"));
    let html = send(&app, get("/search?q=turkey", Some("text/html"))).await;
    assert!(html.body.contains("href=\"/id/country/TUR\""), "{}", html.body);
    let short = send(&app, get("/search?q=a", None)).await;
    assert_eq!(short.status, StatusCode::BAD_REQUEST);
}

/// The pair page: a timeline chart of the events (dated ones as dots linking to them), the
/// events with their words and sources, the officials, the claims; the same for either order.
#[tokio::test]
async fn the_pair_page() {
    let db = Database::in_memory().unwrap();
    bilateral::seed::ensure_seeded(&db, bilateral::DEFAULT_BASE_IRI).unwrap();
    for f in ["h1-sana.txt", "h2-rudaw.txt"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/linking/articles")
            .join(f);
        bilateral::ingest::ingest(&db, &std::fs::read(path).unwrap(), bilateral::DEFAULT_BASE_IRI).unwrap();
    }
    let app = router(db, Config::default());
    let one = send(&app, get("/pair/SYR/IRQ", Some("text/html"))).await;
    let other = send(&app, get("/pair/IRQ/SYR", Some("text/html"))).await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.body);
    assert_eq!(one.body, other.body);
    assert!(one.body.contains("<h1>Iraq and Syria</h1>"));
    assert!(
        one.body.contains("<svg") && one.body.matches("<circle").count() >= 2,
        "dated events are dots"
    );
    assert!(
        one.body.contains("href=\"/id/article/"),
        "dots and rows link to the events"
    );
    assert!(one.body.contains("Syrian Arab News Agency") && one.body.contains("Rudaw"));
    assert!(
        one.body.contains("Fuad Hussein"),
        "the officials the articles name"
    );
    // The country's page opens with its partners (to the pair page) and its officials; a
    // person's with their roles over time.
    let iraq = send(&app, get("/id/country/IRQ", Some("text/html"))).await;
    assert!(
        iraq.body.contains("id=\"partners\"") && iraq.body.contains("href=\"/pair/IRQ/SYR\""),
        "{}",
        iraq.body
    );
    assert!(iraq.body.contains("id=\"officials\"") && iraq.body.contains("Fuad Hussein"));
    let fuad = send(&app, get("/id/person/fuad-husayn", Some("text/html"))).await;
    assert!(
        fuad.body.contains("<h2>Roles over time</h2>") && fuad.body.contains("Foreign Minister"),
        "{}",
        fuad.body
    );
    let redirect = send(&app, get("/pair?a=syr&b=irq", None)).await;
    assert_eq!(redirect.status, StatusCode::SEE_OTHER);
    let bad = send(&app, get("/pair/SYR/SYR", None)).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

/// The menu's "Service description" link shows a browser a page (with the description as
/// Turtle); RDF clients still get RDF.
#[tokio::test]
async fn the_service_description_for_a_browser() {
    let app = app();
    let page = send(
        &app,
        get(
            "/sparql",
            Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        ),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.content_type.starts_with("text/html"),
        "{}",
        page.content_type
    );
    assert!(page.body.contains("SPARQL 1.1 endpoint") && page.body.contains("sd:Service"));
    let rdf = send(&app, get("/sparql", Some("text/turtle"))).await;
    assert!(rdf.content_type.starts_with("text/turtle"));
}
