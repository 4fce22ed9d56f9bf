#!/usr/bin/env bash
# One command to a running endpoint: installs what the build needs, builds, and serves
# http://127.0.0.1:7878 with the seed data loaded into ./data on first start.
# Extra arguments go to `bilateral serve` (see `bilateral serve --help`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "building bilateral (the first build compiles RocksDB: about 10 minutes on 2 cores)" >&2
cargo build --release --locked --quiet
exec target/release/bilateral serve "$@"
