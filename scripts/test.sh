#!/usr/bin/env bash
# Everything CI runs: set-up, formatting, lints, the Rust test suite, then real clients
# (curl, rdflib, SPARQLWrapper, pyshacl, headless Chromium) against the real binary, and the
# extraction scores on the corpus carried in tests/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/setup.sh

# Each step starts with a true /dev/null (see repair_dev_null in scripts/setup.sh).
step() { echo; echo "== $* ($(( $(date +%s) - start )) s)"; repair_dev_null || true; }
BILATERAL_SETUP_FUNCTIONS_ONLY=1 source scripts/setup.sh

step "set-up detection (libclang: the library bindgen loads, never libclang-cpp)"
bash tests/setup/test_setup.sh
step "the dictionary converters' own checks"
python3 scripts/convert_phoenix.py --self-test
python3 scripts/convert_cameo.py --self-test
python3 scripts/convert_cameo_codes.py --self-test
# The committed CAMEO scheme is what its converter makes of the committed table.
python3 scripts/convert_cameo_codes.py | cmp - ontology/cameo.ttl
step "format"
cargo fmt --check
step "build (release; the first build compiles RocksDB)"
cargo build --release --locked --all-targets
step "lints"
cargo clippy --release --locked --all-targets --quiet -- -D warnings
step "tests"
cargo test --release --locked

step "real clients against the real binary"
# Debian's chromium, and its WebDriver (same version) for the check that types into the editor.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "installing chromium and chromium-driver (apt) for the browser checks" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }; } \
        || echo "chromium could not be installed: the browser checks will fail" >&2
fi
# The client libraries go into a virtual environment of their own (a Debian python3 refuses
# `pip install` into the system, PEP 668).
py=python3
if python3 -m venv target/clients-venv >/dev/null 2>&1; then py=target/clients-venv/bin/python; fi
"$py" -m pip install --quiet --disable-pip-version-check rdflib SPARQLWrapper pyshacl selenium 2>&1 | grep -v "WARNING: Running pip as the 'root' user" || true
"$py" tests/clients/run_clients.py target/release/bilateral

step "extraction quality on the corpus in tests/corpus (our scorer; also part of the tests above)"
cargo test --release --locked --quiet --test integration scorer -- --nocapture 2>&1 | grep -E "^((dev|own) (tune|held-out|all) |both sets)"
step "done"
