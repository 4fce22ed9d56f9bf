//! The real binary on a real socket, talked to with a real client (`curl`): serve, write with
//! the token, stop with SIGTERM, restart on the same data directory, find the data still there.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_bilateral");
const TOKEN: &str = "binary-test-token";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(data: &Path, port: u16) -> Self {
        let child = Command::new(BIN)
            .args(["serve", "--data"])
            .arg(data)
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .env("BILATERAL_UPDATE_TOKEN", TOKEN)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_mins(1);
        while Instant::now() < deadline {
            if curl(&["-sf", &format!("{}/health", server.base)]).0 == 0 {
                return server;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the server did not answer /health within 60 s");
    }

    fn stop(mut self) {
        let pid = self.child.id().to_string();
        let status = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "the server exited with {status} on SIGTERM");
                return;
            }
            assert!(Instant::now() < deadline, "the server did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn curl(args: &[&str]) -> (i32, String) {
    let out = Command::new("curl")
        .args(args)
        .output()
        .expect("curl is installed");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn count_countries(base: &str) -> String {
    csv_query(
        base,
        "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://schema.org/Country> }",
    )
}

fn csv_query(base: &str, query: &str) -> String {
    curl(&[
        "-s",
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        &format!("query={query}"),
        &format!("{base}/sparql"),
    ])
    .1
}

fn count_marker(base: &str) -> String {
    csv_query(
        base,
        "SELECT ?o WHERE { <http://example.org/persist> <http://example.org/value> ?o }",
    )
}

#[test]
fn serve_write_restart_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let port = free_port();

    let server = Server::start(&data, port);
    // The seed data is there on a new store.
    let countries = count_countries(&server.base);
    assert_eq!(countries, "n\r\n250\r\n");
    // A write without the token is refused; with it, it lands.
    let update = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/persist> <http://example.org/value> \"kept\" } }";
    let (_, code) = curl(&[
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "-H",
        "Content-Type: application/sparql-update",
        "--data",
        update,
        &format!("{}/update", server.base),
    ]);
    assert_eq!(code, "401");
    let (_, code) = curl(&[
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "-H",
        "Content-Type: application/sparql-update",
        "-H",
        &format!("Authorization: Bearer {TOKEN}"),
        "--data",
        update,
        &format!("{}/update", server.base),
    ]);
    assert_eq!(code, "204");
    assert_eq!(count_marker(&server.base), "o\r\nkept\r\n");
    server.stop();

    // A second process can read the store while no server holds it.
    let out = Command::new(BIN)
        .args(["query", "--data"])
        .arg(&data)
        .args([
            "--format",
            "csv",
            "SELECT ?o WHERE { <http://example.org/persist> ?p ?o }",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "o\r\nkept\r\n");

    let server = Server::start(&data, port);
    assert_eq!(count_marker(&server.base), "o\r\nkept\r\n");
    // The reference data was not loaded twice.
    let n = count_countries(&server.base);
    assert_eq!(n, "n\r\n250\r\n");
    server.stop();
}

#[test]
fn a_store_in_use_gives_one_clear_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let server = Server::start(&data, free_port());
    let out = Command::new(BIN)
        .args(["query", "--data"])
        .arg(&data)
        .arg("ASK {}")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in use by another process"), "{err}");
    server.stop();
}
