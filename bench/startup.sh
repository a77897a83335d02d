#!/usr/bin/env bash
# Start-up time: from process start to /health/ready answering 200, on a fresh SQLite file (first start: migrations +
# reference data) and again on the same file (warm start), with the CPU time spent and the resident memory once ready.
# Prints each run and the medians. Usage: bench/startup.sh [runs]   (default 5; BEACON_APP=<published folder> measures that build instead)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib/beacon.sh"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
publish_beacon "$out"
port=$(free_port)

measure() { # $1 = database file; prints "ms rss_mib cpu_ms"
  local start end rss cpu
  start=$(date +%s%N)
  start_beacon "$1" "$port" "$out/log"
  wait_ready "$port" "$out/log"
  end=$(date +%s%N)
  rss=$(awk '/^VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  # CPU time (user + system, every thread) until ready: less sensitive than the wall time to other work on the machine.
  cpu=$(awk -v tck="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tck)}' "/proc/$pid/stat")
  stop_beacon
  echo "$(( (end - start) / 1000000 )) $rss $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cold=(); warm=(); rss=(); cold_cpu=(); warm_cpu=()
for i in $(seq "$runs"); do
  db="$out/beacon-$i.db"
  read -r ms mib cpu < <(measure "$db"); cold+=("$ms"); rss+=("$mib"); cold_cpu+=("$cpu")
  read -r ms mib cpu < <(measure "$db"); warm+=("$ms"); rss+=("$mib"); warm_cpu+=("$cpu")
  echo "run $i: first start ${cold[-1]} ms (CPU ${cold_cpu[-1]} ms, VmRSS ${rss[-2]} MiB)," \
    "warm start ${warm[-1]} ms (CPU ${warm_cpu[-1]} ms, VmRSS ${rss[-1]} MiB)"
done
echo "median first start (migrate + seed): $(printf '%s\n' "${cold[@]}" | median) ms (CPU $(printf '%s\n' "${cold_cpu[@]}" | median) ms)"
echo "median warm start: $(printf '%s\n' "${warm[@]}" | median) ms (CPU $(printf '%s\n' "${warm_cpu[@]}" | median) ms)"
echo "median VmRSS once ready: $(printf '%s\n' "${rss[@]}" | median) MiB"
echo "load average when done: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
