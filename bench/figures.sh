#!/usr/bin/env bash
# The task-force dashboards on a seeded database (issue 8): starts Beacon (Release) on it and times each dashboard
# and export over HTTP, next to the hand-written SQL GROUP BY that is their floor (bench/Beacon.Bench/Figures).
#
#   SQLite:     bench/figures.sh sqlite   <database file> <accounts file> [runs]
#   PostgreSQL: bench/figures.sh postgres <connection string> <accounts file> [runs]   (Beacon__KeyEncryptionKey set)
#
# The database comes from `beacon seed-demo --screenings 1000000 --yes-demo-data`, pointed at it; <accounts file> is
# what that command printed (the task-force analyst's password and authenticator key are read from it). The first
# view publishes the quarter's release (it is deleted first, so that time is measured too).
set -euo pipefail
provider=$1 target=$2 accounts=$3 runs=${4:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$out"' EXIT
dotnet publish "$root/src/Beacon.Web" -c Release -o "$out/app" --nologo -v quiet >/dev/null
dotnet build "$root/bench/Beacon.Bench" -c Release --nologo -v quiet >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
line=$(grep -m1 'placer-task-force-analyst@' "$accounts")
email=$(awk '{print $1}' <<<"$line")
password=$(sed -E 's/.*password: ([^ ]+).*/\1/' <<<"$line")
key=$(sed -E 's/.*key: (.*)$/\1/' <<<"$line")

if [[ $provider == sqlite ]]; then
  connection="Data Source=$target"
  settings=(--Beacon:Database:Provider Sqlite --Beacon:Database:ConnectionString "$connection"
    --Beacon:KeyEncryptionKeyFile "${target%.db}.kek")
else
  connection=$target
  settings=(--Beacon:Database:Provider Postgres --Beacon:Database:ConnectionString "$connection")
fi

ASPNETCORE_ENVIRONMENT=Production dotnet "$out/app/beacon.dll" --urls "http://127.0.0.1:$port" \
  --Beacon:RateLimits:SignInPerMinute 1000 --Beacon:Retention:Enabled false "${settings[@]}" >"$out/log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { cat "$out/log"; exit 1; }
  sleep 0.1
done

dotnet run -c Release --no-build --project "$root/bench/Beacon.Bench" -- figures --url "http://127.0.0.1:$port" \
  --email "$email" --password "$password" --key "$key" --provider "$provider" --connection "$connection" --runs "$runs"
