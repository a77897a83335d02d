# Shared by bench/load.sh and bench/crash.sh (sourced, not run): publish Beacon (Release) and the bench once, start
# Beacon on loopback on a fresh SQLite file with a key-encryption key given on the command line, seed the demo data and
# take a Placer caseworker's account from what seed-demo prints. Set BEACON_APP=<dir> to reuse a published app (or a
# build's output folder), BENCH_CONFIGURATION=Debug and BENCH_NO_BUILD=1 to use the bench as test.sh has built it.
# BEACON_BENCH_DB=postgres, under scripts/with-postgres.sh, uses a fresh database on its throwaway cluster instead,
# with durability turned back on (that cluster starts with fsync and synchronous_commit off, fit for tests only).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mktemp -d)
pid=
trap 'if [[ -n $pid ]]; then kill $pid 2>/dev/null || true; fi; rm -rf "$out"' EXIT
app=$(mkdir -p "${BEACON_APP:-$out/app}" && cd "${BEACON_APP:-$out/app}" && pwd)
[[ -f $app/beacon.dll ]] || dotnet publish "$root/src/Beacon.Web" -c Release -o "$app" --nologo -v quiet >/dev/null
configuration=${BENCH_CONFIGURATION:-Release}
[[ -n ${BENCH_NO_BUILD:-} ]] || dotnet build "$root/bench/Beacon.Bench" -c "$configuration" --nologo -v quiet >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
if [[ ${BEACON_BENCH_DB:-sqlite} == postgres ]]; then
  [[ -n ${PGPORT:-} ]] || { echo "BEACON_BENCH_DB=postgres: run under scripts/with-postgres.sh (no PGPORT)." >&2; exit 2; }
  psql=$(command -v psql || printf '%s\n' /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)
  dbname="beacon_bench_$(openssl rand -hex 6)"
  "$psql" -qX -d postgres -c "CREATE DATABASE $dbname" -c "ALTER SYSTEM SET fsync = on" \
    -c "ALTER SYSTEM SET synchronous_commit = on" -c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
  echo "PostgreSQL $("$psql" -qXAt -d postgres -c "SHOW server_version") on $PGHOST:$PGPORT, database $dbname:" \
    "fsync $("$psql" -qXAt -d postgres -c "SHOW fsync"), synchronous_commit $("$psql" -qXAt -d postgres -c "SHOW synchronous_commit")"
  database=(--Beacon:Database:Provider Postgres --Beacon:Database:ConnectionString "Host=$PGHOST;Port=$PGPORT;Username=${PGUSER:-postgres};Database=$dbname")
else
  db="$out/beacon.db"
  database=(--Beacon:Database:Provider Sqlite --Beacon:Database:ConnectionString "Data Source=$db")
fi
kek=$(openssl rand -base64 32)
# The server's settings, the same for load-check: the limits meant for one visitor's address are lifted (every
# request here comes from 127.0.0.1) and the retention purge is off so that it does not write during the run.
settings=("${database[@]}"
  --Beacon:KeyEncryptionKey "$kek" --Beacon:RateLimits:SignInPerMinute 1000 --Beacon:RateLimits:TipsPerHour 1000000
  --Beacon:Retention:Enabled false)

start_beacon() {
  # From the published folder, as a service runs (its appsettings.json: without it every SQL command is logged).
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet beacon.dll --urls "$url" "${settings[@]}" >>"$out/log" 2>&1) &
  pid=$!
  local deadline=$((SECONDS + ${BEACON_READY_SECONDS:-120}))
  until curl -fs "$url/health/ready" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { cat "$out/log"; exit 1; }
    if ((SECONDS > deadline)); then
      echo "Beacon did not answer ready within ${BEACON_READY_SECONDS:-120} s; its log:" >&2
      cat "$out/log" >&2
      exit 1
    fi
    sleep 0.1
  done
}

bench() { dotnet "$root/bench/Beacon.Bench/bin/$configuration/net10.0/Beacon.Bench.dll" "$@"; }

start_beacon
kill $pid; wait $pid 2>/dev/null || true
(cd "$app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet beacon.dll seed-demo --yes-demo-data "${settings[@]}") >"$out/accounts" 2>>"$out/log"
line=$(grep -m1 -E '^placer-[a-z]+-caseworker1@' "$out/accounts")
account=(--email "$(awk '{print $1}' <<<"$line")" --password "$(sed -E 's/.*password: ([^ ]+).*/\1/' <<<"$line")"
  --key "$(sed -E 's/.*key: (.*)$/\1/' <<<"$line")")
