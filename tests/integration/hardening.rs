//! Hostile and broken requests through `oneshot`: each gets one clear sentence and changes
//! nothing. (The cases that could crash a process run against the real binary, in `binary.rs`.)

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, StatusCode, header};
use bilateral::http::{Config, router};
use bilateral::store::Database;
use std::time::Duration;
use tower::ServiceExt;

const TOKEN: &str = "hardening-token";

fn app_with(config: Config) -> (Router, Database) {
    let db = Database::in_memory().unwrap();
    bilateral::seed::seed(&db, bilateral::DEFAULT_BASE_IRI).unwrap();
    (router(db.clone(), config), db)
}

fn app() -> (Router, Database) {
    app_with(Config {
        update_token: Some(TOKEN.to_owned()),
        ..Config::default()
    })
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn post(uri: &str, content_type: &str, body: impl Into<Body>, authorization: Option<&str>) -> Request<Body> {
    let mut r = Request::post(uri).header(header::CONTENT_TYPE, content_type);
    if let Some(a) = authorization {
        r = r.header(header::AUTHORIZATION, a);
    }
    r.body(body.into()).unwrap()
}

fn bearer() -> String {
    format!("Bearer {TOKEN}")
}

#[tokio::test]
async fn service_inside_filter_exists_is_refused_too() {
    let (app, _) = app();
    for q in [
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } } LIMIT 1",
        "ASK { FILTER NOT EXISTS { service <http://example.org/sparql> { ?s ?p ?o } } }",
    ] {
        let a = send(&app, get(&format!("/sparql?query={}", enc(q)))).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{q}: {}", a.body);
        assert!(a.body.contains("SERVICE calls are refused"), "{}", a.body);
    }
    let update = "INSERT { <http://e/a> <http://e/b> ?o } WHERE { FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }";
    let a = send(
        &app,
        post("/update", "application/sparql-update", update, Some(&bearer())),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
}

#[tokio::test]
async fn percent_encoded_invalid_utf8_is_400() {
    let (app, _) = app();
    let a = send(&app, get("/sparql?query=ASK%20%7B%7D%FF%FE")).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    assert!(a.body.contains("not valid UTF-8"), "{}", a.body);
    let a = send(
        &app,
        post(
            "/sparql",
            "application/x-www-form-urlencoded",
            "query=ASK%20%7B%7D%C3",
            None,
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    // Valid escapes still work.
    let a = send(&app, get("/sparql?query=ASK%20%7B%7D")).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}

#[tokio::test]
async fn nesting_and_size_limits_are_clear_400s() {
    let (app, _) = app();
    let deep = format!("SELECT * WHERE {}{}", "{".repeat(3_500), "}".repeat(3_500));
    let a = send(&app, post("/sparql", "application/sparql-query", deep, None)).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(
        a.body.contains("deeper than the limit of 128 levels"),
        "{}",
        a.body
    );
    let long = format!("SELECT (1{} AS ?x) {{}}", "+1".repeat(20_000));
    let a = send(&app, post("/sparql", "application/sparql-query", long, None)).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("tokens"), "{}", a.body);
    let deep_update = format!("INSERT DATA {}{}", "{".repeat(5_000), "}".repeat(5_000));
    let a = send(
        &app,
        post(
            "/update",
            "application/sparql-update",
            deep_update,
            Some(&bearer()),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    let a = send(&app, get("/sparql?query=%20%20")).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.body, "the query is empty\n");
}

#[tokio::test]
async fn parser_errors_name_the_place_and_what_was_expected() {
    let (app, _) = app();
    let a = send(
        &app,
        get(&format!(
            "/sparql?query={}",
            enc("SELECT * WHERE {\n  ?s foaf:name ?o }")
        )),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(
        a.body.contains("line 2, column") && a.body.contains("the prefix `foaf:` is not declared"),
        "{}",
        a.body
    );
}

#[tokio::test]
async fn every_refusal_has_a_sentence() {
    let (app, _) = app();
    // 405 from the router, on every route.
    for (method, uri) in [
        (Method::PUT, "/sparql"),
        (Method::DELETE, "/"),
        (Method::PATCH, "/store"),
        (Method::PUT, "/articles"),
    ] {
        let a = send(
            &app,
            Request::builder()
                .method(method.clone())
                .uri(uri)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
        assert!(
            a.body.contains("is not allowed on"),
            "{method} {uri}: {:?}",
            a.body
        );
    }
    // A body the JSON extractor cannot read, a missing content type.
    let a = send(&app, post("/articles", "application/json", "{", Some(&bearer()))).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.len() > 20, "{:?}", a.body);
    // OPTIONS on an unknown path is not a 200.
    let a = send(
        &app,
        Request::builder()
            .method(Method::OPTIONS)
            .uri("/no/such/thing")
            .header(header::ORIGIN, "http://example.org")
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND, "{}", a.body);
}

#[tokio::test]
async fn pages_carry_a_content_security_policy() {
    let (app, _) = app();
    let a = send(&app, get("/")).await;
    let csp = a
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        csp.contains("script-src 'sha256-") && !csp.contains("unsafe-inline'; script"),
        "{csp}"
    );
    assert!(!csp.contains("script-src 'unsafe-inline'"), "{csp}");
    assert_eq!(a.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(), "nosniff");
    // The page's one inline script is the one the policy names.
    assert!(
        a.body.contains(bilateral::http::ui::SCRIPT),
        "the script in the page differs from the hashed one"
    );
}

#[tokio::test]
async fn entity_pages_never_link_other_schemes() {
    let (app, _) = app();
    let update = "INSERT DATA { GRAPH <http://example.org/x> { <https://w3id.org/bilateral/id/test/x> <http://example.org/p> <javascript:alert(document.domain)> , <data:text/html,%3Cb%3Ex%3C/b%3E> , \"<script>alert(1)</script>\" } }";
    let a = send(
        &app,
        post("/update", "application/sparql-update", update, Some(&bearer())),
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.body);
    let r = Request::get("/id/test/x")
        .header(header::ACCEPT, "text/html")
        .body(Body::empty())
        .unwrap();
    let a = send(&app, r).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(!a.body.contains("href=\"javascript:"), "{}", a.body);
    assert!(!a.body.contains("href=\"data:"), "{}", a.body);
    assert!(!a.body.contains("<script>alert"), "{}", a.body);
    assert!(
        a.body.contains("javascript:alert(document.domain)"),
        "the IRI is shown as text"
    );
}

#[tokio::test]
async fn tokens_are_case_insensitive_in_scheme_and_guessers_are_slowed() {
    let (app, _) = app();
    let update = "INSERT DATA { GRAPH <http://example.org/t> { <http://e/a> <http://e/b> 1 } }";
    let a = send(
        &app,
        post(
            "/update",
            "application/sparql-update",
            update,
            Some(&format!("BEARER {TOKEN}")),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.body);
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let a = send(
            &app,
            post(
                "/update",
                "application/sparql-update",
                update,
                Some("Bearer wrong-guess"),
            ),
        )
        .await;
        statuses.push(a.status.as_u16());
    }
    assert_eq!(&statuses[..5], &[403; 5]);
    assert_eq!(statuses[6], 429, "{statuses:?}");
    // Locked out, even the right token must wait (it is not checked).
    let a = send(
        &app,
        post("/update", "application/sparql-update", update, Some(&bearer())),
    )
    .await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", a.body);
    assert!(a.headers.get(header::RETRY_AFTER).is_some());
}

#[test]
fn unusable_tokens_are_refused_at_start() {
    use bilateral::http::check_token;
    assert_eq!(check_token(" secret-token\n").unwrap(), "secret-token");
    assert!(check_token("two words here").is_err());
    assert!(check_token("   ").is_err());
    assert!(check_token("short").is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn updates_have_a_time_limit_and_change_nothing_when_stopped() {
    let (app, db) = app_with(Config {
        update_token: Some(TOKEN.to_owned()),
        query_timeout: Duration::from_secs(1),
        ..Config::default()
    });
    let before = db.len().unwrap();
    // (The WHERE of an update reads the store's own default graph, not the union: name graphs.)
    let slow = "INSERT { GRAPH <http://example.org/slow> { ?a <http://e/p> ?d } } WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }";
    let start = std::time::Instant::now();
    let a = send(
        &app,
        post("/update", "application/sparql-update", slow, Some(&bearer())),
    )
    .await;
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE, "{}", a.body);
    assert!(a.body.contains("update was stopped"), "{}", a.body);
    assert!(start.elapsed() < Duration::from_secs(3), "{:?}", start.elapsed());
    // The writer is free again soon after, and nothing was written.
    let quick = "INSERT DATA { GRAPH <http://example.org/q> { <http://e/a> <http://e/b> 2 } }";
    let a = send(
        &app,
        post("/update", "application/sparql-update", quick, Some(&bearer())),
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.body);
    assert_eq!(db.len().unwrap(), before + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queries_past_the_concurrency_limit_get_a_clear_503() {
    let (app, _) = app_with(Config {
        max_concurrent_queries: 1,
        queue_wait: Duration::from_millis(300),
        query_timeout: Duration::from_secs(3),
        ..Config::default()
    });
    let runaway = format!(
        "/sparql?query={}",
        enc("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    );
    let slow = tokio::spawn({
        let app = app.clone();
        async move { send(&app, get(&runaway)).await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let a = send(&app, get(&format!("/sparql?query={}", enc("ASK {}")))).await;
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE, "{}", a.body);
    assert!(a.body.contains("queries are being evaluated"), "{}", a.body);
    assert_eq!(a.headers.get(header::RETRY_AFTER).unwrap(), "1");
    assert_eq!(slow.await.unwrap().status, StatusCode::SERVICE_UNAVAILABLE);
    // The slot is free again once the runaway query has stopped.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let a = send(&app, get(&format!("/sparql?query={}", enc("ASK {}")))).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn a_slow_query_does_not_hold_the_async_worker() {
    // A query is first tried on the async worker (src/http/mod.rs, `run_streamed`) for at most
    // INLINE_BUDGET; a slow one must then move to the blocking pool, or with one worker nothing
    // else would be answered until it ended.
    let (app, _) = app_with(Config {
        query_timeout: Duration::from_secs(3),
        ..Config::default()
    });
    let runaway = format!(
        "/sparql?query={}",
        enc("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    );
    for round in 0..2 {
        // The second time, the query is known to be long and goes straight to the pool.
        // (Timed from here: the test's own timer may wait for a blocked worker too.)
        let start = std::time::Instant::now();
        let slow = tokio::spawn({
            let app = app.clone();
            let runaway = runaway.clone();
            async move { send(&app, get(&runaway)).await }
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        let quick = tokio::spawn({
            let app = app.clone();
            async move { send(&app, get(&format!("/sparql?query={}", enc("ASK {}")))).await }
        });
        let a = quick.await.unwrap();
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        assert!(
            start.elapsed() < Duration::from_millis(1500),
            "round {round}: ASK answered {:?} after a slow query started",
            start.elapsed()
        );
        let a = slow.await.unwrap();
        assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE, "{}", a.body);
    }
}

#[tokio::test]
async fn rdf_xml_with_entity_declarations_is_refused() {
    let (app, db) = app();
    let before = db.len().unwrap();
    let mut laughs = String::from("<?xml version=\"1.0\"?><!DOCTYPE rdf:RDF [<!ENTITY lol0 \"lol\">");
    for i in 1..10 {
        let prev = format!("&lol{};", i - 1);
        laughs.push_str(&format!("<!ENTITY lol{i} \"{}\">", prev.repeat(10)));
    }
    laughs.push_str("]><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://e/\"><rdf:Description rdf:about=\"http://e/a\"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>");
    let a = send(
        &app,
        post(
            "/store?graph=http://example.org/lol",
            "application/rdf+xml",
            laughs,
            Some(&bearer()),
        ),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.body);
    assert!(a.body.contains("<!ENTITY"), "{}", a.body);
    assert_eq!(db.len().unwrap(), before);
}

#[tokio::test]
async fn an_article_past_the_work_budget_is_422_and_stores_nothing() {
    let (app, db) = app();
    let before = db.len().unwrap();
    // Country names without a full stop: not an article, and thousands of mentions.
    let text = "Syria Iraq Jordan Egypt Lebanon Turkey Iran Israel ".repeat(1_000);
    let a = send(&app, post("/articles", "text/plain", text, Some(&bearer()))).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert!(a.body.contains("one article may bring"), "{}", a.body);
    assert_eq!(db.len().unwrap(), before);
}

#[tokio::test]
async fn a_damaged_article_is_explained_and_repaired_by_posting_it_again() {
    let (app, db) = app();
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/wire-egypt-israel-rafah.txt"),
    )
    .unwrap();
    let a = send(
        &app,
        post("/articles", "text/plain", text.clone(), Some(&bearer())),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let created: serde_json::Value = serde_json::from_str(&a.body).unwrap();
    let id = created["id"].as_str().unwrap().to_owned();
    let quads = db.len().unwrap();
    // Delete its statement graph behind its back.
    let graph = format!("{}graph/article/{id}", bilateral::DEFAULT_BASE_IRI);
    let r = Request::delete(format!("/store?graph={}", enc(&graph)))
        .header(header::AUTHORIZATION, bearer())
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, r).await.status, StatusCode::NO_CONTENT);
    let a = send(&app, get(&format!("/articles/{id}"))).await;
    assert_eq!(a.status, StatusCode::CONFLICT, "{}", a.body);
    assert!(
        a.body.contains("damaged") && a.body.contains("POST the same text"),
        "{}",
        a.body
    );
    // Posting the same text again repairs it.
    let a = send(
        &app,
        post("/articles", "text/plain", text.clone(), Some(&bearer())),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let repaired: serde_json::Value = serde_json::from_str(&a.body).unwrap();
    assert_eq!(repaired["repaired"], true, "{}", a.body);
    assert_eq!(db.len().unwrap(), quads);
    let a = send(&app, get(&format!("/articles/{id}"))).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    // An intact article posted again is a duplicate that changes nothing.
    let a = send(&app, post("/articles", "text/plain", text, Some(&bearer()))).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(a.body.contains("\"duplicate\":true"), "{}", a.body);
    let results = bilateral::ingest::verify(&db).unwrap();
    assert!(results.iter().all(bilateral::ingest::Verification::ok));
}

#[test]
fn a_repaired_article_leaves_no_stale_digest_check() {
    let db = Database::in_memory().unwrap();
    let base = bilateral::DEFAULT_BASE_IRI;
    bilateral::seed::seed(&db, base).unwrap();
    let text = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/oped-saudi-iran.txt"),
    )
    .unwrap();
    let outcome = bilateral::ingest::ingest(&db, &text, base).unwrap();
    // Tamper with the statement graph, record the failed check, as `bilateral verify` does.
    let graph = format!("{base}graph/article/{}", outcome.id);
    let tamper = format!("INSERT DATA {{ GRAPH <{graph}> {{ <http://e/x> <http://e/y> \"tampered\" }} }}");
    db.update(&tamper, None, None).unwrap();
    let results = bilateral::ingest::verify(&db).unwrap();
    assert!(results.iter().any(|v| !v.ok()));
    bilateral::ingest::record_verification(&db, base, &results).unwrap();
    let query = std::fs::read_to_string(
        bilateral::resource_dir("queries").join("09-graphs-whose-digest-no-longer-matches.rq"),
    )
    .unwrap();
    let count = |db: &Database| {
        let prepared = bilateral::store::prepare_query(&query, None, &[], &[]).unwrap();
        db.query_table(&prepared, &bilateral::store::Limits::default(), None)
            .unwrap()
            .rows
            .len()
    };
    assert_eq!(count(&db), 1);
    // Re-ingesting the text repairs the graph and drops the stale check.
    let again = bilateral::ingest::ingest(&db, &text, base).unwrap();
    assert!(again.repaired);
    assert_eq!(count(&db), 0);
}

#[test]
fn seeding_is_one_unit_and_completes_a_store_made_otherwise() {
    let db = Database::in_memory().unwrap();
    let base = bilateral::DEFAULT_BASE_IRI;
    // A store that got articles before any reference data (as `ingest` on a new directory did).
    let text = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/oped-saudi-iran.txt"),
    )
    .unwrap();
    bilateral::ingest::ingest(&db, &text, base).unwrap();
    assert!(!bilateral::seed::is_seeded(&db, base).unwrap());
    assert!(bilateral::seed::ensure_seeded(&db, base).unwrap().is_some());
    assert!(bilateral::seed::is_seeded(&db, base).unwrap());
    let quads = db.len().unwrap();
    assert!(bilateral::seed::ensure_seeded(&db, base).unwrap().is_none());
    assert_eq!(db.len().unwrap(), quads);
}

/// A store made under one base IRI is not seeded again under another (which would put a second
/// copy of everything beside the first): the start is refused, saying which base to give, and
/// the store is left as it was.
#[test]
fn a_store_made_under_another_base_is_refused_with_the_base_to_give() {
    let db = Database::in_memory().unwrap();
    let first = "http://127.0.0.1:7878/";
    bilateral::seed::ensure_seeded(&db, first).unwrap();
    let quads = db.len().unwrap();
    let e = bilateral::seed::ensure_seeded(&db, bilateral::DEFAULT_BASE_IRI).unwrap_err();
    let message = e.to_string();
    assert!(message.contains("--base-iri http://127.0.0.1:7878/"), "{message}");
    assert!(message.contains(bilateral::DEFAULT_BASE_IRI), "{message}");
    assert_eq!(db.len().unwrap(), quads, "nothing was written");
    assert_eq!(bilateral::seed::minted_bases(&db).unwrap(), [first]);
    // Under its own base it opens as before.
    assert!(bilateral::seed::ensure_seeded(&db, first).unwrap().is_none());
}

/// A small deterministic generator (xorshift64*), so that a failing case can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap()
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A random group graph pattern, nested up to `depth`, sometimes malformed.
fn pattern(rng: &mut Rng, depth: usize) -> String {
    let terms = [
        "?s",
        "?p",
        "?o",
        "<http://e/a>",
        "\"x\"",
        "1",
        "ex:a",
        "?s2",
        "[]",
        "()",
    ];
    let mut out = String::from("{ ");
    for _ in 0..=rng.below(4) {
        match rng.below(if depth == 0 { 3 } else { 9 }) {
            0..=2 => {
                out.push_str(&format!(
                    "{} {} {} . ",
                    rng.pick(&terms),
                    rng.pick(&[
                        "?p",
                        "<http://e/p>",
                        "a",
                        "<http://e/p>*",
                        "(<http://e/p>|^<http://e/q>)+",
                        "!<http://e/p>"
                    ]),
                    rng.pick(&terms)
                ));
            }
            3 => out.push_str(&format!(
                "{} UNION {} ",
                pattern(rng, depth - 1),
                pattern(rng, depth - 1)
            )),
            4 => out.push_str(&format!("OPTIONAL {} ", pattern(rng, depth - 1))),
            5 => out.push_str(&format!("FILTER({}) ", expression(rng, depth - 1))),
            6 => out.push_str(&format!(
                "{{ SELECT * WHERE {} LIMIT 3 }} ",
                pattern(rng, depth - 1)
            )),
            7 => out.push_str(&format!("MINUS {} ", pattern(rng, depth - 1))),
            _ => out.push_str(&format!(
                "BIND({} AS ?b{}) ",
                expression(rng, depth - 1),
                rng.below(3)
            )),
        }
    }
    out.push('}');
    out
}

fn expression(rng: &mut Rng, depth: usize) -> String {
    if depth == 0 {
        return rng
            .pick(&["?s", "1", "\"a\"@en", "true", "?o", "<http://e/a>", "2.5e3"])
            .to_owned();
    }
    match rng.below(6) {
        0 => format!(
            "({} {} {})",
            expression(rng, depth - 1),
            rng.pick(&["+", "-", "*", "/", "&&", "||", "=", "!=", "<", ">="]),
            expression(rng, depth - 1)
        ),
        1 => format!(
            "{}({})",
            rng.pick(&["STR", "LCASE", "STRLEN", "isIRI", "BOUND", "ABS", "YEAR"]),
            expression(rng, depth - 1)
        ),
        2 => format!("EXISTS {}", pattern(rng, depth - 1)),
        3 => format!("!{}", expression(rng, depth - 1)),
        4 => format!(
            "IF({}, {}, {})",
            expression(rng, depth - 1),
            expression(rng, depth - 1),
            expression(rng, depth - 1)
        ),
        _ => format!(
            "{} IN ({}, {})",
            expression(rng, depth - 1),
            expression(rng, depth - 1),
            expression(rng, depth - 1)
        ),
    }
}

/// Damages a text the way clients and attackers do: cut it, repeat a bracket, insert bytes.
fn mangle(rng: &mut Rng, text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    match rng.below(8) {
        0 => bytes.truncate(rng.below(bytes.len() + 1)),
        1 => {
            let at = rng.below(bytes.len() + 1);
            let open = rng
                .pick(&["{", "(", "[", "\"", "'''", "<", "#"])
                .repeat(1 + rng.below(300));
            bytes.splice(at..at, open.bytes());
        }
        2 => {
            let at = rng.below(bytes.len() + 1);
            bytes.insert(at, u8::try_from(rng.below(256)).unwrap());
        }
        _ => {}
    }
    bytes
}

/// Generated queries, updates and RDF bodies against the router: every answer is a sentence
/// with a 2xx, 4xx or 503 status, never a 500 or a crash. `BILATERAL_FUZZ_CASES` sets how many
/// (200 in CI; run e.g. 100000 for minutes of it), `BILATERAL_FUZZ_SEED` the seed.
#[test]
fn generated_requests_always_get_an_answer() {
    let cases: usize = std::env::var("BILATERAL_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("BILATERAL_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_1234_ABCD_0001);
    // The server's threads have large stacks (bilateral::http::THREAD_STACK_BYTES); so do these.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_stack_size(bilateral::http::THREAD_STACK_BYTES)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (app, _) = app_with(Config {
            update_token: Some(TOKEN.to_owned()),
            query_timeout: Duration::from_secs(2),
            ..Config::default()
        });
        let mut rng = Rng(seed);
        for case in 0..cases {
            let depth = rng.below(6);
            let query = format!(
                "PREFIX ex: <http://e/> SELECT * WHERE {} LIMIT 5",
                pattern(&mut rng, depth)
            );
            let body = mangle(&mut rng, &query);
            let request = match rng.below(5) {
                0 => {
                    // Percent-encode the (possibly invalid UTF-8) bytes into the URL.
                    let encoded: String = body.iter().map(|b| format!("%{b:02X}")).collect();
                    get(&format!("/sparql?query={encoded}"))
                }
                1 => post(
                    "/update",
                    "application/sparql-update",
                    format!(
                        "PREFIX ex: <http://e/> INSERT {{ ?s ?p ?o }} WHERE {}",
                        pattern(&mut rng, depth)
                    ),
                    Some(&bearer()),
                ),
                2 => {
                    let ttl = mangle(
                        &mut rng,
                        "@prefix ex: <http://e/> . ex:a ex:b \"c\" ; ex:d ( 1 2 [ ex:e ex:f ] ) .",
                    );
                    post(
                        "/store?graph=http://example.org/fuzz",
                        rng.pick(&[
                            "text/turtle",
                            "application/n-triples",
                            "application/rdf+xml",
                            "application/ld+json",
                        ]),
                        ttl,
                        Some(&bearer()),
                    )
                }
                _ => post("/sparql", "application/sparql-query", body.clone(), None),
            };
            let a = send(&app, request).await;
            assert!(
                a.status.is_success()
                    || a.status.is_client_error()
                    || a.status == StatusCode::SERVICE_UNAVAILABLE,
                "case {case} (seed {seed}): {} {}\n{}",
                a.status,
                a.body,
                String::from_utf8_lossy(&body)
            );
            if !a.status.is_success() {
                assert!(
                    !a.body.trim().is_empty(),
                    "case {case}: an empty {} answer",
                    a.status
                );
            }
        }
        assert_eq!(send(&app, get("/health")).await.status, StatusCode::OK);
    });
}

#[tokio::test]
async fn metrics_count_the_store_at_most_once_a_minute() {
    let (app, _) = app();
    let quads = |body: &str| {
        body.lines()
            .find_map(|l| l.strip_prefix("bilateral_store_quads "))
            .map(str::to_owned)
    };
    let first = send(&app, get("/metrics")).await;
    let before = quads(&first.body).expect("a quad count");
    let update = "INSERT DATA { GRAPH <http://example.org/m> { <http://e/a> <http://e/b> 1 } }";
    let a = send(
        &app,
        post("/update", "application/sparql-update", update, Some(&bearer())),
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
    // Within the minute the last count is served: no second scan of the store.
    let second = send(&app, get("/metrics")).await;
    assert_eq!(quads(&second.body), Some(before));
}

/// A query that builds more than its memory budget (a sort of the store's cross product) is stopped with a 503 that says so, well before its time limit; the memory is given
/// back and the next query is answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_query_past_its_memory_budget_gets_a_clear_503_and_the_next_one_an_answer() {
    let (app, _) = app_with(Config {
        query_memory: 64 << 20,
        query_timeout: Duration::from_secs(50),
        ..Config::default()
    });
    // One row, after sorting every pair of quads of the store (16 million).
    let greedy = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1";
    let start = std::time::Instant::now();
    let a = send(&app, get(&format!("/sparql?query={}", enc(greedy)))).await;
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE, "{}", a.body);
    assert!(a.body.contains("more than 64 MB of memory"), "{}", a.body);
    assert!(start.elapsed() < Duration::from_secs(30), "{:?}", start.elapsed());
    let small = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/Country> }";
    let a = send(&app, get(&format!("/sparql?query={}", enc(small)))).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
}

/// The response to a query, its body not read yet (to see it arrive chunk by chunk).
async fn ask(app: &Router, query: &str) -> axum::response::Response {
    app.clone()
        .oneshot(get(&format!("/sparql?query={}", enc(query))))
        .await
        .unwrap()
}

async fn next_chunk(
    stream: &mut axum::body::BodyDataStream,
) -> Option<Result<axum::body::Bytes, axum::Error>> {
    use futures_core::Stream;
    std::future::poll_fn(|cx| std::pin::Pin::new(&mut *stream).poll_next(cx)).await
}

#[tokio::test]
async fn a_large_answer_is_streamed_whole_and_a_small_one_sent_at_once() {
    let (app, db) = app();
    let all = "SELECT * WHERE { ?s ?p ?o }";
    let response = ask(&app, all).await;
    assert_eq!(response.status(), StatusCode::OK);
    // Streamed: no length known in advance.
    assert!(
        response.headers().get(header::CONTENT_LENGTH).is_none(),
        "{:?}",
        response.headers()
    );
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    assert!(body.len() > bilateral::http::STREAM_CHUNK, "{}", body.len());
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let rows = json["results"]["bindings"].as_array().unwrap().len();
    assert_eq!(rows, db.len().unwrap(), "every quad of the store, once");
    // A small answer is sent whole, with its length.
    let small = "ASK { ?s ?p ?o }";
    let response = app
        .oneshot(get(&format!("/sparql?query={}", enc(small))))
        .await
        .unwrap();
    assert!(
        response.headers().get(header::CONTENT_LENGTH).is_some(),
        "{:?}",
        response.headers()
    );
}

#[tokio::test]
async fn a_streamed_answer_past_the_row_cap_is_cut_short_as_an_error() {
    let (app, _) = app_with(Config {
        limits: bilateral::store::Limits { max_rows: 2_000 },
        ..Config::default()
    });
    let all = "SELECT * WHERE { ?s ?p ?o }";
    let response = app
        .oneshot(get(&format!("/sparql?query={}", enc(all))))
        .await
        .unwrap();
    // The first chunk went out with a 200; the cap, found later, cuts the body short with an
    // error a client sees (not a truncated document that looks complete).
    assert_eq!(response.status(), StatusCode::OK);
    assert!(to_bytes(response.into_body(), usize::MAX).await.is_err());
}

#[tokio::test]
async fn a_client_that_stops_reading_a_streamed_answer_stops_its_query() {
    let (app, _) = app_with(Config {
        max_concurrent_queries: 1,
        queue_wait: Duration::from_secs(10),
        query_timeout: Duration::from_mins(2),
        limits: bilateral::store::Limits { max_rows: usize::MAX },
        ..Config::default()
    });
    // Every pair of quads: millions of rows, far more than the test will read.
    let endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";
    let response = ask(&app, endless).await;
    assert_eq!(response.status(), StatusCode::OK);
    let mut stream = response.into_body().into_data_stream();
    assert!(next_chunk(&mut stream).await.unwrap().is_ok());
    drop(stream);
    // The one evaluation slot is free again: the query stopped when its reader went away.
    let start = std::time::Instant::now();
    let a = send(&app, get(&format!("/sparql?query={}", enc("ASK {}")))).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
}

#[tokio::test]
async fn a_streamed_answer_still_stops_at_the_time_limit() {
    let (app, _) = app_with(Config {
        query_timeout: Duration::from_secs(2),
        limits: bilateral::store::Limits { max_rows: usize::MAX },
        ..Config::default()
    });
    let endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";
    let start = std::time::Instant::now();
    let response = ask(&app, endless).await;
    assert_eq!(response.status(), StatusCode::OK);
    let mut stream = response.into_body().into_data_stream();
    let mut cut = false;
    while let Some(chunk) = next_chunk(&mut stream).await {
        if chunk.is_err() {
            cut = true;
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "still streaming after {:?}",
            start.elapsed()
        );
    }
    assert!(cut, "the answer ended as if complete");
    // Cut by the time limit (2 s), not by anything before it.
    assert!(
        start.elapsed() >= Duration::from_millis(1900),
        "{:?}",
        start.elapsed()
    );
    assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
}
