//! Articles over HTTP and dereferenceable IRIs: ingest with the token, duplicates, bad input,
//! retraction of exactly what an article brought, `/id/...` in RDF and HTML.

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use bilateral::http::{Config, router};
use bilateral::store::Database;
use tower::ServiceExt;

const TOKEN: &str = "articles-token";

fn app() -> (Router, Database) {
    let db = Database::in_memory().unwrap();
    bilateral::seed::seed(&db, bilateral::DEFAULT_BASE_IRI).unwrap();
    (
        router(
            db.clone(),
            Config {
                update_token: Some(TOKEN.to_owned()),
                ..Config::default()
            },
        ),
        db,
    )
}

async fn send(app: &Router, r: Request<Body>) -> (StatusCode, String, String) {
    let response = app.clone().oneshot(r).await.unwrap();
    let status = response.status();
    let ct = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, ct, String::from_utf8_lossy(&body).into_owned())
}

fn post(body: impl Into<Body>, content_type: &str, token: Option<&str>) -> Request<Body> {
    let mut r = Request::post("/articles").header(header::CONTENT_TYPE, content_type);
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(body.into()).unwrap()
}

fn article_text() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/wire-egypt-israel-rafah.txt"),
    )
    .unwrap()
}

#[tokio::test]
async fn post_get_duplicate_and_delete_exactly() {
    let (app, db) = app();
    let before = crate::common::len_outside_summary(&db);
    let (status, _, body) = send(&app, post(article_text(), "text/plain", Some(TOKEN))).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id = v["id"].as_str().unwrap().to_owned();
    let added = usize::try_from(v["quads"].as_u64().unwrap()).unwrap();
    assert_eq!(crate::common::len_outside_summary(&db), before + added);
    // The same text again changes nothing.
    let (status, _, body) = send(&app, post(article_text(), "text/plain", Some(TOKEN))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("\"duplicate\":true"));
    assert_eq!(crate::common::len_outside_summary(&db), before + added);
    // The extraction, with its spans.
    let (status, _, body) = send(
        &app,
        Request::get(format!("/articles/{id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let x: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(
        x["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["type"] == "border_crossing_reopening")
    );
    assert!(x["claims"][0]["text"]["start"].is_u64());
    // The stored graphs as TriG.
    let (_, ct, body) = send(
        &app,
        Request::get(format!("/articles/{id}"))
            .header(header::ACCEPT, "application/trig")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        ct.starts_with("application/trig") && body.contains("canonicalDigest"),
        "{ct}"
    );
    // Listed.
    let (_, _, body) = send(&app, Request::get("/articles").body(Body::empty()).unwrap()).await;
    assert!(body.contains(&id));
    // Delete needs the token, then removes exactly what the article brought.
    let (status, _, _) = send(
        &app,
        Request::delete(format!("/articles/{id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = send(
        &app,
        Request::delete(format!("/articles/{id}"))
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(crate::common::len_outside_summary(&db), before);
    let (status, _, _) = send(
        &app,
        Request::get(format!("/articles/{id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn json_metadata_becomes_the_header_and_wins() {
    let (app, _) = app();
    let body = serde_json::json!({"text": "Egypt and Israel agreed to reopen the Rafah crossing, officials said.", "title": "Rafah", "publisher": "Example Wire", "date": "2025-01-02"});
    let (status, _, out) = send(&app, post(body.to_string(), "application/json", Some(TOKEN))).await;
    assert_eq!(status, StatusCode::CREATED, "{out}");
    let id = serde_json::from_str::<serde_json::Value>(&out).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, _, x) = send(
        &app,
        Request::get(format!("/articles/{id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let x: serde_json::Value = serde_json::from_str(&x).unwrap();
    assert_eq!(x["article"]["publisher"], "Example Wire");
    assert_eq!(x["article"]["date"], "2025-01-02");
}

#[tokio::test]
async fn bad_articles_are_refused_and_nothing_is_stored() {
    let (app, db) = app();
    let before = db.len().unwrap();
    let (status, _, _) = send(&app, post(article_text(), "text/plain", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = send(&app, post(article_text(), "text/plain", Some("wrong"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for (body, expected) in [
        (Vec::new(), "empty"),
        (b"   \n".to_vec(), "empty"),
        (b"\x00\x01binary".to_vec(), "binary"),
        (b"caf\xe9".to_vec(), "UTF-8"),
        (b"title: x\n---\n".to_vec(), "no body"),
    ] {
        let (status, _, out) = send(&app, post(body, "text/plain", Some(TOKEN))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{expected}: {out}");
        assert!(out.contains(expected), "{expected}: {out}");
    }
    let (status, _, _) = send(&app, post("{\"title\": 1}", "application/json", Some(TOKEN))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, out) = send(
        &app,
        post("x=1", "application/x-www-form-urlencoded", Some(TOKEN)),
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(out.contains("Content-Type: text/plain"), "{out}");
    assert_eq!(db.len().unwrap(), before);
    for id in ["0123456789abcdef", "not-an-id"] {
        let (status, _, _) = send(
            &app,
            Request::get(format!("/articles/{id}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id}");
        let (status, _, _) = send(
            &app,
            Request::delete(format!("/articles/{id}"))
                .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id}");
    }
}

#[tokio::test]
async fn entity_iris_dereference_as_rdf_and_html() {
    let (app, _) = app();
    let (status, ct, body) = send(
        &app,
        Request::get("/id/country/SYR")
            .header(header::ACCEPT, "text/turtle")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("text/turtle"));
    assert!(
        body.contains("\"Syria\"@en") && body.contains("gaf:denotedBy") && body.contains("nif:anchorOf"),
        "{body}"
    );
    let (_, ct, body) = send(
        &app,
        Request::get("/id/country/SYR")
            .header(header::ACCEPT, "application/ld+json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(ct.starts_with("application/ld+json"));
    assert!(serde_json::from_str::<serde_json::Value>(&body).is_ok());
    // A claim: its words and the chain to the original outlet, in a browser.
    let (_, _, list) = send(&app, Request::get("/articles").body(Body::empty()).unwrap()).await;
    let id = serde_json::from_str::<serde_json::Value>(&list).unwrap()["articles"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, ct, html) = send(
        &app,
        Request::get(format!("/id/article/{id}/claim/1"))
            .header(header::ACCEPT, "text/html,*/*;q=0.8")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("text/html"));
    assert!(
        html.contains("<svg") && html.contains("Al-Thawra") && html.contains("The Syrian Observer"),
        "{html}"
    );
    let (status, _, _) = send(&app, Request::get("/id/country/XXX").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// The article page: the text with what was extracted highlighted in place and the provenance
/// block; markup in the text is shown, never run.
#[tokio::test]
async fn the_article_page_highlights_and_runs_nothing() {
    let (app, _db) = app();
    let hostile = "title: <script>alert(1)</script> talks\npublisher: Test Wire\ndate: 2026-02-20\n---\n\
Syrian Foreign Minister Asaad al-Shaibani met Iraqi Foreign Minister Fuad Hussein in Baghdad on Thursday. \
<img src=x onerror=alert(2)> <script>alert(3)</script>\n\n\
\"We will reopen the crossing,\" Hussein said.\n";
    let (status, _, body) = send(&app, post(hostile, "text/plain", Some(TOKEN))).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = serde_json::from_str::<serde_json::Value>(&body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, ct, html) = send(
        &app,
        Request::get(format!("/articles/{id}"))
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("text/html"), "{ct}");
    for shown in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(2)&gt;",
        "&lt;script&gt;alert(3)",
    ] {
        assert!(html.contains(shown), "{shown} not shown as text");
    }
    let lower = html.to_lowercase();
    assert!(
        !lower.contains("<script>alert") && !lower.contains("<img src=x"),
        "markup from the text became elements"
    );
    // Highlights: the event's trigger, the countries, the people, the claim; links to /id pages.
    for class in [
        "class=\"trigger\"",
        "class=\"country\"",
        "class=\"person\"",
        "class=\"claim\"",
    ] {
        assert!(html.contains(class), "no {class}");
    }
    assert!(html.contains("href=\"/id/country/SYR\""));
    assert!(html.contains("<dt>publisher</dt><dd>Test Wire</dd>"));
    assert!(html.contains("matches its recorded RDFC-1.0 digest"));
    // format=json still gives the extraction to a browser.
    let (_, ct, _) = send(
        &app,
        Request::get(format!("/articles/{id}?format=json"))
            .header(header::ACCEPT, "text/html")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(ct.starts_with("application/json"), "{ct}");
}
