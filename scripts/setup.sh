#!/usr/bin/env bash
# Installs what building and testing bilateral needs on a fresh Debian machine, and nothing that
# is already there: libclang (bindgen, for the RocksDB build under oxigraph) and curl.
# Python packages for the client tests are installed by scripts/test.sh.
#
# libclang is detected by the very files bindgen's loader (clang-sys) opens: `libclang.so*` or
# `libclang-<N>.so*` in LIBCLANG_PATH, `llvm-config --libdir` or the usual library folders.
# `libclang-cpp.so*` (the C++ library LLVM installs) is NOT libclang and does not count; a
# unit test (tests/setup/test_setup.sh) runs the detection against such a folder.
set -euo pipefail

need_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "setup: '$*' needs root; run it as root or install sudo" >&2; exit 1; fi
}

# The folders clang-sys searches, one per line (LIBCLANG_PATH first when it is set).
libclang_dirs() {
    if [ -n "${LIBCLANG_PATH:-}" ]; then echo "$LIBCLANG_PATH"; fi
    if command -v llvm-config >/dev/null 2>&1; then llvm-config --libdir 2>/dev/null || true; fi
    local d
    for d in /usr/lib/llvm-*/lib /usr/local/llvm*/lib /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu \
        /usr/lib64 /usr/lib /usr/local/lib /lib/x86_64-linux-gnu; do
        [ -d "$d" ] && echo "$d"
    done
    return 0
}

# Succeeds when one of the folders given holds the library bindgen loads. Prints its path.
find_libclang_in() {
    local d f
    for d in "$@"; do
        for f in "$d"/libclang.so "$d"/libclang.so.* "$d"/libclang-[0-9]*.so "$d"/libclang-[0-9]*.so.*; do
            if [ -e "$f" ]; then echo "$f"; return 0; fi
        done
    done
    return 1
}

have_libclang() {
    local dirs=()
    mapfile -t dirs < <(libclang_dirs)
    find_libclang_in "${dirs[@]}" >/dev/null
}

# /dev/null must be the null device. Tools run as root have been seen to replace it with a
# regular file (a rename over it), and then every program that reads "nothing" from it reads
# whatever was last written there: a CI run died in `cargo clippy` because rustc, probing the
# target with an empty crate on stdin (/dev/null), got C++ compiler errors as its source.
# Takes the path to check (default /dev/null); remakes it as the device 1,3 when it is not one.
repair_dev_null() {
    local p="${1:-/dev/null}"
    [ -c "$p" ] && return 0
    echo "setup: $p is not the null device (it is a $(stat -c %F "$p" 2>&1)); remaking it" >&2
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "setup: remaking $p needs root; builds and tests that read from it may fail" >&2; return 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" mknod -m 666 "$p.bilateral-new" c 1 3 && "${sudo[@]}" mv -f "$p.bilateral-new" "$p" || {
        echo "setup: could not remake $p; builds and tests that read from it may fail" >&2; return 1; }
    # cargo caches its rustc probes, failed ones too: drop a cache made while it was broken.
    if [ "$p" = /dev/null ]; then rm -f "${CARGO_TARGET_DIR:-target}/.rustc_info.json"; fi
}

# Sourced by the unit test: define the functions, install nothing.
if [ "${BILATERAL_SETUP_FUNCTIONS_ONLY:-}" = 1 ]; then return 0 2>/dev/null || exit 0; fi

repair_dev_null || true
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
    if ! have_libclang; then
        echo "setup: libclang is still not found after installing libclang-dev; set LIBCLANG_PATH to the folder holding libclang.so" >&2
        exit 1
    fi
fi
command -v cargo >/dev/null || { echo "setup: cargo is missing; install Rust with rustup (https://rustup.rs)" >&2; exit 1; }
