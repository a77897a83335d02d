#!/usr/bin/env bash
# Backup and restore times: seeds a database with `seed-demo --screenings N` (default 100000), backs it up with
# `beacon backup`, restores the archive into a fresh database with `beacon restore`, and prints each step's time
# and the sizes. Usage: bench/backup.sh sqlite|postgres [screenings]
# The postgres run starts its own throwaway cluster (scripts/with-postgres.sh) unless PGHOST is already set.
set -euo pipefail
provider=${1:?usage: bench/backup.sh sqlite|postgres [screenings]}
screenings=${2:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ $provider == postgres && -z ${PGHOST:-} ]]; then
  exec "$root/scripts/with-postgres.sh" "$0" "$@"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
app=${BEACON_APP:-$out/app} # BEACON_APP=<published folder> reuses a published app
[[ -f $app/beacon.dll ]] || dotnet publish "$root/src/Beacon.Web" -c Release -o "$app" --nologo -v quiet >/dev/null
export Logging__LogLevel__Default=Warning
Beacon__KeyEncryptionKey=$(head -c 32 /dev/urandom | base64)
export Beacon__KeyEncryptionKey

case $provider in
  sqlite)
    export Beacon__Database__Provider=Sqlite
    src="Data Source=$out/src.db" dst="Data Source=$out/dst.db" ;;
  postgres)
    export Beacon__Database__Provider=Postgres
    psql -X -q -d postgres -c 'CREATE DATABASE bench_src' -c 'CREATE DATABASE bench_dst'
    base="Host=$PGHOST;Port=$PGPORT;Username=${PGUSER:-postgres}"
    src="$base;Database=bench_src" dst="$base;Database=bench_dst" ;;
  *) echo "usage: bench/backup.sh sqlite|postgres [screenings]" >&2; exit 2 ;;
esac

now() { date +%s%N; }
beacon() { # $1 = connection string, then the command
  local cs=$1; shift
  Beacon__Database__ConnectionString=$cs dotnet "$app/beacon.dll" "$@"
}
seconds() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }

t=$(now)
beacon "$src" seed-demo --yes-demo-data --screenings "$screenings" >"$out/seed.log" 2>&1 || { tail "$out/seed.log"; exit 1; }
seed=$(( $(now) - t ))

writer=""
if [[ $provider == sqlite ]]; then
  # A stand-in for the app writing during the backup: one small insert every 20 ms into a table of its own, with the
  # app's 30-second busy timeout; it reports the longest any insert waited.
  python3 - "$out/src.db" "$out/backup.tar.gz" >"$out/writer.txt" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
db.execute("CREATE TABLE IF NOT EXISTS bench_writes (at REAL)")
longest, n = 0.0, 0
while not os.path.exists(sys.argv[2]):
    t = time.monotonic()
    db.execute("INSERT INTO bench_writes VALUES (?)", (t,))
    longest, n = max(longest, time.monotonic() - t), n + 1
    time.sleep(0.02)
print(f"{n} writes during the backup, the longest waited {longest:.2f} s")
PY
  writer=$!
  sleep 1
fi

t=$(now)
beacon "$src" backup --out "$out/backup.tar.gz" 2>"$out/backup.err" || { cat "$out/backup.err"; exit 1; }
backup=$(( $(now) - t ))
[[ -n $writer ]] && wait "$writer"

t=$(now)
beacon "$dst" restore --from "$out/backup.tar.gz" >"$out/restore.log" 2>"$out/restore.err" || { cat "$out/restore.log" "$out/restore.err"; exit 1; }
restore=$(( $(now) - t ))
grep -E '^(Restored|Audit trail verified)' "$out/restore.log"

if [[ $provider == sqlite ]]; then
  size=$(stat -c %s "$out/src.db")
else
  size=$(psql -X -A -t -d bench_src -c "SELECT pg_database_size('bench_src')")
fi
echo "provider: $provider, screenings: $screenings (seeded in $(seconds $seed) s)"
echo "database: $(( size / 1048576 )) MB; archive: $(( $(stat -c %s "$out/backup.tar.gz") / 1048576 )) MB"
echo "backup: $(seconds $backup) s; restore (with its checks and the audit verification): $(seconds $restore) s"
[[ -z $writer ]] || echo "app writes (SQLite, default journal mode): $(cat "$out/writer.txt")"
