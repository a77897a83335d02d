#!/usr/bin/env bash
# Writes (issue 10): staff screens saved per second, each finished in one save (an encrypted youth reference, its item
# facts and, for a possible or clear level, its intake item in one transaction, then its audit entry), by W workers for
# N seconds, on SQLite and on PostgreSQL; then, with the server stopped, load-check: every acknowledged save stored
# once, complete, with its audit entry, and the audit chain verified. Each run is bench/load.sh with mix "writes".
#
#   bench/writes.sh [seconds=30] [workers=32] [databases="sqlite postgres"]
#
# PostgreSQL runs on scripts/with-postgres.sh's throwaway cluster with fsync and synchronous_commit turned on, so both
# databases make a commit durable before it is acknowledged. Set BEACON_APP=<dir> to reuse a published app.
set -euo pipefail
seconds=${1:-30} workers=${2:-32} databases=${3:-sqlite postgres}
here=$(cd "$(dirname "$0")" && pwd)
published=
if [[ -z ${BEACON_APP:-} ]]; then
  published=$(mktemp -d)
  export BEACON_APP=$published/app   # the first run publishes into it, the next ones reuse it
fi
trap '[[ -z $published ]] || rm -rf "$published"' EXIT

for database in $databases; do
  echo "== Writes on $database: $seconds s, $workers workers; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) =="
  case $database in
    sqlite) BEACON_BENCH_DB=sqlite "$here/load.sh" "$seconds" writes "$workers" ;;
    postgres) "$here/../scripts/with-postgres.sh" env BEACON_BENCH_DB=postgres "$here/load.sh" "$seconds" writes "$workers" ;;
    *) echo "writes.sh: unknown database '$database' (sqlite or postgres)." >&2; exit 2 ;;
  esac
  echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg) =="
done
