#!/usr/bin/env bash
# Throughput of two SPARQL queries over HTTP, `ASK {}` (the server's own overhead) and a lookup:
# `bilateral serve` (with its default log, a line per request at INFO, and with RUST_LOG=warn)
# against `oxigraph serve` (oxigraph-cli 0.5.13, the server a user would otherwise run), over the
# same data, with the same load generator (wrk), one after the other in one run.
#
# Usage: benches/http-vs-oxigraph.sh [OXIGRAPH_BINARY]
#   OXIGRAPH_BINARY defaults to `oxigraph` on PATH; install it with
#   `cargo install oxigraph-cli --locked` (a second RocksDB build, ~10 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
OX=${1:-oxigraph}
DURATION=${DURATION:-10s}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v "$OX" >/dev/null || [ -x "$OX" ] || { echo "oxigraph-cli is needed: cargo install oxigraph-cli --locked" >&2; exit 1; }
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT

# The same data for both: bilateral's seeded store (ontology, reference data, the seed article
# and the dev corpus when it is beside the checkout), exported as N-Quads.
target/release/bilateral serve --data "$tmp/bilateral" --bind 127.0.0.1:7901 >/dev/null 2>&1 &
pid=$!; until curl -sf http://127.0.0.1:7901/health >/dev/null; do sleep 0.2; done
kill $pid; wait $pid || true
if [ -d tests/corpus/dev/articles ]; then
    target/release/bilateral ingest --data "$tmp/bilateral" tests/corpus/dev/articles 2>/dev/null
fi
target/release/bilateral export --data "$tmp/bilateral" --format nquads -o "$tmp/data.nq"
cp -r "$tmp/bilateral" "$tmp/bilateral-copy"
"$OX" load --location "$tmp/oxigraph" --file "$tmp/data.nq" >/dev/null 2>&1
echo "data: $(wc -l < "$tmp/data.nq") quads"

LOOKUP='PREFIX schema: <https://schema.org/> SELECT ?country ?name WHERE { ?country a schema:Country ; schema:name ?name } ORDER BY ?name LIMIT 20'
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# bilateral twice: with its default log (a line per request at INFO) and with RUST_LOG=warn.
target/release/bilateral serve --data "$tmp/bilateral" --bind 127.0.0.1:7901 >/dev/null 2>&1 &
RUST_LOG=warn target/release/bilateral serve --data "$tmp/bilateral-copy" --bind 127.0.0.1:7903 >/dev/null 2>&1 &
until curl -sf http://127.0.0.1:7901/health >/dev/null && curl -sf http://127.0.0.1:7903/health >/dev/null; do sleep 0.2; done
"$OX" serve --location "$tmp/oxigraph" --bind 127.0.0.1:7902 --union-default-graph >/dev/null 2>&1 &
until curl -sf "http://127.0.0.1:7902/query?query=ASK%7B%7D" >/dev/null; do sleep 0.2; done

for QUERY in 'ASK {}' "$LOOKUP"; do
    ENC=$(enc "$QUERY")
    a=$(curl -s -H 'Accept: text/csv' "http://127.0.0.1:7901/sparql?query=$ENC" | md5sum)
    b=$(curl -s -H 'Accept: text/csv' "http://127.0.0.1:7902/query?query=$ENC" | md5sum)
    [ "$a" = "$b" ] || { echo "answers differ for $QUERY" >&2; exit 1; }
    echo "### $QUERY (both servers give the same answer)"
    for name in bilateral bilateral-warn oxigraph; do
        case $name in
            bilateral) url="http://127.0.0.1:7901/sparql?query=$ENC" ;;
            bilateral-warn) url="http://127.0.0.1:7903/sparql?query=$ENC" ;;
            oxigraph) url="http://127.0.0.1:7902/query?query=$ENC" ;;
        esac
        echo "== $name: wrk -t2 -c16 -d$DURATION"
        wrk -t2 -c16 -d"$DURATION" -H 'Accept: application/sparql-results+json' --latency "$url" | grep -E "Requests/sec|Latency|50%|99%|requests in"
    done
done
