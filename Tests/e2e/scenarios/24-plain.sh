#!/bin/bash
# Scenario 24 (issue 21): the plain mode through a pipe. A script of lines piped into
# `casebench open FILE --plain` sets Sprint 0's first item to doing, writes a two-line note and
# takes S0.D1 (b), whose YAML id is a) with a rationale; the end of the input saves and quits.
# The file holds what the workbench would write. No escape sequence reaches the pipe. In a
# workshop folder (`join --plain`) the consequence waits for the facilitator's reveal.
set -uo pipefail
. "$(dirname "$0")/common.bash"

# is_status GOT WANT
is_status() {
  if [ "$1" = "$2" ]; then return 0; fi
  echo "exit status $1, want $2 (124 means it hung until timeout)" >&2
  return 1
}

# out_has FILE TEXT : TEXT (a fixed string) is in FILE.
out_has() {
  if grep -qF -- "$2" "$1"; then return 0; fi
  echo "out_has: want '$2' in $1; the last lines were:" >&2
  tail -n 15 "$1" >&2
  return 1
}

F="$SCRATCH/plain.json"
e2e_new_session "$F" "Team Plain"

# Phase 1, item 1 (S0.1): status 2 (doing); a note; back; decisions, decision 1, letter b.
printf '%s\n' 1 1 s 2 n "We walked the hard yards." "Second line, with ünïcode." . b \
  d 1 b "Start small and learn." . y |
  timeout 20 "$BIN" open "$F" --plain >"$SCRATCH/out" 2>"$SCRATCH/err"
e2e_check "pipe: exits 0 at the end of input" is_status "${PIPESTATUS[1]}" 0
e2e_check "pipe: S0.1 is doing" json_is "$F" "d['items']['S0.1']['status']" doing
e2e_check "pipe: the two-line note is saved" json_is "$F" "d['items']['S0.1']['note']" \
  "We walked the hard yards.
Second line, with ünïcode."
e2e_check "pipe: letter b is option a of S0.D1" json_is "$F" "d['decisions']['S0.D1']['option']" a
e2e_check "pipe: the rationale is saved" json_is "$F" "d['decisions']['S0.D1']['rationale']" \
  "Start small and learn."
e2e_check "pipe: the log says chose a" json_is "$F" \
  "[e['detail'] for e in d['events'] if e['kind'] == 'decision']" '["chose a"]'
e2e_check "pipe: the options are listed with the dialog's letters" \
  out_has "$SCRATCH/out" "b) Build a first forecast for the bank"
e2e_check "pipe: the consequence shows (not in a workshop)" \
  out_has "$SCRATCH/out" "The team drops the data work"
e2e_check "pipe: says it saved" out_has "$SCRATCH/out" "Saved. Goodbye."
e2e_check "pipe: no escape sequence in the output" not grep -q $'\e' "$SCRATCH/out"
e2e_check "pipe: nothing on stderr" test ! -s "$SCRATCH/err"
e2e_check "pipe: no lock left held" test ! -s "$F.lock"

# The same file still opens in the full-screen workbench, with the note and the choice.
e2e_start wb "$BIN open '$F'" 120 40
e2e_check "workbench: opens the file plain wrote" e2e_wait_for "done or N/A"
e2e_keys q y
e2e_check "workbench: quits" e2e_wait_exit

# CASEBENCH_PLAIN=1 does the same as --plain; q quits at once.
printf 'q\n' | CASEBENCH_PLAIN=1 timeout 20 "$BIN" open "$F" >"$SCRATCH/out2" 2>&1
e2e_check "env: CASEBENCH_PLAIN=1 exits 0" is_status "${PIPESTATUS[1]}" 0
e2e_check "env: lists the phases" out_has "$SCRATCH/out2" "1. Sprint 0:"

# A workshop: the team's vote waits for the reveal, then shows its consequence.
DIR="$SCRATCH/room"
mkdir -p "$DIR"
"$BIN" workshop "$DIR" --init >/dev/null 2>&1
printf '%s\n' 1 d 1 b "Because the bank meets soon." . y |
  timeout 20 "$BIN" join "$DIR" --name "Team Voice" --plain >"$SCRATCH/out3" 2>&1
e2e_check "workshop: join --plain exits 0" is_status "${PIPESTATUS[1]}" 0
e2e_check "workshop: the consequence waits for the reveal" \
  out_has "$SCRATCH/out3" "Waiting for the facilitator to reveal this decision"
e2e_check "workshop: not the consequence" not grep -qF "The team drops the data work" \
  "$SCRATCH/out3"
"$BIN" workshop "$DIR" --reveal S0.D1 >/dev/null 2>&1
printf '%s\n' 1 d 1 |
  timeout 20 "$BIN" join "$DIR" --name "Team Voice" --plain >"$SCRATCH/out4" 2>&1
e2e_check "workshop: after the reveal the consequence shows" \
  out_has "$SCRATCH/out4" "The team drops the data work"

# `casebench --plain` with no file: the start, which creates a session in the sessions folder.
printf '%s\n' n1 "Team Echo" 1 3 s 3 |
  timeout 20 "$BIN" --plain >"$SCRATCH/out5" 2>&1
e2e_check "start: casebench --plain exits 0" is_status "${PIPESTATUS[1]}" 0
E="$XDG_DATA_HOME/casebench/sessions/team-echo-bike-shop.json"
e2e_check "start: the new session's S0.5 is done" json_is "$E" "d['items']['S0.5']['status']" done

scenario_end
