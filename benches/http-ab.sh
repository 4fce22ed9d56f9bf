#!/usr/bin/env bash
# Requests/s of `ASK {}` and a lookup over HTTP for two builds of bilateral and `oxigraph serve`,
# side by side in one run (for a change measured against the binary before it, and both against
# the reference). Each gets a copy of the same store: the seeded store with the dev corpus.
#
# Usage: benches/http-ab.sh BASE_BINARY [OXIGRAPH_BINARY]
#   BASE_BINARY: a bilateral binary built before the change (e.g. a copy of target/release/bilateral)
#   OXIGRAPH_BINARY: oxigraph-cli 0.5.13 (`cargo install oxigraph-cli --version 0.5.13 --locked`)
# D=6s sets each wrk run's length; ROUNDS=2 the number of rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: benches/http-ab.sh BASE_BINARY [OXIGRAPH_BINARY]}
OX=${2:-oxigraph}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
cargo build --release --quiet
T=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$T"' EXIT
target/release/bilateral serve --data "$T/b" --bind 127.0.0.1:7921 >/dev/null 2>&1 & pid=$!
until curl -sf http://127.0.0.1:7921/health >/dev/null; do sleep 0.2; done
kill $pid; wait $pid || true
target/release/bilateral ingest --data "$T/b" tests/corpus/dev/articles 2>/dev/null
target/release/bilateral export --data "$T/b" --format nquads -o "$T/data.nq"
cp -r "$T/b" "$T/a"
"$OX" load --location "$T/o" --file "$T/data.nq" >/dev/null 2>&1
echo "data: $(wc -l < "$T/data.nq") quads"
"$BASE" serve --data "$T/a" --bind 127.0.0.1:7921 >"$T/base.log" 2>&1 & pid_base=$!
target/release/bilateral serve --data "$T/b" --bind 127.0.0.1:7922 >"$T/new.log" 2>&1 & pid_new=$!
"$OX" serve --location "$T/o" --bind 127.0.0.1:7923 --union-default-graph >/dev/null 2>&1 & pid_oxigraph=$!
# The server's CPU time (user + system, clock ticks) from /proc: CPU per request is steadier
# than requests/s on a machine where the load generator shares the two cores.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
until curl -sf http://127.0.0.1:7921/health >/dev/null && curl -sf http://127.0.0.1:7922/health >/dev/null \
    && curl -sf "http://127.0.0.1:7923/query?query=ASK%7B%7D" >/dev/null; do sleep 0.2; done
LOOKUP='PREFIX schema: <https://schema.org/> SELECT ?country ?name WHERE { ?country a schema:Country ; schema:name ?name } ORDER BY ?name LIMIT 20'
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
echo "round query server requests/s p50 p99 server-CPU-µs/request"
for round in $(seq 1 "${ROUNDS:-2}"); do
    for name in ask lookup; do
        if [ $name = ask ]; then q=$(enc 'ASK {}'); else q=$(enc "$LOOKUP"); fi
        for s in base:7921/sparql new:7922/sparql oxigraph:7923/query; do
            pidvar=pid_${s%%:*}; pid=${!pidvar}
            t0=$(ticks "$pid")
            r=$(wrk -t2 -c16 -d"${D:-6s}" -H 'Accept: application/sparql-results+json' --latency \
                "http://127.0.0.1:${s#*:}?query=$q" \
                | awk '/requests in/{n=$1} /Requests\/sec/{r=$2} / 50%/{p50=$2} / 99%/{p99=$2} END{print r, p50, p99, n}')
            t1=$(ticks "$pid")
            n=${r##* }
            echo "$round $name ${s%%:*} ${r% *} $(( (t1 - t0) * 1000000 / hz / n ))"
        done
    done
done
