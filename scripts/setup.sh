#!/usr/bin/env bash
# Installs what building and testing bilateral needs on a fresh Debian machine, and nothing that
# is already there: libclang (bindgen, for the RocksDB build under oxigraph) and curl.
# Python packages for the client tests are installed by scripts/test.sh.
set -euo pipefail

need_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "setup: '$*' needs root; run it as root or install sudo" >&2; exit 1; fi
}

have_libclang() {
    [ -n "${LIBCLANG_PATH:-}" ] && return 0
    ls /usr/lib/llvm-*/lib/libclang*.so* /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1
}

missing=()
have_libclang || missing+=(libclang-dev)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]} (apt)" >&2
    export DEBIAN_FRONTEND=noninteractive
    need_root apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
        need_root apt-get update -q >/dev/null
        need_root apt-get install -y -q "${missing[@]}" >/dev/null
    }
fi
command -v cargo >/dev/null || { echo "setup: cargo is missing; install Rust with rustup (https://rustup.rs)" >&2; exit 1; }
