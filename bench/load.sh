#!/usr/bin/env bash
# Load (issue 10): Beacon (Release) on a fresh SQLite file, driven for N seconds with mixed traffic (public pages, tips,
# staff screens saved, finished and opened, case notes) by W workers; then, with the server stopped, every acknowledged
# write is checked in the database with the app's own services, with no record half-written and the audit chain intact.
#
#   bench/load.sh [seconds=60] [mix=mixed|screens|writes] [workers=8]
#
# mix=screens: only staff screens, each finished in one save (encrypted reference, item facts and intake item in one
# transaction, then its audit entry) and then opened (an audited read). mix=writes: the same saves, never opened: the
# writes figure (bench/writes.sh runs it on SQLite and PostgreSQL). BEACON_BENCH_DB=postgres: see load-lib.sh.
set -euo pipefail
seconds=${1:-60} mix=${2:-mixed} workers=${3:-8}
source "$(dirname "$0")/load-lib.sh"
start_beacon
bench load --url "$url" "${account[@]}" --seconds "$seconds" --mix "$mix" --concurrency "$workers" --acks "$out/acks"
kill $pid; wait $pid 2>/dev/null || true
pid=
bench load-check --acks "$out/acks" "${settings[@]}"
