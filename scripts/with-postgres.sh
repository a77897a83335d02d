#!/usr/bin/env bash
# Runs one command against a throwaway PostgreSQL cluster of its own, then stops the cluster and
# deletes it, whatever happens:
#
#   scripts/with-postgres.sh dotnet test tests/Beacon.Web.Tests --filter Category=Data
#
# The command sees BEACON_TEST_PROVIDER=Postgres and BEACON_TEST_POSTGRES (an admin connection
# string: superuser "postgres", trust authentication, listening on 127.0.0.1 only, on a free port
# picked now), plus PGHOST/PGPORT/PGUSER for psql. Its exit code is this script's exit code.
#
# PostgreSQL comes from /usr/lib/postgresql/<highest version>/bin (Debian's package), or from
# PG_BIN when set. PostgreSQL refuses to run as root, so as root the server runs as the
# "postgres" user; otherwise it runs as you.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi

fail() { echo "with-postgres: $*" >&2; exit 1; }

pg_bin=${PG_BIN:-}
if [[ -z $pg_bin ]]; then
  initdb_path=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  [[ -x $initdb_path ]] && pg_bin=$(dirname "$initdb_path")
fi
[[ -n $pg_bin && -x $pg_bin/initdb && -x $pg_bin/pg_ctl ]] ||
  fail "PostgreSQL not found (no /usr/lib/postgresql/*/bin/initdb; set PG_BIN or install Debian's 'postgresql')."

if [[ $EUID -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || fail "running as root but there is no 'postgres' user to run the server."
  work=$(mktemp -d /tmp/beacon-pg.XXXXXX)   # not $TMPDIR: the postgres user must be able to reach it
  chown postgres: "$work"
  # From inside $work, so that PostgreSQL's tools never trip over an unreadable current directory.
  as_pg() { (cd "$work" && runuser -u postgres -- "$@"); }
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/beacon-pg.XXXXXX")
  as_pg() { "$@"; }
fi
chmod 700 "$work"
data=$work/data

cleanup() {
  if [[ -f $data/postmaster.pid ]]; then
    as_pg "$pg_bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$pg_bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$pg_bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync \
  >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; fail "initdb failed."; }

# A disposable cluster: durability off, sockets inside the run's own folder, loopback only.
cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port=""
for attempt in 1 2 3 4 5; do
  candidate=$((20000 + RANDOM % 40000))
  port_in_use "$candidate" && continue
  # Another process may take the port between the probe and the bind: then try another one.
  if as_pg "$pg_bin/pg_ctl" -D "$data" -l "$work/server.log" -w -t 60 -o "-p $candidate" start >/dev/null 2>&1; then
    port=$candidate
    break
  fi
  grep -q 'could not bind\|could not create any TCP/IP sockets' "$work/server.log" 2>/dev/null ||
    { tail -n 20 "$work/server.log" >&2 2>/dev/null || true; fail "the PostgreSQL server did not start."; }
done
[[ -n $port ]] || { tail -n 20 "$work/server.log" >&2 2>/dev/null || true; fail "found no free port to start PostgreSQL on."; }

echo "with-postgres: $("$pg_bin/postgres" --version), throwaway cluster on 127.0.0.1:$port"
export BEACON_TEST_PROVIDER=Postgres
export BEACON_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres

set +e
"$@"
status=$?
set -e
exit "$status"
