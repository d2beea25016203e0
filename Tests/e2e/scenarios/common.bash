# shellcheck shell=bash
# Shared set-up for the scenario scripts (sourced, not run: run.sh runs only *.sh here).
#
# Gives every scenario: the tmux harness (../lib.sh), BIN (absolute path of the binary under
# test, from $CASEBENCH or $1), a private temporary directory SCRATCH with HOME and
# XDG_DATA_HOME inside it (nothing touches the real home), a UTF-8 locale, and helpers for
# reading the session JSON. Cleans everything up on exit.

E2E_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
. "$E2E_HERE/../lib.sh"

BIN="${CASEBENCH:-${1:-}}"
if [ -z "$BIN" ] || [ ! -x "$BIN" ]; then
  echo "usage: $0 PATH-TO-casebench   (or set CASEBENCH)" >&2
  exit 2
fi
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/casebench-e2e-scratch.XXXXXX")"
trap 'e2e_cleanup; rm -rf "$SCRATCH"' EXIT
# A signal (e.g. run.sh's timeout) ends the script through the EXIT trap, so the tmux server
# and the programs in it do not outlive it.
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

# The tmux server inherits this environment, and so does every program it starts.
export HOME="$SCRATCH/home"
export XDG_DATA_HOME="$SCRATCH/xdg"
export XDG_CONFIG_HOME="$SCRATCH/config"
export LANG=C.UTF-8
unset LC_ALL LC_CTYPE NO_COLOR EDITOR VISUAL
export SWIFT_BACKTRACE=interactive=no
mkdir -p "$HOME" "$XDG_DATA_HOME"

# e2e_new_session FILE NAME : creates a session file with `casebench new` (no terminal needed).
e2e_new_session() {
  "$BIN" new --name "$2" --out "$1" >/dev/null
}

# json_get FILE EXPR : prints the Python expression EXPR evaluated with `d` bound to the parsed
# JSON file (strings printed as they are, anything else as JSON). Fails if the file does not
# parse or the expression raises (e.g. a missing key).
json_get() {
  python3 - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    d = json.load(f)
v = eval(sys.argv[2], {"d": d})
print(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
PY
}

# json_is FILE EXPR EXPECTED : json_get equals EXPECTED exactly; says what it found otherwise.
json_is() {
  local got
  got=$(json_get "$1" "$2" 2>&1) || {
    echo "json_is: $2 in $1: $got" >&2
    return 1
  }
  if [ "$got" = "$3" ]; then return 0; fi
  echo "json_is: $2 in $1 is '$got', want '$3'" >&2
  return 1
}

# screen_has TEXT : TEXT is on the screen now (no waiting).
screen_has() {
  e2e_screen | grep -qF -- "$1"
}

# status_is N : the program exited with status N (says what it was otherwise).
status_is() {
  local got
  got=$(e2e_exit_status)
  if [ "$got" = "$1" ]; then return 0; fi
  echo "exit status is '$got', want '$1'" >&2
  return 1
}

# file_mode_is FILE MODE : e.g. file_mode_is F 600.
file_mode_is() {
  local got
  got=$(stat -c %a "$1" 2>/dev/null) || {
    echo "file_mode_is: no file $1" >&2
    return 1
  }
  if [ "$got" = "$2" ]; then return 0; fi
  echo "file_mode_is: $1 has mode $got, want $2" >&2
  return 1
}

# wait_until SECS CMD... : polls CMD every 0.1 s until it succeeds; fails after SECS seconds.
wait_until() {
  local timeout="$1" deadline
  shift
  deadline=$(($(e2e_now_ms) + timeout * 1000))
  until "$@" 2>/dev/null; do
    if [ "$(e2e_now_ms)" -ge "$deadline" ]; then
      echo "wait_until: still failing after ${timeout}s: $*" >&2
      "$@" || true
      return 1
    fi
    sleep 0.1
  done
}

# scenario_end : the scenario's exit status (non-zero if any of its checks failed). The runner
# prints the totals, so scenarios do not print their own summary line.
scenario_end() {
  [ "$E2E_FAILED" -eq 0 ]
}

# not CMD... : succeeds when CMD fails (for e2e_check).
not() {
  ! "$@"
}
