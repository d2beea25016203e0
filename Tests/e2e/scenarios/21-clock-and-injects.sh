#!/bin/bash
# Scenario 21 (issue 22, items 4 and 5): the room's clock and the case study's injects. Three
# teams and the dashboard on a small case study whose first phase has an inject at minute 0 and
# one sent by hand. `c` on the dashboard starts the clock: the timed inject reaches all three
# teams within 3 s, titled with its sender; `i`, Enter, Enter sends the manual one, which also
# reaches all three within 3 s. Both are in every session's event log and recorded once in the
# facilitator's file.
set -uo pipefail
. "$(dirname "$0")/common.bash"

DIR="$SCRATCH/room"
mkdir -p "$DIR"
mkdir -p "$SCRATCH/cases"
CASE="$SCRATCH/cases/mini-shop.yaml"
# The core tests' workshop case study, with its timed inject moved to minute 0.
sed 's/at_minute: 10/at_minute: 0/' \
  "$E2E_HERE/../../CaseBenchDomainTests/Fixtures/valid/workshop.yaml" >"$CASE"
e2e_check "clock: the case study lints" "$BIN" lint "$CASE"
e2e_check "clock: the first phase is released from a script" \
  "$BIN" workshop "$DIR" --case "$CASE" --pace

e2e_start dash "$BIN workshop '$DIR' --case '$CASE'" 100 30
e2e_check "clock: the dashboard opens" e2e_wait_for "pacing: open to phase 1"

for n in 1 2 3; do
  e2e_start "team$n" "$BIN join '$DIR' --name 'Team $n' --case mini-shop --case-dir '$SCRATCH/cases'" 100 30
  e2e_check "clock: team $n joins and sees the workbench" e2e_wait_for "done or N/A"
done
E2E_SESSION=dash
e2e_check "clock: the dashboard shows three teams" e2e_wait_for "3 teams" 3

# `c` starts the clock; the inject at minute 0 goes out at once.
e2e_keys c
e2e_check "clock: the dashboard shows the room's clock" e2e_wait_for "Clock · 1 Scoping"
for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_check "clock: team $n sees the timed inject within 3 s" \
    e2e_wait_for "The bank moved the meeting to Thursday." 3
  e2e_check "clock: its banner names its sender" screen_has "From The owner, by phone"
  e2e_keys Escape
  e2e_check "clock: team $n dismisses it" e2e_wait_gone "From The owner, by phone"
  e2e_check "clock: team $n's status bar shows the room's block and time" \
    e2e_wait_for "Read 4:" 3
done

# The manual inject, by hand: `i`, pick it, Enter asks, Enter sends.
E2E_SESSION=dash
e2e_keys i
e2e_check "clock: the injects list opens" e2e_wait_for "Injects of Scoping"
e2e_check "clock: the timed inject shows as sent" screen_has "sent "
e2e_keys Down Down Enter
e2e_check "clock: Enter asks first" e2e_wait_for "Send this to every team?"
e2e_keys Enter
e2e_check "clock: the dashboard confirms it" e2e_wait_for "Sent S.I3 to every team."
for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_check "clock: team $n sees the manual inject within 3 s" \
    e2e_wait_for "A reporter is asking questions." 3
  e2e_keys Escape
  e2e_check "clock: team $n dismisses it" e2e_wait_gone "A reporter is asking questions."
done

# Pause: the teams' status bars say so.
E2E_SESSION=dash
e2e_keys Space
e2e_check "clock: Space pauses the clock" e2e_wait_for "The room's clock is paused."
E2E_SESSION=team1
e2e_check "clock: team 1 sees the pause within 3 s" e2e_wait_for ", paused" 3

for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_keys q y
  e2e_check "clock: team $n quits cleanly" e2e_wait_exit
done
E2E_SESSION=dash
e2e_keys q
e2e_check "clock: the dashboard quits cleanly" e2e_wait_exit

for n in 1 2 3; do
  F="$DIR/team-$n-mini-shop.json"
  e2e_check "clock: team $n's log records both injects" json_is "$F" \
    "[e['detail'] for e in d['events'] if e['kind'] == 'announcement']" \
    '["inject S.I1 shown", "inject S.I3 shown"]'
done
STATE="$DIR/.casebench-workshop.json"
e2e_check "clock: the facilitator's file records each inject once" json_is "$STATE" \
  "[s['inject'] for s in d['injects_sent']]" '["S.I1", "S.I3"]'
e2e_check "clock: and no inject twice from a script" \
  sh -c "! '$BIN' workshop '$DIR' --case '$CASE' --inject S.I3 2>/dev/null"
scenario_end
