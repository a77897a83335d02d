#!/usr/bin/env bash
# Beacon's one test command (the README names it; .ci/run runs it and nothing else).
#
#   1. installs the Debian packages the tests need when they are missing (as root only):
#      chromium (browser tests) and postgresql (the PostgreSQL pass);
#   2. restores the local dotnet tools when they are not restored yet;
#   3. builds Beacon.slnx once (warnings are errors, see Directory.Build.props);
#   4. pass 1: every test project in Beacon.slnx, on SQLite;
#   5. pass 2: the data tests (Category=Data) again, on a throwaway PostgreSQL cluster of its own
#      (scripts/with-postgres.sh), removed afterwards;
#   6. the crash check (bench/crash-ci.sh, about 30 s): Beacon as built in step 3 under 10 s of mixed load, killed
#      with SIGKILL half-way and restarted; every acknowledged write must be there and the audit chain verify.
#      Skipped when BEACON_TEST_FILTER is set.
#
# The last line is "N passed, N failed, N skipped", summed over both passes. The exit code is
# non-zero on a build failure, a failed test, a PostgreSQL failure, or when no test ran at all.
#
# Optional: BEACON_TEST_FILTER narrows both passes (dotnet test --filter syntax, for example
# "FullyQualifiedName~SignIn"); BEACON_TEST_VERBOSITY=normal lists every test (default minimal).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off # plain lines, so that the summaries can be read back from the logs
# The test hosts watch files (configuration, static-file versions); each watcher is an inotify instance, and a
# user may hold 128 of them across every process. Many hosts in one run (and other work on the machine) reached
# that limit; polling needs none.
export DOTNET_USE_POLLING_FILE_WATCHER=1
unset BEACON_TEST_PROVIDER BEACON_TEST_POSTGRES # pass 1 is SQLite whatever the caller's shell holds

configuration=Debug
filter=${BEACON_TEST_FILTER:-}
verbosity=${BEACON_TEST_VERBOSITY:-minimal}

say() { printf '\n==> %s\n' "$*"; }

# --- 1. System packages -------------------------------------------------------------------------
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || [[ -n ${PG_BIN:-} ]] || missing+=(postgresql)
# The crash check (bench/crash-ci.sh) drives a real server with these.
for tool in curl openssl python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]} > 0)); then
  if [[ $EUID -ne 0 ]]; then
    echo "test.sh: missing Debian packages: ${missing[*]}." >&2
    echo "Install them (sudo apt-get install ${missing[*]}) or run ./test.sh as root, which installs them." >&2
    exit 1
  fi
  command -v apt-get >/dev/null || { echo "test.sh: missing ${missing[*]}, and no apt-get to install them." >&2; exit 1; }
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y "${missing[@]}"
fi

# --- 2. Local dotnet tools (dotnet-tools.json) ---------------------------------------------------
tools_restored() {
  local id version packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
  while read -r id version; do
    [[ -d $packages/${id,,}/$version ]] || return 1
  done < <(awk -F'"' '/"[^"]+": *\{/ && $2 != "tools" { id = $2 } /"version"/ && id != "" { print id, $4; id = "" }' dotnet-tools.json)
}
if ! tools_restored; then
  say "dotnet tool restore"
  dotnet tool restore
fi

# --- 3. Build once -------------------------------------------------------------------------------
say "dotnet build Beacon.slnx -c $configuration"
if ! dotnet build Beacon.slnx -c "$configuration" --nologo; then
  echo
  echo "Build failed: no tests were run."
  echo "0 passed, 0 failed"
  exit 1
fi

# --- 4 and 5. Test passes ------------------------------------------------------------------------
logs=$(mktemp -d "${TMPDIR:-/tmp}/beacon-test.XXXXXX")
trap 'rm -rf "$logs"' EXIT
# Ctrl-C stops the whole run (after the interrupted pass has wound down), not just the current pass.
trap 'echo; echo "test.sh: interrupted."; exit 130' INT
trap 'echo; echo "test.sh: terminated."; exit 143' TERM

test_args=(--no-build -c "$configuration" --logger "console;verbosity=$verbosity"
  --blame-hang-timeout 5m --blame-hang-dump-type none --results-directory "$logs/results")

# The runners' own summary lines ("Passed!  - Failed: 0, Passed: 3, Skipped: 0, Total: 3, ..."), one per test assembly.
summaries() { sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | grep -E '^ *[A-Za-z]+! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+, +Total: +[0-9]+' || true; }
# "passed failed skipped total" summed over the summary lines of one log.
count() {
  summaries "$1" | sed -E 's/.*Failed: +([0-9]+), +Passed: +([0-9]+), +Skipped: +([0-9]+), +Total: +([0-9]+).*/\2 \1 \3 \4/' |
    awk '{ p += $1; f += $2; s += $3; t += $4 } END { printf "%d %d %d %d\n", p, f, s, t }'
}

problems=()

say "Pass 1 of 2: all tests in Beacon.slnx on SQLite${filter:+ (filter: $filter)}"
if dotnet test Beacon.slnx "${test_args[@]}" ${filter:+--filter "$filter"} 2>&1 | tee "$logs/sqlite.log"; then
  :
else
  problems+=("pass 1 (SQLite): dotnet test exited with code $?")
fi

data_filter="Category=Data${filter:+&($filter)}"
say "Pass 2 of 2: data tests on PostgreSQL (filter: $data_filter)"
if scripts/with-postgres.sh dotnet test tests/Beacon.Web.Tests "${test_args[@]}" --filter "$data_filter" 2>&1 |
  tee "$logs/postgres.log"; then
  :
else
  problems+=("pass 2 (PostgreSQL): exited with code $?")
fi

if [[ -z $filter ]]; then
  say "Crash check: bench/crash-ci.sh (SIGKILL under load, then every acknowledged write checked)"
  if BEACON_APP=src/Beacon.Web/bin/$configuration/net10.0 BENCH_CONFIGURATION=$configuration BENCH_NO_BUILD=1 \
    bench/crash-ci.sh 2>&1 | tee "$logs/crash.log"; then
    :
  else
    problems+=("crash check (bench/crash-ci.sh): exited with code $?")
  fi
fi

read -r p1 f1 s1 t1 < <(count "$logs/sqlite.log")
read -r p2 f2 s2 t2 < <(count "$logs/postgres.log")
((t2 > 0)) || problems+=("pass 2 (PostgreSQL) ran no tests")
passed=$((p1 + p2)) failed=$((f1 + f2)) skipped=$((s1 + s2)) total=$((t1 + t2))
((total > 0)) || problems+=("no tests ran at all")

say "Summary"
summaries "$logs/sqlite.log" | sed -E 's/^ */SQLite:     /'
summaries "$logs/postgres.log" | sed -E 's/^ */PostgreSQL: /'
[[ -n $filter ]] || grep -E '^Check passed' "$logs/crash.log" | sed -E 's/^/Crash:      /' || true
for problem in ${problems[@]+"${problems[@]}"}; do
  echo "FAILED: $problem"
done
echo "$passed passed, $failed failed, $skipped skipped"
((${#problems[@]} == 0 && failed == 0))
