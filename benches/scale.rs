//! The scale benchmark's measurements that need the library (driven by `benches/scale/run.sh`,
//! which generates the corpus and times `bilateral ingest` itself):
//!
//! - `queries --store DIR [--runs N] [--only PREFIX]`: every stored query of `queries/` (or those
//!   whose file name starts with PREFIX), with realistic
//!   parameters taken from the store (a pair and a happening of the busiest kind, a claim, its
//!   source, a person, an article), evaluated as the server evaluates them (same limits: 30 s,
//!   100,000 rows), N times each (once when a run takes more than 5 s, unless the environment
//!   sets `SCALE_ALL_RUNS`): p50 and max latency,
//!   rows, and the peak resident memory of the evaluation (the kernel's high-water mark, reset
//!   before each query). `BILATERAL_BLOCK_CACHE_MB` sets the store's block cache, as for
//!   `bilateral`.
//! - `reference --nquads FILE --dir DIR`: the reference for loading, oxigraph's own bulk loader
//!   (`Store::bulk_loader`, what `oxigraph load` runs) loading the same quads into a new store.
//!
//! Output: one JSON object per line on standard output.

#![expect(
    clippy::expect_used,
    clippy::cast_precision_loss,
    clippy::too_many_lines,
    reason = "a benchmark: a missing argument or a failed step ends it with its message"
)]

use bilateral::store::{Database, Limits, prepare_query};
use oxigraph::model::Term;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` passes --bench; the first free word is the command.
    let command = args.iter().skip(1).find(|a| !a.starts_with('-')).cloned();
    match command.as_deref() {
        Some("queries") => {
            let store = PathBuf::from(arg(&args, "--store").expect("--store DIR"));
            let runs: usize = arg(&args, "--runs").map_or(5, |r| r.parse().expect("--runs N"));
            queries(&store, runs, arg(&args, "--only").as_deref());
        }
        Some("reference") => {
            let nquads = PathBuf::from(arg(&args, "--nquads").expect("--nquads FILE"));
            let dir = PathBuf::from(arg(&args, "--dir").expect("--dir DIR"));
            reference(&nquads, &dir);
        }
        _ => {
            eprintln!(
                "usage: scale queries --store DIR [--runs N] [--only PREFIX] | scale reference --nquads FILE --dir DIR"
            );
        }
    }
}

/// The kernel's peak resident memory of this process (kB), and its reset.
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn first(db: &Database, query: &str) -> Option<Vec<Term>> {
    let prepared = prepare_query(query, None, &[], &[]).expect("query");
    let table = db
        .query_table(&prepared, &Limits::default(), None)
        .expect("answer");
    table
        .rows
        .into_iter()
        .next()
        .map(|r| r.into_iter().map(|c| c.expect("bound")).collect())
}

fn queries(store: &Path, runs: usize, only: Option<&str>) {
    // The block cache as `bilateral --block-cache-mb` would set it (128 MiB unless told).
    if let Some(mb) = std::env::var("BILATERAL_BLOCK_CACHE_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        oxigraph::store::set_block_cache_bytes(mb << 20);
    }
    let db = Database::open_read_only(store).expect("the store opens");
    let bil = "https://w3id.org/bilateral/ontology#";
    // Realistic parameters, each found by a bounded lookup (never an overview).
    let happening = first(
        &db,
        &format!(
            "SELECT ?h ?a ?b WHERE {{ GRAPH ?g {{ ?h a <{bil}Happening> ; <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> ?a, ?b }} FILTER(STR(?a) < STR(?b)) }} LIMIT 1"
        ),
    )
    .expect("a happening");
    let claim = first(
        &db,
        &format!("SELECT ?c ?s WHERE {{ GRAPH ?g {{ ?c a <{bil}Claim> ; <{bil}sourceName> ?s }} }} LIMIT 1"),
    )
    .expect("a claim");
    let person = first(
        &db,
        "SELECT ?p WHERE { GRAPH ?g { ?p a <https://schema.org/Person> ; <http://www.w3.org/2004/02/skos/core#altLabel> ?other } } LIMIT 1",
    )
    .expect("a person");
    let article = first(
        &db,
        "SELECT ?a WHERE { GRAPH ?g { ?a <https://w3id.org/bilateral/ontology#statementGraph> ?s } } LIMIT 1",
    )
    .expect("an article");
    let params: Vec<(&str, Term)> = vec![
        ("a", happening[1].clone()),
        ("b", happening[2].clone()),
        ("country", happening[1].clone()),
        ("about", happening[2].clone()),
        ("claim", claim[0].clone()),
        ("source", claim[1].clone()),
        ("entity", person[0].clone()),
        ("article", article[0].clone()),
        ("happening", happening[0].clone()),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("queries/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .filter(|p| only.is_none_or(|o| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(o))))
        .collect();
    files.sort();
    for file in files {
        let name = file
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&file).expect("query text");
        let declared = bilateral::http::queries::parameters(&text);
        let bound: Vec<(String, Term)> = declared
            .iter()
            .filter_map(|p| {
                params
                    .iter()
                    .find(|(n, _)| *n == p.name)
                    .map(|(n, v)| ((*n).to_owned(), v.clone()))
            })
            .collect();
        let mut times = Vec::new();
        let (mut rows, mut error, mut peak) = (0, None, 0);
        for _ in 0..runs {
            let mut prepared = prepare_query(&text, None, &[], &[]).expect("stored query parses");
            prepared.bind_parameters(&text, &bound).expect("parameters bind");
            let token = oxigraph::sparql::CancellationToken::new();
            let stop = token.clone();
            let (tx, rx) = std::sync::mpsc::channel::<()>();
            let watchdog = std::thread::spawn(move || {
                if rx.recv_timeout(Duration::from_secs(30)).is_err() {
                    stop.cancel();
                }
            });
            reset_peak();
            let start = Instant::now();
            let result = db.query_table(&prepared, &Limits::default(), Some(token));
            times.push(start.elapsed());
            peak = peak.max(peak_kb());
            let _ = tx.send(());
            let _ = watchdog.join();
            match result {
                Ok(t) => rows = t.rows.len(),
                Err(e) => {
                    error = Some(e.to_string());
                    break;
                }
            }
            // An overview that takes seconds is measured once: repeating it says little more
            // (unless SCALE_ALL_RUNS is set: a warm overview's time needs the runs after the first).
            if std::env::var_os("SCALE_ALL_RUNS").is_none()
                && times.last().is_some_and(|t| *t > Duration::from_secs(5))
            {
                break;
            }
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let p50 = times[times.len() / 2];
        let max = *times.last().expect("a run");
        let bound_names: Vec<&str> = bound.iter().map(|(n, _)| n.as_str()).collect();
        println!(
            "{}",
            serde_json::json!({
                "query": name,
                "parameters": bound_names,
                "runs": times.len(),
                "p50_ms": (ms(p50) * 10.0).round() / 10.0,
                "max_ms": (ms(max) * 10.0).round() / 10.0,
                "rows": rows,
                "peak_rss_mb": peak / 1024,
                "error": error,
            })
        );
    }
}

fn reference(nquads: &Path, dir: &Path) {
    let start = Instant::now();
    let store = oxigraph::store::Store::open(dir).expect("a new store");
    let file = std::fs::File::open(nquads).expect("the N-Quads file");
    let mut loader = store.bulk_loader();
    loader
        .load_from_reader(
            oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads),
            std::io::BufReader::new(file),
        )
        .expect("load");
    loader.commit().expect("commit");
    store.flush().expect("flush");
    let seconds = start.elapsed().as_secs_f64();
    let quads = store.len().expect("len");
    drop(store);
    println!(
        "{}",
        serde_json::json!({
            "reference": "oxigraph bulk loader",
            "quads": quads,
            "seconds": (seconds * 100.0).round() / 100.0,
            "quads_per_second": (quads as f64 / seconds).round(),
            "peak_rss_mb": peak_kb() / 1024,
        })
    );
}
