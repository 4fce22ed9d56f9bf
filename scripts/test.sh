#!/usr/bin/env bash
# Everything CI runs: set-up, formatting, lints, the Rust test suite, then real clients
# (curl, rdflib, SPARQLWrapper) against the real binary, and the extraction scorer.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/setup.sh

step() { echo; echo "== $* ($(( $(date +%s) - start )) s)"; }

step "format"
cargo fmt --check
step "build (release; the first build compiles RocksDB)"
cargo build --release --locked --all-targets
step "lints"
cargo clippy --release --locked --all-targets --quiet -- -D warnings
step "tests"
cargo test --release --locked

step "real clients against the real binary"
python3 -m pip install --quiet --disable-pip-version-check rdflib SPARQLWrapper pyshacl 2>&1 | grep -v "WARNING: Running pip as the 'root' user" || true
python3 tests/clients/run_clients.py target/release/bilateral

step "extraction scorer on the dev corpus"
if [ -d ../shared/corpus/dev ]; then
    python3 ../shared/eval/score.py --min-score 0.90 -- target/release/bilateral extract --format json | tail -8
else
    echo "(../shared/corpus/dev is not here: scorer skipped)"
fi
step "done"
