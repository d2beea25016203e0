#!/bin/bash
# Scenario 13: the terminal goes away while a note is half typed (the tmux server is killed, as
# when an SSH connection drops or the window closes). casebench must be gone within 3 s without
# spinning the CPU, with the note and the status change saved and the lock free, so the next open
# is read-write. Twice: as started normally (the kernel also sends SIGHUP), and in a session of
# its own (setsid: no SIGHUP, so only end of file / POLLHUP on the terminal tells it), which must
# exit with 129 like SIGHUP.
set -uo pipefail
. "$(dirname "$0")/common.bash"

# cpu_ticks PID : user + system CPU time of PID in clock ticks (1/100 s); empty once it is gone.
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || true
}

# running PID : PID has not exited (a zombie, waiting for its parent to collect its status, has).
running() {
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# gone_within PID SECS LABEL : waits until PID has exited. Passes if that takes at most SECS
# seconds and the process used at most 0.5 s of CPU meanwhile (a spinning loop would use about
# all of it).
gone_within() {
  local pid="$1" secs="$2" label="$3" start now before last
  start=$(e2e_now_ms)
  before=$(cpu_ticks "$pid")
  last="$before"
  while running "$pid"; do
    now=$(cpu_ticks "$pid")
    [ -n "$now" ] && last="$now"
    if [ $(($(e2e_now_ms) - start)) -gt $((secs * 1000)) ]; then
      e2e_fail "$label: still running ${secs}s after the terminal went away (CPU ticks since: $((last - before)))"
      return 1
    fi
    sleep 0.05
  done
  echo "   $label: gone after $(($(e2e_now_ms) - start)) ms, CPU ticks meanwhile: $((last - before))"
  e2e_pass "$label: gone within ${secs}s of the terminal going away"
  if [ $((last - before)) -le 50 ]; then
    e2e_pass "$label: did not spin the CPU ($((last - before)) ticks)"
  else
    e2e_fail "$label: used $((last - before)) ticks of CPU while the terminal was gone"
  fi
}

# lock_free FILE : nobody holds FILE's session lock.
lock_free() {
  [ ! -e "$1.lock" ] || flock -n "$1.lock" true
}

# half_typed NAME F NOTE : opens F, marks the first item doing, opens the second item's note and
# types NOTE without closing the editor.
half_typed() {
  local name="$1" note="$3"
  e2e_check "$name: workbench shows" e2e_wait_for "done or N/A"
  e2e_keys Space
  e2e_check "$name: first item doing" e2e_wait_for "[~] Walk the hard yards"
  e2e_keys j n
  e2e_check "$name: note editor opens" e2e_wait_for "editing note"
  e2e_type "$note"
  e2e_check "$name: the half-typed note shows" e2e_wait_for "$note"
}

# saved_and_free NAME F NOTE PID : after the program is gone, everything is in F and F is not
# locked (a program that is still there is killed only after these checks, so they can fail).
saved_and_free() {
  local name="$1" f="$2" note="$3" pid="$4"
  e2e_check "$name: the status change was saved" json_is "$f" 'd["items"]["S0.1"]["status"]' doing
  e2e_check "$name: the half-typed note was saved" json_is "$f" 'd["items"]["S0.3"]["note"]' "$note"
  e2e_check "$name: the file loads" sh -c "'$BIN' status '$f' >/dev/null"
  e2e_check "$name: the lock is free" lock_free "$f"
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null; fi
  e2e_start "$name-reopen" "$BIN open '$f'" 80 24
  e2e_check "$name: reopens" e2e_wait_for "done or N/A"
  e2e_check "$name: the reopen is not read-only" not screen_has "READ-ONLY"
  e2e_keys q y
  e2e_check "$name: q quits the reopen" e2e_wait_exit
  e2e_check "$name: the reopen exits 0" status_is 0
}

# 1. Started as usual: killing the tmux server hangs up the terminal (and sends SIGHUP).
F="$SCRATCH/dropped.json"
NOTE="Half a thought when the line dro"
e2e_new_session "$F" "Dropped Line"
e2e_start dropped "$BIN open '$F'" 80 24
half_typed dropped "$F" "$NOTE"
pid=$(e2e_pid)
e2e_check "dropped: the program is running" test -n "$pid"
e2e_tmux kill-server
gone_within "$pid" 3 dropped
saved_and_free dropped "$F" "$NOTE" "$pid"

# 2. In a session of its own (setsid): no SIGHUP arrives; only the terminal's end of file and
#    POLLHUP say it is gone. Must exit 129 all the same. (The pane's shell sleeps meanwhile, so
#    the harness does not take setsid's return for the program's exit.)
G="$SCRATCH/eof.json"
NOTE2="Nobody sent a signal, the termin"
e2e_new_session "$G" "No Signal"
e2e_start eof "setsid -f sh -c 'echo \$\$ >\"$SCRATCH/eof.shpid\"; \"$BIN\" open \"$G\"; echo \$? >\"$SCRATCH/eof.status\"'; sleep 600" 80 24
half_typed eof "$G" "$NOTE2"
pid=$(pgrep -P "$(cat "$SCRATCH/eof.shpid" 2>/dev/null || echo 0)" | head -n 1 || true)
e2e_check "eof: the program is running" test -n "$pid"
e2e_tmux kill-server
if [ -n "$pid" ]; then gone_within "$pid" 3 eof; fi
e2e_check "eof: exit status 129" wait_until 2 grep -qx 129 "$SCRATCH/eof.status"
saved_and_free eof "$G" "$NOTE2" "$pid"

scenario_end
