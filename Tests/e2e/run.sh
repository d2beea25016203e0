#!/bin/bash
# Runs the tmux end-to-end scenarios against a built casebench binary:
#
#   bash Tests/e2e/run.sh .build/debug/casebench [SCENARIO...]
#
# Builds nothing. Runs every Tests/e2e/scenarios/NN-*.sh (or only those whose names contain one
# of the SCENARIO words), each in its own bash process with its own tmux server and temporary
# HOME / XDG_DATA_HOME. Every check prints PASS: or FAIL:; a scenario that dies or hangs (each
# has SCENARIO_TIMEOUT seconds, default 120) counts as one more failure. The last line is
# "N passed, M failed"; the exit status is non-zero if anything failed or nothing ran.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-}"
if [ -z "$bin" ]; then
  echo "usage: bash Tests/e2e/run.sh PATH-TO-casebench [SCENARIO...]" >&2
  exit 2
fi
shift
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
if [ ! -x "$bin" ]; then
  echo "run.sh: no executable at $bin (build it first: swift build)" >&2
  exit 2
fi

missing=()
for tool in tmux python3 timeout setsid flock; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "run.sh: missing ${missing[*]} (the end-to-end tests need tmux, python3, coreutils and util-linux)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

results="$(mktemp "${TMPDIR:-/tmp}/casebench-e2e-results.XXXXXX")"
trap 'rm -f "$results"' EXIT
export E2E_RESULTS="$results"
export CASEBENCH="$bin"
scenario_timeout="${SCENARIO_TIMEOUT:-120}"

selected() {
  local name="$1" word
  shift
  [ $# -eq 0 ] && return 0
  for word in "$@"; do
    case "$name" in *"$word"*) return 0 ;; esac
  done
  return 1
}

count() {
  grep -c "^$1:" "$results" || true
}

started=$(date +%s)
ran=0
for script in "$here"/scenarios/[0-9]*.sh; do
  [ -e "$script" ] || continue
  name="$(basename "$script" .sh)"
  selected "$name" "$@" || continue
  ran=$((ran + 1))
  echo "== $name"
  failed_before=$(count FAIL)
  t0=$(date +%s)
  timeout -k 5 "$scenario_timeout" bash "$script" "$bin"
  status=$?
  if [ "$status" -ne 0 ] && [ "$(count FAIL)" -eq "$failed_before" ]; then
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
      why="timed out after ${scenario_timeout}s"
    else
      why="exited with status $status"
    fi
    echo "FAIL: $name $why" | tee -a "$results"
  fi
  echo "   ($name: $(($(date +%s) - t0))s)"
done

passed=$(count PASS)
failed=$(count FAIL)
if [ "$ran" -eq 0 ]; then
  echo "FAIL: no scenario matched: $*" | tee -a "$results"
  failed=$(count FAIL)
fi
echo "== $ran scenarios in $(($(date +%s) - started))s"
if [ "$failed" -gt 0 ]; then
  echo "failed checks:"
  grep '^FAIL:' "$results" | sed 's/^/  /'
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
