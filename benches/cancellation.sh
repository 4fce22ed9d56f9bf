#!/usr/bin/env bash
# What a time limit frees: starts the release binary with a 2 s query limit, sends a runaway
# query (a three-way cross product under COUNT), and prints the server's CPU use in each second
# after the 503; then starts it with a 300 s limit, sends three runaway queries and times
# SIGTERM. Run: benches/cancellation.sh (after cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=target/release/bilateral
tmp=$(mktemp -d); trap 'kill $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }
sub() { python3 -c "print(round($1 - $2, 3))"; }
wait_up() { until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.1; done; }
Q='SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }'

$BIN serve --in-memory --bind "127.0.0.1:$port" --query-timeout 2 >/dev/null 2>&1 & pid=$!
wait_up
t0=$(date +%s.%N)
code=$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode "query=$Q" "http://127.0.0.1:$port/sparql")
t1=$(date +%s.%N)
echo "runaway query answered $code after $(sub "$t1" "$t0") s"
prev=$(cpu $pid)
for s in 1 2 3 4 5; do
    sleep 1; now=$(cpu $pid)
    echo "second $s after the 503: $(sub "$now" "$prev") s of CPU"; prev=$now
done
kill -TERM $pid; wait $pid || true

$BIN serve --in-memory --bind "127.0.0.1:$port" --query-timeout 300 >/dev/null 2>&1 & pid=$!
wait_up
for i in 1 2 3; do curl -s -o /dev/null --data-urlencode "query=$Q" "http://127.0.0.1:$port/sparql" & done
sleep 2
t0=$(date +%s.%N); kill -TERM $pid; wait $pid || true; t1=$(date +%s.%N)
echo "SIGTERM with 3 runaway queries in flight: exited after $(sub "$t1" "$t0") s"
