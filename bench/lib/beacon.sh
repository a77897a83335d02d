# Shared by bench/startup.sh and bench/memory.sh (sourced): publish Beacon as it is deployed, start it, wait for it.

# publish_beacon OUT: `dotnet publish -c Release` (ReadyToRun, see src/Beacon.Web/Beacon.Web.csproj) into OUT/app, or
# use the published folder named by BEACON_APP instead (to measure another build with the same script).
publish_beacon() {
  if [[ -n ${BEACON_APP:-} ]]; then
    app=$(cd "$BEACON_APP" && pwd)
  else
    dotnet publish "$root/src/Beacon.Web" -c Release -o "$1/app" --nologo -v quiet >/dev/null
    app=$1/app
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_beacon DB PORT LOG: runs from the published folder, as a service would (its appsettings.json and wwwroot are
# found there), on the SQLite file DB. Sets pid.
start_beacon() {
  (cd "$app" && exec dotnet beacon.dll --urls "http://127.0.0.1:$2" \
    --Beacon:Database:ConnectionString "Data Source=$1" >"$3" 2>&1) &
  pid=$!
}

# wait_ready PORT LOG: polls /health/ready until it answers 200; stops the script if the process has died.
wait_ready() {
  until curl -fs "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$2"; exit 1; }
    sleep 0.02
  done
}

stop_beacon() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

# memory_line WHEN: resident memory of the process now and at its peak (/proc/<pid>/status), in MiB.
memory_line() {
  awk -v when="$1" '/^VmRSS/ {rss=$2} /^VmHWM/ {hwm=$2} /^RssAnon/ {anon=$2} /^RssFile/ {file=$2} /^RssShmem/ {shm=$2}
    END {printf "%-34s VmRSS %4d MiB  VmHWM %4d MiB  (anonymous %d, files %d, shared %d MiB)\n", when, rss/1024, hwm/1024, anon/1024, file/1024, shm/1024}' \
    "/proc/$pid/status"
}
