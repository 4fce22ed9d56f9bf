#!/usr/bin/env bash
# Instructions per extraction pass over every article we carry (the seed article, tests/articles
# and the dev corpus), counted by callgrind inside the measured passes only: deterministic, so
# two versions of the extractor can be compared on a machine whose timings wander.
#
# Usage: benches/extract-instructions.sh [PASSES]   (needs valgrind; default 5 passes)
# Builds examples/extract_passes.rs without the server feature (no RocksDB).
set -euo pipefail
cd "$(dirname "$0")/.."
passes=${1:-5}
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
cargo build --release --locked --no-default-features --example extract_passes
out=$(mktemp)
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect='extract_passes::timed' \
    target/release/examples/extract_passes "$passes" 2>&1 | grep -E 'Collected|passes:' || true
total=$(grep -E '^summary:|^totals:' "$out" | head -1 | awk '{print $2}')
echo "instructions per pass: $(awk -v t="$total" -v p="$passes" 'BEGIN{printf "%.2f M", t/p/1e6}')"
