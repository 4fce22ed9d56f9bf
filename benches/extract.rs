//! Extraction throughput on one core: MB/s of article text and articles/s, over every article
//! we have (the seed article, our own test articles, and the dev corpus of `tests/corpus`), and the gazetteer pass alone.
//!
//! Run: `cargo bench --bench extract`

#![expect(clippy::expect_used, reason = "a benchmark stops at the first broken input")]

use bilateral::article;
use bilateral::extract::{extract, lexicon::Lexicon, recognise, text::Text};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn articles() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        root.join("seed-data/articles"),
        root.join("tests/articles"),
        root.join("tests/corpus/dev/articles"),
    ] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            if let Ok(b) = std::fs::read(f) {
                out.push(b);
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let inputs = articles();
    let parsed: Vec<article::Article> = inputs
        .iter()
        .map(|b| article::read(b).expect("article"))
        .collect();
    let bytes: u64 = inputs.iter().map(|b| b.len() as u64).sum();
    let lex = Lexicon::get();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(format!("full pipeline, {} articles", parsed.len()), |b| {
        b.iter(|| {
            for a in &parsed {
                black_box(extract(black_box(a), bilateral::DEFAULT_BASE_IRI));
            }
        });
    });
    group.bench_function("gazetteer pass only", |b| {
        b.iter(|| {
            for a in &parsed {
                let t = Text::new(&a.text);
                black_box(recognise::mentions(&t, 0, lex));
            }
        });
    });
    group.bench_function(
        "read + extract + model (what ingest does before the store)",
        |b| {
            b.iter(|| {
                for raw in &inputs {
                    black_box(
                        bilateral::ingest::prepare(black_box(raw), bilateral::DEFAULT_BASE_IRI)
                            .expect("article"),
                    );
                }
            });
        },
    );
    group.finish();

    // Start-up: the whole `bilateral extract` process on a one-sentence article, as a user or a
    // script calling it per article pays it (the lexicon is built on each start).
    let dir = std::env::temp_dir().join(format!("bilateral-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    let one = dir.join("one.txt");
    std::fs::write(
        &one,
        "Title: A meeting\n---\nSyria and Iraq met in Baghdad on Monday, the minister said.\n",
    )
    .expect("article");
    let mut group = c.benchmark_group("start-up");
    group.sample_size(20);
    group.bench_function("bilateral extract, one-sentence article", |b| {
        b.iter(|| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_bilateral"))
                .arg("extract")
                .arg(&one)
                .output()
                .expect("bilateral runs");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            black_box(out.stdout);
        });
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
