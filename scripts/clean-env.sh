#!/usr/bin/env bash
# Proves that the README's two commands work on a fresh machine. Makes a Debian 12 (bookworm)
# chroot holding only what CI machines and new developers have (build-essential, Python 3 with
# pip and venv, git; no libclang, no curl), lends it the host's Rust toolchain read-only (with an
# empty CARGO_HOME, so every crate is downloaded anew), clones the committed HEAD of the project
# into it, then runs scripts/serve.sh until /health answers, and scripts/test.sh.
#
#   scripts/clean-env.sh [--root DIR] [--source DIR] [--keep] [--only-setup]
#
#   --root DIR    work folder (default /var/tmp/bilateral-clean-env): DIR/base is debootstrapped
#                 once and reused, DIR/run is a fresh copy of it for every run, logs go to DIR/logs
#   --source DIR  git repository to clone (default: this checkout; uncommitted changes are NOT used)
#   --keep        keep DIR/run afterwards
#   --only-setup  run only scripts/setup.sh, then check that libclang, curl and cargo work inside
#
# Needs root, debootstrap (apt-get install -y debootstrap), a Debian mirror, and for the full
# run crates.io. The first full run compiles RocksDB: allow about an hour on 2 cores.
set -euo pipefail

MIRROR=http://deb.debian.org/debian
SUITE=bookworm
PACKAGES=build-essential,python3,python3-pip,python3-venv,git,ca-certificates,procps
ROOT=/var/tmp/bilateral-clean-env
SOURCE=$(cd "$(dirname "$0")/.." && pwd)
KEEP=0 ONLY_SETUP=0 JOB=
MOUNTS=()

say() { echo "clean-env: $*" >&2; }
die() { say "$*"; exit 1; }
tail_log() { say "$2; last lines of $1:"; tail -n 40 "$1" | sed 's/^/    /' >&2; }
fail() { tail_log "$@"; exit 1; } # fail LOG MESSAGE

parse_args() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --root) ROOT=${2:?--root needs a folder}; shift 2 ;;
            --source) SOURCE=${2:?--source needs a folder}; shift 2 ;;
            --keep) KEEP=1; shift ;;
            --only-setup) ONLY_SETUP=1; shift ;;
            -h | --help) sed -n '2,/^set -/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
            *) die "unknown argument '$1' (see --help)" ;;
        esac
    done
    [ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount)"
    ROOT=$(realpath -m "$ROOT"); RUN=$ROOT/run LOGS=$ROOT/logs
    mkdir -p "$LOGS"
    # Runs a bash command line inside the chroot with a clean environment (a fresh login).
    INSIDE=(chroot "$RUN" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb
        PATH=/opt/cargo-bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
        RUSTUP_HOME=/opt/rustup CARGO_HOME=/root/.cargo
        SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt CURL_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
        PIP_CERT=/etc/ssl/certs/ca-certificates.crt bash -c)
}
inside() { "${INSIDE[@]}" "cd /build/bilateral && $1"; }

remove_tree() { # never through a mount (bind mounts of the same disk escape --one-file-system)
    if awk -v p="$1/" 'index($5, p) == 1 { f = 1 } END { exit !f }' /proc/self/mountinfo; then
        die "not removing $1: something is still mounted under it"; fi
    rm -rf --one-file-system "$1"
}

# bind SRC DST [ro]
bind() {
    mkdir -p "$2"; mount --rbind "$1" "$2"; MOUNTS+=("$2"); mount --make-rslave "$2"
    if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$2"; fi
}
mount_system() {
    mount -t proc proc "$1/proc"; MOUNTS+=("$1/proc")
    bind /sys "$1/sys"; bind /dev "$1/dev"
    cp -L --remove-destination /etc/resolv.conf "$1/etc/resolv.conf"
}
unmount_all() {
    local i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        umount -R "${MOUNTS[i]}" 2>/dev/null || umount -R -l "${MOUNTS[i]}" || say "could not unmount ${MOUNTS[i]}"
    done
    MOUNTS=()
}

# start LOG COMMAND: runs COMMAND inside, in the clone, in a process group of its own, logged to LOG.
start() { setsid "${INSIDE[@]}" "cd /build/bilateral && exec $2" >"$1" 2>&1 & JOB=$!; }
# finish: waits for it (a signal interrupts `wait`, not a foreground command) and returns its status.
finish() { local rc=0; wait "$JOB" || rc=$?; JOB=; return "$rc"; }
stop_job() { # on failure or interruption: its whole process group, SIGKILL after 10 s
    [ -n "$JOB" ] || return 0
    kill -TERM -- "-$JOB" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- "-$JOB" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$JOB" 2>/dev/null; wait "$JOB" 2>/dev/null; JOB=
}

cleanup() {
    local rc=$?
    set +e; stop_job; unmount_all
    if [ "$KEEP" = 1 ]; then say "kept $RUN"; elif [ -d "${RUN:-}" ]; then remove_tree "$RUN"; fi
    exit "$rc"
}

make_base() {
    local base=$ROOT/base t0
    if [ -f "$ROOT/base.done" ]; then say "reusing the base system $base"; return; fi
    command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install -y debootstrap"
    t0=$(date +%s)
    remove_tree "$base"
    say "debootstrap $SUITE into $base (log: $LOGS/debootstrap.log)"
    debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$base" "$MIRROR" \
        >"$LOGS/debootstrap.log" 2>&1 || fail "$LOGS/debootstrap.log" "debootstrap failed"
    printf 'deb %s %s main\n' "$MIRROR" "$SUITE" "$MIRROR" "$SUITE-updates" \
        http://deb.debian.org/debian-security "$SUITE-security" >"$base/etc/apt/sources.list"
    mount_system "$base"
    chroot "$base" apt-get update -q >>"$LOGS/debootstrap.log" 2>&1 || fail "$LOGS/debootstrap.log" "apt-get update failed"
    unmount_all
    touch "$ROOT/base.done"
    say "base system made in $(($(date +%s) - t0)) s"
}

fresh_run() {
    local shared
    shared="$(dirname "$(realpath "$SOURCE")")/shared"
    remove_tree "$RUN"
    say "copying the base to $RUN; cloning $SOURCE (HEAD $(git -C "$SOURCE" rev-parse --short HEAD))"
    cp -a "$ROOT/base" "$RUN"
    git clone --quiet --no-hardlinks "$SOURCE" "$RUN/build/bilateral"
    if [ -d "$shared" ]; then cp -a "$shared" "$RUN/build/shared"; fi
    mkdir -p "$RUN/root/.cargo"
    # The machine's own certificate authorities (this workplace reaches the registries through a
    # proxy of its own): a fresh machine of this kind has them, so the chroot gets them too.
    if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
        mkdir -p "$RUN/usr/local/share/ca-certificates"
        cp /usr/local/share/ca-certificates/*.crt "$RUN/usr/local/share/ca-certificates/"
        cp -L /etc/ssl/certs/ca-certificates.crt "$RUN/etc/ssl/certs/ca-certificates.crt"
    fi
    mount_system "$RUN"
    bind /root/.rustup "$RUN/opt/rustup" ro
    bind /root/.cargo/bin "$RUN/opt/cargo-bin" ro
}

LIBCLANG_FIND="find /usr/lib /usr/local/lib \\( -name 'libclang.so*' -o -name 'libclang-[0-9]*.so*' \\) -print -quit"

run_only_setup() {
    local t0 lib curl cargo
    [ -z "$(inside "$LIBCLANG_FIND"; inside 'command -v curl')" ] || die "the fresh chroot already has libclang or curl"
    say "scripts/setup.sh (log: $LOGS/setup.log)"
    t0=$(date +%s)
    start "$LOGS/setup.log" scripts/setup.sh; finish || fail "$LOGS/setup.log" "setup.sh failed"
    echo "setup.sh: exit 0 after $(($(date +%s) - t0)) s"
    lib=$(inside "$LIBCLANG_FIND") && [ -n "$lib" ] || die "no libclang.so* / libclang-N.so* after setup.sh"
    curl=$(inside 'curl --version | head -n 1') || die "no curl after setup.sh"
    cargo=$(inside 'cargo --version' 2>&1) || die "cargo does not run inside the chroot: $cargo"
    printf 'libclang: %s\ncurl: %s\ncargo: %s\n' "$lib" "$curl" "$cargo"
}

run_full() {
    local port t0 up rc=0
    port=$("${INSIDE[@]}" 'python3 -c "import socket; s = socket.socket(); s.bind((\"127.0.0.1\", 0)); print(s.getsockname()[1])"')
    say "scripts/serve.sh --bind 127.0.0.1:$port (log: $LOGS/serve.log)"
    t0=$(date +%s)
    start "$LOGS/serve.log" "scripts/serve.sh --bind 127.0.0.1:$port"
    until "${INSIDE[@]}" "curl -sf http://127.0.0.1:$port/health" >/dev/null 2>&1; do
        kill -0 "$JOB" 2>/dev/null || { finish || rc=$?; fail "$LOGS/serve.log" "serve.sh stopped (exit $rc) before answering"; }
        [ $(($(date +%s) - t0)) -lt 2400 ] || fail "$LOGS/serve.log" "serve.sh did not answer within 40 minutes"
        sleep 5
    done
    up=$(($(date +%s) - t0))
    kill -TERM "$JOB"; finish || rc=$?
    say "serve.sh answered after $up s and exited with $rc on SIGTERM"
    say "scripts/test.sh (log: $LOGS/test.log)"
    t0=$(date +%s) rc=0
    start "$LOGS/test.log" scripts/test.sh; finish || rc=$?
    [ "$rc" = 0 ] || tail_log "$LOGS/test.log" "test.sh failed"
    echo "serve.sh: first answer after $up s; test.sh: exit $rc after $(($(date +%s) - t0)) s"
    return "$rc"
}

main() {
    parse_args "$@"
    trap cleanup EXIT
    trap 'exit 130' INT TERM HUP
    make_base
    fresh_run
    if [ "$ONLY_SETUP" = 1 ]; then run_only_setup; else run_full; fi
}

main "$@"
