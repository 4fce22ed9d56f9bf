//! Extraction over every article we carry, passes after a warm-up one, for instruction counts:
//! `benches/extract-instructions.sh` runs it under callgrind, counting only inside `timed`, so
//! start-up (the lexicon, the compiled patterns, the lazy DFAs' first states) is left out.
//! Instruction counts do not vary from run to run as timings do on a shared machine, which is
//! what comparing two versions of the extractor needs.
//!
//! Run: `cargo run --release --no-default-features --example extract_passes -- [PASSES]`

#![expect(
    clippy::expect_used,
    reason = "a measurement tool stops at the first broken input"
)]

use bilateral::{article, extract};
use std::path::Path;
use std::time::Instant;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles = Vec::new();
    let mut bytes = 0;
    for dir in [
        "seed-data/articles",
        "tests/articles",
        "tests/corpus/dev/articles",
    ] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("article folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            let raw = std::fs::read(&f).expect("article");
            bytes += raw.len();
            articles.push(article::read(&raw).expect("article"));
        }
    }
    let passes: usize = std::env::args()
        .nth(1)
        .map_or(Ok(5), |s| s.parse())
        .expect("PASSES is a number");
    let base = "https://w3id.org/bilateral/";
    for a in &articles {
        std::hint::black_box(extract::extract(a, base));
    }
    let t = Instant::now();
    timed(&articles, passes, base);
    let e = t.elapsed().as_secs_f64();
    #[expect(clippy::cast_precision_loss, reason = "a report")]
    let (per_pass, rate) = (
        e * 1000.0 / passes as f64,
        (bytes * passes) as f64 / e / 1_048_576.0,
    );
    eprintln!(
        "{} articles, {bytes} bytes, {passes} passes: {per_pass:.2} ms per pass, {rate:.2} MiB/s",
        articles.len()
    );
}

/// The measured passes (callgrind's `--toggle-collect` names this function).
#[inline(never)]
fn timed(articles: &[article::Article], passes: usize, base: &str) {
    for _ in 0..passes {
        for a in articles {
            std::hint::black_box(extract::extract(a, base));
        }
    }
}
