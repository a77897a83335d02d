#!/usr/bin/env bash
# Start-up time: from process start to /health/ready answering 200, on a fresh SQLite file (first
# start: migrations + reference data) and again on the same file (warm start). Prints each run and
# the median. Usage: bench/startup.sh [runs]   (default 5)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish "$root/src/Beacon.Web" -c Release -o "$out/app" --nologo -v quiet >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

measure() { # $1 = database file
  local start end pid
  start=$(date +%s%N)
  dotnet "$out/app/beacon.dll" --urls "http://127.0.0.1:$port" \
    --Beacon:Database:ConnectionString "Data Source=$1" >"$out/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { cat "$out/log"; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cold=(); warm=()
for i in $(seq "$runs"); do
  db="$out/beacon-$i.db"
  cold+=("$(measure "$db")")
  warm+=("$(measure "$db")")
  echo "run $i: first start ${cold[-1]} ms, warm start ${warm[-1]} ms"
done
echo "median first start (migrate + seed): $(printf '%s\n' "${cold[@]}" | median) ms"
echo "median warm start: $(printf '%s\n' "${warm[@]}" | median) ms"
