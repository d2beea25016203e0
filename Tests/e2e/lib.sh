# shellcheck shell=bash
# casebench end-to-end test harness: drives a program inside a private, detached tmux server.
# Source it from a scenario script (bash):   . "$(dirname "$0")/lib.sh"
# Works with no tty and TERM unset (as CI runs), and under `set -euo pipefail`.
# See README.md in this directory.

E2E_SOCKET="casebench-e2e-$$"
E2E_SESSION=""                     # the session the other functions act on (last e2e_start)
E2E_TIMEOUT="${E2E_TIMEOUT:-10}"   # default seconds for the e2e_wait_* functions
E2E_PASSED=0
E2E_FAILED=0
E2E_RESULTS="${E2E_RESULTS:-}"     # optional file: one "PASS ..."/"FAIL ..." line per check
E2E_DIR="$(mktemp -d "${TMPDIR:-/tmp}/casebench-e2e.XXXXXX")"   # exit-status files; removed on exit

# tmux on the private socket, ignoring every user configuration file.
e2e_tmux() {
  tmux -L "$E2E_SOCKET" -f /dev/null "$@"
}

# e2e_start NAME CMD [WIDTH HEIGHT]
# Starts CMD (a shell command line, run by bash) in a new detached session NAME of WIDTH x HEIGHT
# (default 80x24) with TERM=xterm-256color and SWIFT_BACKTRACE=interactive=no. CMD may begin
# with VAR=value words to override them (e.g. "TERM=vt100 NO_COLOR=1 ./casebench").
#
# CMD runs under a small bash wrapper that records its exit status in a file and then keeps the
# pane open without touching the terminal. So after the program exits the screen still shows
# what it left behind, and #{alternate_on} / #{cursor_flag} describe the program's restore (tmux
# 3.3 hides the cursor and scrolls the screen of a *dead* pane, so remain-on-exit alone cannot
# tell). The wrapper ignores nothing: it only catches INT/QUIT (so it survives a Ctrl-C meant
# for the program); the program starts with default signal handling.
e2e_start() {
  local name="$1" cmd="$2" width="${3:-80}" height="${4:-24}"
  E2E_SESSION="$name"
  e2e_tmux kill-session -t "=$name" 2>/dev/null || true   # reusing a name replaces the session
  rm -f "$(e2e_status_file)"
  # shellcheck disable=SC2016
  local wrapper='trap : INT QUIT; eval "$1"; status=$?; echo "$status" >"$2.tmp" && mv "$2.tmp" "$2"; exec sleep 86400'
  e2e_tmux start-server \; \
    set-option -g remain-on-exit on \; \
    new-session -d -s "$name" -x "$width" -y "$height" \
    env TERM=xterm-256color SWIFT_BACKTRACE=interactive=no \
    bash -c "$wrapper" e2e-wrapper "$cmd" "$(e2e_status_file)"
}

e2e_status_file() {
  echo "$E2E_DIR/$E2E_SESSION.status"
}

# e2e_keys KEY... : tmux key names (Enter, Escape, Tab, BTab, Up, PageDown, C-c, F5, q, ...).
e2e_keys() {
  e2e_tmux send-keys -t "$E2E_SESSION" "$@"
}

# e2e_type TEXT : types TEXT literally (UTF-8 included), no key-name lookup.
e2e_type() {
  e2e_tmux send-keys -t "$E2E_SESSION" -l -- "$1"
}

# e2e_paste TEXT : pastes TEXT as a terminal paste (bracketed when the program asked for it).
e2e_paste() {
  e2e_tmux set-buffer -b e2e -- "$1" && e2e_tmux paste-buffer -p -d -b e2e -t "$E2E_SESSION"
}

# e2e_screen : prints the visible screen (trailing spaces trimmed by tmux).
e2e_screen() {
  e2e_tmux capture-pane -p -t "$E2E_SESSION"
}

# e2e_format FORMAT : prints a tmux format for the pane, e.g. '#{cursor_x}'.
e2e_format() {
  e2e_tmux display-message -p -t "$E2E_SESSION" "$1"
}

e2e_now_ms() {
  local s ns
  read -r s ns < <(date '+%s %N')
  echo $((s * 1000 + 10#$ns / 1000000))
}

e2e_dump() {
  {
    echo "---- screen of '$E2E_SESSION' ($(e2e_format '#{pane_width}x#{pane_height}')) ----"
    e2e_screen
    echo "------------------------------------------------------------"
  } >&2
}

# e2e_wait_for TEXT [TIMEOUT] : waits until TEXT (fixed string) is on screen. On timeout, or if
# the program exits without showing it, prints the screen to stderr and returns 1.
e2e_wait_for() {
  local text="$1" timeout="${2:-$E2E_TIMEOUT}" deadline
  deadline=$(($(e2e_now_ms) + timeout * 1000))
  while :; do
    if e2e_screen | grep -qF -- "$text"; then return 0; fi
    if e2e_exited; then
      echo "e2e_wait_for: program exited (status $(e2e_exit_status)) before showing: $text" >&2
      e2e_dump
      return 1
    fi
    if [ "$(e2e_now_ms)" -ge "$deadline" ]; then
      echo "e2e_wait_for: timed out after ${timeout}s waiting for: $text" >&2
      e2e_dump
      return 1
    fi
    sleep 0.1
  done
}

# e2e_wait_gone TEXT [TIMEOUT] : waits until TEXT is no longer on screen.
e2e_wait_gone() {
  local text="$1" timeout="${2:-$E2E_TIMEOUT}" deadline
  deadline=$(($(e2e_now_ms) + timeout * 1000))
  while e2e_screen | grep -qF -- "$text"; do
    if [ "$(e2e_now_ms)" -ge "$deadline" ]; then
      echo "e2e_wait_gone: timed out after ${timeout}s; still on screen: $text" >&2
      e2e_dump
      return 1
    fi
    sleep 0.1
  done
}

# e2e_resize WIDTH HEIGHT : resizes the window (the program gets SIGWINCH).
e2e_resize() {
  e2e_tmux resize-window -t "$E2E_SESSION" -x "$1" -y "$2"
}

# e2e_pid : the program's process id (the wrapper's child). Empty once the program has exited.
e2e_pid() {
  local wrapper
  wrapper=$(e2e_format '#{pane_pid}')
  if command -v pgrep >/dev/null 2>&1; then
    pgrep -P "$wrapper" | head -n 1 || true
  else
    tr ' ' '\n' <"/proc/$wrapper/task/$wrapper/children" 2>/dev/null | grep . | head -n 1 || true
  fi
}

# e2e_exited : succeeds once the program has exited.
e2e_exited() {
  [ -f "$(e2e_status_file)" ]
}

# e2e_signal SIG : sends SIG (TERM, HUP, INT, ...) to the program.
e2e_signal() {
  local pid
  pid=$(e2e_pid)
  if [ -z "$pid" ]; then
    echo "e2e_signal: no program running in '$E2E_SESSION'" >&2
    return 1
  fi
  kill -s "$1" "$pid"
}

# e2e_wait_exit [TIMEOUT] : waits until the program has exited.
e2e_wait_exit() {
  local timeout="${1:-$E2E_TIMEOUT}" deadline
  deadline=$(($(e2e_now_ms) + timeout * 1000))
  until e2e_exited; do
    if [ "$(e2e_now_ms)" -ge "$deadline" ]; then
      echo "e2e_wait_exit: program still running after ${timeout}s" >&2
      e2e_dump
      return 1
    fi
    sleep 0.1
  done
}

# e2e_exit_status : the exit status of the exited program (128+N when killed by signal N).
e2e_exit_status() {
  cat "$(e2e_status_file)" 2>/dev/null || true
}

# e2e_assert_restored : after the program exited, the terminal must be back on the main screen
# with the cursor visible. Returns 1 (and says why) otherwise.
e2e_assert_restored() {
  local alt cursor
  alt=$(e2e_format '#{alternate_on}')
  cursor=$(e2e_format '#{cursor_flag}')
  if [ "$alt" = 0 ] && [ "$cursor" = 1 ]; then return 0; fi
  echo "e2e_assert_restored: alternate_on=$alt (want 0), cursor_flag=$cursor (want 1)" >&2
  e2e_dump
  return 1
}

# e2e_pass MESSAGE / e2e_fail MESSAGE : record a result and print one clear line.
e2e_pass() {
  E2E_PASSED=$((E2E_PASSED + 1))
  echo "PASS: $*"
  if [ -n "$E2E_RESULTS" ]; then echo "PASS: $*" >>"$E2E_RESULTS"; fi
}

e2e_fail() {
  E2E_FAILED=$((E2E_FAILED + 1))
  echo "FAIL: $*"
  if [ -n "$E2E_RESULTS" ]; then echo "FAIL: $*" >>"$E2E_RESULTS"; fi
}

# e2e_check MESSAGE COMMAND [ARG...] : runs the command; passes if it succeeds.
e2e_check() {
  local message="$1"
  shift
  if "$@"; then e2e_pass "$message"; else e2e_fail "$message"; fi
}

# e2e_summary : prints "N passed, M failed"; returns 1 if anything failed.
e2e_summary() {
  echo "$E2E_PASSED passed, $E2E_FAILED failed"
  [ "$E2E_FAILED" -eq 0 ]
}

# e2e_cleanup : kills the private tmux server (and every program in it). Runs on exit.
e2e_cleanup() {
  local socket
  socket=$(e2e_tmux display-message -p '#{socket_path}' 2>/dev/null || true)
  e2e_tmux kill-server 2>/dev/null || true
  if [ -n "$socket" ]; then rm -f "$socket"; fi
  rm -rf "$E2E_DIR"
}

trap e2e_cleanup EXIT
