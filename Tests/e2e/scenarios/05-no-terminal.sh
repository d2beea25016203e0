#!/bin/bash
# Scenario 5: no terminal. With stdin or stdout not a terminal, or TERM unset or unknown,
# casebench says so clearly on stderr and exits 1 at once: no hang, no screen left behind.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/untouched.json"
e2e_new_session "$F" "Nobody"
cp -p "$F" "$SCRATCH/before.json"

# stderr_says FILE PATTERN : FILE (stderr) matches the extended regex PATTERN (case-insensitive).
stderr_says() {
  if grep -qiE -- "$2" "$1"; then return 0; fi
  echo "stderr_says: want /$2/ in: $(cat "$1")" >&2
  return 1
}

# is_status GOT WANT
is_status() {
  if [ "$1" = "$2" ]; then return 0; fi
  echo "exit status $1, want $2 (124 means it hung until timeout)" >&2
  return 1
}

# Plain shell, outside tmux (under CI neither stdin nor stdout is a terminal here).
err="$SCRATCH/err1"
timeout 10 "$BIN" </dev/null >"$SCRATCH/out1" 2>"$err"
e2e_check "no tty: casebench </dev/null exits 1 (no hang)" is_status $? 1
e2e_check "no tty: stderr mentions the terminal" stderr_says "$err" 'terminal|tty'
e2e_check "no tty: nothing on stdout" test ! -s "$SCRATCH/out1"

err="$SCRATCH/err2"
timeout 10 "$BIN" 2>"$err" | cat >"$SCRATCH/out2"
e2e_check "no tty: casebench | cat exits 1 (no hang)" is_status "${PIPESTATUS[0]}" 1
e2e_check "no tty: stderr mentions the terminal (pipe)" stderr_says "$err" 'terminal|tty'
e2e_check "no tty: nothing written to the pipe" test ! -s "$SCRATCH/out2"

err="$SCRATCH/err3"
timeout 10 "$BIN" open "$F" </dev/null >/dev/null 2>"$err"
e2e_check "no tty: open FILE </dev/null exits 1" is_status $? 1
e2e_check "no tty: open FILE says it needs a terminal" stderr_says "$err" 'terminal|tty'
e2e_check "no tty: the session file is untouched" cmp -s "$F" "$SCRATCH/before.json"
e2e_check "no tty: no lock left held" test ! -s "$F.lock"

# Inside tmux, one side at a time is a terminal, so each message can be told apart.
# run_in_tmux NAME CMD : runs CMD (stderr to $SCRATCH/NAME.err) and waits for it to exit.
run_in_tmux() {
  e2e_start "$1" "set -o pipefail; { $2; } 2>'$SCRATCH/$1.err'" 80 24
  e2e_check "$1: exits at once" e2e_wait_exit 10
}

run_in_tmux stdout-pipe "$BIN | cat"
e2e_check "stdout-pipe: exit status 1" status_is 1
e2e_check "stdout-pipe: says standard output is not a terminal" \
  stderr_says "$SCRATCH/stdout-pipe.err" 'standard output|stdout'
e2e_check "stdout-pipe: terminal left as it was" e2e_assert_restored

run_in_tmux stdin-null "$BIN </dev/null"
e2e_check "stdin-null: exit status 1" status_is 1
e2e_check "stdin-null: says standard input is not a terminal" \
  stderr_says "$SCRATCH/stdin-null.err" 'standard input|stdin'
e2e_check "stdin-null: terminal left as it was" e2e_assert_restored

run_in_tmux term-unknown "TERM=nosuch $BIN open '$F'"
e2e_check "TERM=nosuch: exit status 1" status_is 1
e2e_check "TERM=nosuch: names the unknown terminal type" \
  stderr_says "$SCRATCH/term-unknown.err" "nosuch"
e2e_check "TERM=nosuch: says how to fix it (set TERM)" \
  stderr_says "$SCRATCH/term-unknown.err" "TERM="
e2e_check "TERM=nosuch: terminal left as it was" e2e_assert_restored
e2e_check "TERM=nosuch: the session file is untouched" cmp -s "$F" "$SCRATCH/before.json"

run_in_tmux term-unset "env -u TERM $BIN"
e2e_check "TERM unset: exit status 1" status_is 1
e2e_check "TERM unset: says TERM is not set" stderr_says "$SCRATCH/term-unset.err" "TERM"

run_in_tmux term-dumb "TERM=dumb $BIN"
e2e_check "TERM=dumb: exit status 1" status_is 1
e2e_check "TERM=dumb: says the terminal cannot do it" stderr_says "$SCRATCH/term-dumb.err" "dumb"

scenario_end
