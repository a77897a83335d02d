#!/usr/bin/env bash
# Crash (issue 10): as bench/load.sh, but Beacon is killed with SIGKILL halfway through the load and started again on
# the same file while the driver carries on (its requests fail while the server is down; an unacknowledged write may
# be lost, an acknowledged one must not). Then, with the server stopped, the same check: every acknowledged tip,
# screen and note there exactly once, no record half-written, the audit chain intact.
#
#   bench/crash.sh [seconds=60] [workers=8]
#   bench/crash-ci.sh  (the bounded run: 10 seconds, one kill)
set -euo pipefail
seconds=${1:-60} workers=${2:-8}
source "$(dirname "$0")/load-lib.sh"
start_beacon
bench load --url "$url" "${account[@]}" --seconds "$seconds" --mix mixed --concurrency "$workers" --acks "$out/acks" &
driver=$!
sleep $((seconds / 2))
kill -9 $pid
wait $pid 2>/dev/null || true
echo "crash.sh: killed Beacon (SIGKILL) after $((seconds / 2)) s; restarting it on the same file."
restarted=$(date +%s%N)
start_beacon
echo "crash.sh: Beacon ready again after $(( ($(date +%s%N) - restarted) / 1000000 )) ms."
wait $driver
kill $pid; wait $pid 2>/dev/null || true
pid=
bench load-check --acks "$out/acks" "${settings[@]}"
