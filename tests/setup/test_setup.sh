#!/usr/bin/env bash
# Unit test of scripts/setup.sh's libclang detection: it must look for the library bindgen
# loads (libclang.so*, libclang-<N>.so*) and never take libclang-cpp.so for it.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
BILATERAL_SETUP_FUNCTIONS_ONLY=1 source "$here/scripts/setup.sh"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
fail=0; passed=0
expect() { # expect yes|no DESCRIPTION FILES...
    local want="$1" what="$2"; shift 2
    rm -rf "$tmp/lib"; mkdir -p "$tmp/lib"
    local f; for f in "$@"; do touch "$tmp/lib/$f"; done
    local got=no; if find_libclang_in "$tmp/lib" >/dev/null; then got=yes; fi
    if [ "$got" = "$want" ]; then passed=$((passed + 1)); else echo "FAIL: $what: expected $want, got $got" >&2; fail=$((fail + 1)); fi
}
expect no  "only libclang-cpp.so (the first round's false positive)" libclang-cpp.so libclang-cpp.so.14
expect no  "an empty folder"
expect no  "a static archive only" libclang.a
expect yes "libclang.so" libclang.so
expect yes "a versioned libclang.so.1" libclang.so.1
expect yes "Debian's libclang-14.so.1" libclang-14.so.1 libclang-cpp.so.14
expect yes "libclang-17.so" libclang-17.so
# LIBCLANG_PATH pointing at a folder without libclang must not count either.
rm -rf "$tmp/lib"; mkdir -p "$tmp/lib"; touch "$tmp/lib/libclang-cpp.so.14"
mapfile -t dirs < <(LIBCLANG_PATH="$tmp/lib" libclang_dirs)
[ "${dirs[0]}" = "$tmp/lib" ] && passed=$((passed + 1)) || { echo "FAIL: LIBCLANG_PATH is not searched first" >&2; fail=$((fail + 1)); }
# /dev/null repair: a regular file in its place is seen and, as root, remade as the device.
touch "$tmp/null"
if [ "$(id -u)" -eq 0 ]; then
    if repair_dev_null "$tmp/null" 2>/dev/null && [ -c "$tmp/null" ] && [ "$(stat -c %t,%T "$tmp/null")" = 1,3 ]; then
        passed=$((passed + 1)); else echo "FAIL: a regular file standing for /dev/null is not remade as the device" >&2; fail=$((fail + 1)); fi
    if repair_dev_null "$tmp/null" 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then passed=$((passed + 1)); else
        echo "FAIL: the null device itself is reported as broken" >&2; fail=$((fail + 1)); fi
fi
echo "setup detection: $passed passed, $fail failed"
[ "$fail" -eq 0 ]
