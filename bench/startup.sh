#!/usr/bin/env bash
# Start-up time: from process start to /health/ready answering 200, on a fresh SQLite file (first start: migrations +
# reference data) and again on the same file (warm start), with the resident memory once ready. Prints each run and
# the medians. Usage: bench/startup.sh [runs]   (default 5; BEACON_APP=<published folder> measures that build instead)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib/beacon.sh"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
publish_beacon "$out"
port=$(free_port)

measure() { # $1 = database file; prints "ms rss_mib"
  local start end rss
  start=$(date +%s%N)
  start_beacon "$1" "$port" "$out/log"
  wait_ready "$port" "$out/log"
  end=$(date +%s%N)
  rss=$(awk '/^VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  stop_beacon
  echo "$(( (end - start) / 1000000 )) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cold=(); warm=(); rss=()
for i in $(seq "$runs"); do
  db="$out/beacon-$i.db"
  read -r ms mib < <(measure "$db"); cold+=("$ms"); rss+=("$mib")
  read -r ms mib < <(measure "$db"); warm+=("$ms"); rss+=("$mib")
  echo "run $i: first start ${cold[-1]} ms (VmRSS ${rss[-2]} MiB), warm start ${warm[-1]} ms (VmRSS ${rss[-1]} MiB)"
done
echo "median first start (migrate + seed): $(printf '%s\n' "${cold[@]}" | median) ms"
echo "median warm start: $(printf '%s\n' "${warm[@]}" | median) ms"
echo "median VmRSS once ready: $(printf '%s\n' "${rss[@]}" | median) MiB"
echo "load average when done: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
