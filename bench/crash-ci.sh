#!/usr/bin/env bash
# The bounded crash test for CI: 10 seconds of mixed load with one SIGKILL of Beacon at 5 s, then the check
# (bench/crash.sh). Exit 0 only when every acknowledged write survived and the audit chain verifies.
set -euo pipefail
exec "$(dirname "$0")/crash.sh" 10 4
