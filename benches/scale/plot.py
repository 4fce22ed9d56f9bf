#!/usr/bin/env python3
"""Draws the scale benchmark's figure from target/scale/results.jsonl (written by run.sh) as an
SVG with three panels, each against corpus size (log-log): ingest time (bilateral ingest and the
reference, oxigraph's bulk loader, on the same quads), store size on disk (both), and the p50
latency of every stored query. No plotting library needed.

Usage: plot.py [RESULTS] [OUT]   (default: target/scale/results.jsonl docs/img/scale.svg)
"""

import json
import math
import sys
from collections import defaultdict

results = sys.argv[1] if len(sys.argv) > 1 else "target/scale/results.jsonl"
out = sys.argv[2] if len(sys.argv) > 2 else "docs/img/scale.svg"
rows = [json.loads(l) for l in open(results, encoding="utf-8") if l.strip()]
# The last run of each size wins.
latest = {}
for r in rows:
    key = (r["size"], r["what"], r.get("query", ""))
    latest[key] = r
rows = list(latest.values())
sizes = sorted({r["size"] for r in rows})

W, H, PAD = 330, 260, 48
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#ff7f0e", "#393b79", "#637939", "#8c6d31", "#843c39",
           "#7b4173", "#3182bd", "#e6550d"]


def panel(x0, title, series, unit):
    """series: {name: [(size, value)]}; log-log axes."""
    values = [v for s in series.values() for _, v in s if v and v > 0]
    if not values:
        return ""
    lo, hi = math.log10(min(values)), math.log10(max(values))
    if hi - lo < 1:
        lo, hi = lo - 0.5, hi + 0.5
    slo, shi = math.log10(min(sizes)), math.log10(max(sizes))
    if shi == slo:
        slo, shi = slo - 0.5, shi + 0.5

    def px(size):
        return x0 + PAD + (math.log10(size) - slo) / (shi - slo) * (W - PAD - 40)

    def py(v):
        return 30 + (hi - math.log10(v)) / (hi - lo) * (H - 70)

    g = [f'<text x="{x0 + W / 2}" y="16" text-anchor="middle" font-weight="bold">{title}</text>',
         f'<line x1="{x0 + PAD}" y1="{H - 40}" x2="{x0 + W - 10}" y2="{H - 40}" stroke="#444"/>',
         f'<line x1="{x0 + PAD}" y1="30" x2="{x0 + PAD}" y2="{H - 40}" stroke="#444"/>']
    ticks = [m * 10 ** e for e in range(math.floor(lo), math.ceil(hi) + 1) for m in (1, 2, 5)]
    if hi - lo > 2.5:
        ticks = [t for t in ticks if math.log10(t) == round(math.log10(t))]
    for v in ticks:
        if lo <= math.log10(v) <= hi:
            g.append(f'<text x="{x0 + PAD - 4}" y="{py(v) + 4}" text-anchor="end" font-size="10">{v:g}</text>')
            g.append(f'<line x1="{x0 + PAD}" y1="{py(v)}" x2="{x0 + W - 10}" y2="{py(v)}" stroke="#eee"/>')
    for s in sizes:
        g.append(f'<text x="{px(s)}" y="{H - 26}" text-anchor="middle" font-size="10">{s:,}</text>')
    g.append(f'<text x="{x0 + W / 2}" y="{H - 10}" text-anchor="middle" font-size="10">articles ({unit})</text>')
    for i, (name, points) in enumerate(sorted(series.items())):
        points = [(s, v) for s, v in sorted(points) if v and v > 0]
        c = COLOURS[i % len(COLOURS)]
        if len(points) > 1:
            d = " ".join(f"{px(s):.1f},{py(v):.1f}" for s, v in points)
            g.append(f'<polyline points="{d}" fill="none" stroke="{c}" stroke-width="1.5"><title>{name}</title></polyline>')
        for s, v in points:
            g.append(f'<circle cx="{px(s):.1f}" cy="{py(v):.1f}" r="2.5" fill="{c}"><title>{name}: {v:g} at {s:,}</title></circle>')
        if len(series) <= 4:
            g.append(f'<text x="{x0 + PAD + 6}" y="{42 + 13 * i}" font-size="10" fill="{c}">{name}</text>')
        elif points:
            s, v = points[-1]
            g.append(f'<text x="{px(s) + 4:.1f}" y="{py(v) + 3:.1f}" font-size="8" fill="{c}">{name}</text>')
    return "\n".join(g)


ingest = defaultdict(list)
disk = defaultdict(list)
query = defaultdict(list)
for r in rows:
    if r["what"] == "ingest":
        ingest["bilateral ingest"].append((r["size"], r["seconds"]))
        disk["bilateral"].append((r["size"], r["disk_bytes"] / 1e6))
    elif r["what"] == "reference":
        ingest["oxigraph bulk load, same quads"].append((r["size"], r["seconds"]))
        disk["oxigraph, same quads"].append((r["size"], r["disk_bytes"] / 1e6))
    elif r["what"] == "query":
        ms = r["p50_ms"] if not r.get("error") else None
        query[r["query"][:2]].append((r["size"], ms))

svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{3 * W}" height="{H}" font-family="sans-serif" font-size="12">',
       '<rect width="100%" height="100%" fill="white"/>',
       panel(0, "Ingest time", ingest, "seconds"),
       panel(W, "Store on disk", disk, "MB"),
       panel(2 * W, "Stored queries, p50", query, "ms; one line per query"),
       "</svg>"]
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(svg) + "\n")
print(f"wrote {out} from {len(rows)} measurements at sizes {sizes}", file=sys.stderr)
