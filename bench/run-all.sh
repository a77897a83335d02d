#!/usr/bin/env bash
# Every figure of issue 10 in one run (docs/performance.md records them): start-up, memory after load, web throughput
# against the ceiling, screens saved per second on SQLite and PostgreSQL, 60 s of mixed load with its check, the crash
# test, and the backup/restore round trip on SQLite and PostgreSQL. Beacon is published once (Release, ReadyToRun) and
# every script reuses it (BEACON_APP). Prints each script's figures under a heading, and the list of scripts that
# failed at the end; exits non-zero if any did. Takes about 15 minutes on 2 cores. Run it on a quiet machine: the
# figures are only as good as the machine is idle (the load average is printed before and after each script).
#
#   bench/run-all.sh [log file]        (default: bench-<date>.log in the current folder; the output is also shown)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log=${1:-$PWD/bench-$(date +%Y%m%d-%H%M%S).log}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BEACON_APP=$work/app
dotnet publish "$root/src/Beacon.Web" -c Release -o "$BEACON_APP" --nologo -v quiet >/dev/null
dotnet build "$root/bench/Beacon.Bench" -c Release --nologo -v quiet >/dev/null
export BENCH_NO_BUILD=1

failed=()
run() {
  local title=$1
  shift
  printf '\n## %s\n$ %s\nload average before: %s\n' "$title" "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"
  if ! "$@"; then
    failed+=("$title")
  fi
}

{
  echo "# Beacon figures, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(git -C "$root" rev-parse --short HEAD)"
  run "Start-up" "$root/bench/startup.sh" 5
  run "Memory after load" "$root/bench/memory.sh" 20000 8
  run "Web throughput" "$root/bench/web.sh" 10 64
  run "Writes: screens saved per second" "$root/bench/writes.sh" 30
  run "Mixed load, 60 s, then the check" "$root/bench/load.sh" 60 mixed 8
  run "Crash: SIGKILL under load, then the check" "$root/bench/crash.sh" 60 8
  run "Backup and restore, SQLite" "$root/bench/backup.sh" sqlite 100000
  run "Backup and restore, PostgreSQL" "$root/bench/backup.sh" postgres 100000
  echo
  if ((${#failed[@]} > 0)); then
    printf 'FAILED: %s\n' "${failed[@]}"
  else
    echo "Every script finished."
  fi
} 2>&1 | tee "$log"
echo "Written to $log"
! grep -q '^FAILED: ' "$log"
