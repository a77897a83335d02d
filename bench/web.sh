#!/usr/bin/env bash
# Web throughput (issue 10): wrk (Debian's package) on loopback against Beacon (Release, published) on a fresh SQLite
# file with the demo data, for each of: a bare endpoint of the same app that answers a constant string through the
# whole middleware pipeline (/bench/ceiling, on only for this: Beacon:BenchmarkCeiling), the home page, a Learn page,
# the public quick check's API (POST JSON) and a signed-in caseworker's case page (an audited read). Each gets a warm-up,
# then a timed run; printed: requests/s, p50 and p99 latency, the ratio to the ceiling, and any answer that was not
# a 2xx. Targets: public pages at least 50% of the ceiling and p99 under 20 ms at 64 connections.
#
#   bench/web.sh [seconds=10] [connections=64] [threads=2]      (BEACON_APP=<dir> reuses a published app)
set -euo pipefail
seconds=${1:-10} connections=${2:-64} threads=${3:-2}
command -v wrk >/dev/null || { echo "bench/web.sh needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
source "$(dirname "$0")/load-lib.sh"
# The ceiling endpoint, and the quick check's per-address limit lifted (every request here comes from 127.0.0.1).
settings+=(--Beacon:BenchmarkCeiling true --Beacon:RateLimits:ScreensPerMinute 1000000000)
start_beacon
signed=$(bench sign-in --url "$url" "${account[@]}")
cookie=$(sed -n 's/^cookie=//p' <<<"$signed")
case_id=$(sed -n 's/^case=//p' <<<"$signed")

# One wrk run; prints "req/s p50-ms p99-ms non-2xx" on one line.
measure() {
  local duration=$1 path=$2
  shift 2
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$@" "$url$path" >"$out/wrk" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad + 0 }' "$out/wrk"
}

targets=(
  "ceiling|/bench/ceiling|"
  "home page|/|"
  "Learn page|/learn/what-is-csec|"
  "quick-check API (POST)|/api/public/screen|-s $root/bench/lib/quick-check.lua"
  "caseworker's case page|/cases/$case_id|-H Cookie:_$cookie"
)
curl -s -o /dev/null "$url/"
age=$(curl -s -o /dev/null -D - "$url/" | grep -ci '^age:' || true)
echo "Web throughput: wrk -t$threads -c$connections, ${seconds} s a target after a 3 s warm-up; home page from the output cache: $([[ $age -gt 0 ]] && echo yes || echo NO)"
printf '%-26s %10s %9s %9s %9s %8s\n' target "req/s" "p50 ms" "p99 ms" "ceiling" "non-2xx"
ceiling=
for target in "${targets[@]}"; do
  IFS='|' read -r name path extra <<<"$target"
  args=()
  if [[ $extra == -H* ]]; then args=(-H "Cookie: $cookie"); elif [[ -n $extra ]]; then read -ra args <<<"$extra"; fi
  measure 3 "$path" "${args[@]}" >/dev/null
  read -r rps p50 p99 bad < <(measure "$seconds" "$path" "${args[@]}")
  ceiling=${ceiling:-$rps}
  printf '%-26s %10s %9s %9s %8s%% %8s\n' "$name" "$rps" "$p50" "$p99" "$(( rps * 100 / ceiling ))" "$bad"
done
echo "load average when done: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
