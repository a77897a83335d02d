#!/usr/bin/env bash
# Resident memory of one Beacon process on a fresh SQLite file: once ready, after a bounded load over the public pages
# (every public page the home, Learn, training and task-force pages link to, English and Spanish in turn), and again
# after the load. Usage: bench/memory.sh [requests] [connections]   (default 2000 and 8; BEACON_APP as in startup.sh)
# The load is wrk (Debian's package; it prints its figures) when installed, otherwise curl, one request at a time;
# either way it stops after the given number of requests or 120 s. Left out: sign-out, the language switch, quizzes,
# calendar files and /verify (a certificate check, rate-limited per address by design: the load would measure 429s).
set -euo pipefail
requests=${1:-2000}
connections=${2:-8}
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/lib/beacon.sh"
out=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$out"' EXIT
publish_beacon "$out"
port=$(free_port)
base="http://127.0.0.1:$port"

start_beacon "$out/beacon.db" "$port" "$out/log"
wait_ready "$port" "$out/log"
memory_line "ready"

# The public pages: a fixed set, plus what the index pages link to; only those answering 200 are kept.
links() { curl -fs "$base$1" | grep -o 'href="/[^/"][^"]*"' | sed -E 's/^href="//; s/"$//; s/&amp;/\&/g' || true; }
{
  printf '%s\n' / /learn /training /task-force /report /tip /check /sheet /county /account/sign-in \
    "/learn/search?q=phone" /error
  for page in / /learn /training /task-force; do links "$page"; done
  for course in $(links /training | grep -E '^/training/[^/?]+$' | sort -u); do links "$course"; done
} | grep -v -E '^/(account/sign-out|language|verify)|^/training/[^/]+/quiz|\.ics$' | sort -u >"$out/candidates"
while read -r path; do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$base$path") == 200 ]] && echo "$path"
done <"$out/candidates" >"$out/paths"
echo "load: $requests requests over $(wc -l <"$out/paths") public pages, $connections connections"
memory_line "after one request to each page"

if command -v wrk >/dev/null; then
  PATHS_FILE="$out/paths" REQUESTS=$requests DONE_FILE="$out/done" wrk -t1 -c"$connections" -d120s --latency \
    -s "$root/bench/lib/public-pages.lua" "$base" >"$out/wrk" &
  wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null && [[ ! -e $out/done ]]; do sleep 0.05; done
  kill -INT "$wrk_pid" 2>/dev/null || true # wrk stops on SIGINT and prints its figures for the time it ran
  wait "$wrk_pid" || true
  grep -v -E '^Running|^ *[0-9]+ threads and' "$out/wrk" | sed 's/^/  /'
else
  mapfile -t paths <"$out/paths"
  start=$(date +%s%N); failed=0; deadline=$(( $(date +%s) + 120 ))
  for ((i = 0; i < requests && $(date +%s) < deadline; i++)); do
    curl -fs -o /dev/null "$base${paths[i % ${#paths[@]}]}" || failed=$((failed + 1))
  done
  echo "  curl: $i requests in $(( ($(date +%s%N) - start) / 1000000 )) ms, $failed failed"
fi
memory_line "after the load"
sleep 5
memory_line "5 s later"
stop_beacon
echo "load average when done: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
