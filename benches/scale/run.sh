#!/usr/bin/env bash
# The scale benchmark: for each corpus size, generate the corpus (deterministic), ingest it with
# `bilateral ingest` into a new store (time, peak memory, quads, disk), export the store as
# N-Quads and load the same quads with oxigraph's own bulk loader into another new store (the
# reference: time, disk), then run every stored query with realistic parameters on the ingested
# store (p50, max, rows, memory). One JSON object per measurement in target/scale/results.jsonl;
# benches/scale/plot.py draws docs/img/scale.svg from it.
#
# Usage: [RUNS=N] benches/scale/run.sh [SIZE...]   (default: 1000 10000; each query N times, 5)
# Needs: a release build (`cargo build --release`), python3, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
out=target/scale
mkdir -p "$out"
results=$out/results.jsonl
bin=target/release/bilateral
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
cargo bench --bench scale --no-run --quiet 2>/dev/null || cargo bench --bench scale --no-run
bench=$(ls -t target/release/deps/scale-* | grep -v '\.d$' | head -1)
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
for n in "${sizes[@]}"; do
  corpus=$out/corpus-$n store=$out/store-$n ref=$out/reference-$n
  [ -d "$corpus" ] || python3 benches/scale/generate.py --articles "$n" --seed 7 --out "$corpus"
  text=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  rm -rf "$store" "$ref"
  /usr/bin/time -f '%e %M' -o "$out/time-$n" "$bin" ingest --data "$store" "$corpus" 2> "$out/ingest-$n.log"
  read -r secs kb < "$out/time-$n"
  quads=$(grep -o 'ingested [0-9]* article(s), [0-9]* quads' "$out/ingest-$n.log" | awk '{print $4}')
  # The compaction at the end of the ingest (its own line in the log), 0 when there was none.
  compact=$(grep -o 'compacted in [0-9.]* s' "$out/ingest-$n.log" | awk '{print $3}')
  disk=$(du -sb "$store" | cut -f1)
  python3 - "$n" "$secs" "$kb" "$quads" "$disk" "$text" "$machine" "${compact:-0}" >> "$results" <<'EOF'
import json, sys
n, secs, kb, quads, disk, text, machine, compact = sys.argv[1:]
n, secs, quads, disk, text, compact = int(n), float(secs), int(quads), int(disk), int(text), float(compact)
print(json.dumps({"size": n, "what": "ingest", "seconds": secs, "compact_seconds": compact,
                  "seconds_before_compaction": round(secs - compact, 1),
                  "articles_per_second": round(n / secs, 1),
                  "text_mb_per_second": round(text / secs / 1e6, 3), "quads": quads,
                  "quads_per_article": round(quads / n, 1), "quads_per_second": round(quads / secs),
                  "peak_rss_mb": int(kb) // 1024, "disk_bytes": disk, "text_bytes": text,
                  "disk_over_text": round(disk / text, 1), "machine": machine}))
EOF
  "$bin" export --data "$store" --format nquads > "$out/export-$n.nq" 2>/dev/null
  "$bench" reference --nquads "$out/export-$n.nq" --dir "$ref" | python3 -c "
import json,sys
for line in sys.stdin:
    d = json.loads(line); d.update(size=$n, what='reference', disk_bytes=int('$(echo 0)'))
    print(json.dumps(d))" > "$out/reference-$n.json"
  refdisk=$(du -sb "$ref" | cut -f1)
  python3 -c "
import json
d = json.load(open('$out/reference-$n.json')); d['disk_bytes'] = $refdisk
print(json.dumps(d))" >> "$results"
  rm -f "$out/export-$n.nq"
  "$bench" queries --store "$store" --runs "${RUNS:-5}" | python3 -c "
import json,sys
for line in sys.stdin:
    d = json.loads(line); d.update(size=$n, what='query'); print(json.dumps(d))" >> "$results"
  grep "\"size\": $n[,}]" "$results" | tail -20
done
