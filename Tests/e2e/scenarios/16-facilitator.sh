#!/bin/bash
# Scenario 14: facilitator mode takes effect from every entry point (issue 11): `open
# --facilitator FILE`, `new --open --facilitator` and the start screen (`casebench
# --facilitator`). Each shows FACILITATOR in the status bar, the briefing's schedule, and the
# options' verdicts and debriefs in the decision dialog; without the flag, none of that.
set -uo pipefail
. "$(dirname "$0")/common.bash"

# facilitator_view NAME : the running workbench shows the facilitator's view.
facilitator_view() {
  e2e_check "$1: FACILITATOR in the status bar" e2e_wait_for "FACILITATOR"
  e2e_check "$1: the briefing gives the schedule" e2e_wait_for "Schedule: read"
  e2e_keys d
  e2e_check "$1: d lists the phase's decisions" e2e_wait_for "decisions to take"
  e2e_keys Enter
  e2e_check "$1: options carry their debrief" e2e_wait_for "Debrief:"
  e2e_check "$1: and their verdict" screen_has "defensible"
  e2e_keys Escape
  sleep 0.2
  e2e_keys Escape
  sleep 0.2
  e2e_keys q y
  e2e_check "$1: q quits" e2e_wait_exit
  e2e_check "$1: exit status 0" status_is 0
}

e2e_new_session "$SCRATCH/open.json" "Team O"
e2e_start open "$BIN open --facilitator $SCRATCH/open.json" 100 40
facilitator_view open

e2e_start after "$BIN open $SCRATCH/open.json --facilitator" 100 40
e2e_check "after: the flag after the file works too" e2e_wait_for "FACILITATOR"
e2e_keys q y
e2e_check "after: q quits" e2e_wait_exit

e2e_start participant "$BIN open $SCRATCH/open.json" 100 40
e2e_check "participant: the workbench shows" e2e_wait_for "Team O"
e2e_check "participant: no FACILITATOR marker" not screen_has "FACILITATOR"
e2e_keys d
e2e_check "participant: d lists the decisions" e2e_wait_for "decisions to take"
e2e_keys Enter
e2e_check "participant: the options show" e2e_wait_for "Your options"
e2e_check "participant: no debrief" not screen_has "Debrief:"
e2e_check "participant: no verdict" not screen_has "recommended"
e2e_keys Escape
sleep 0.2
e2e_keys Escape
sleep 0.2
e2e_keys q y
e2e_check "participant: q quits" e2e_wait_exit

e2e_start new "$BIN new --name 'Team N' --out $SCRATCH/new.json --open --facilitator" 100 40
facilitator_view new

e2e_start start "$BIN --facilitator" 100 40
e2e_check "start: the start screen shows FACILITATOR" e2e_wait_for "FACILITATOR"
e2e_check "start: and the Bike Shop" e2e_wait_for "The Bike Shop"
e2e_keys Enter
e2e_check "start: Enter asks for a name" e2e_wait_for "Participant or team:"
e2e_type "Team S"
e2e_keys Enter
e2e_check "start: the workbench opens" e2e_wait_for "done or N/A"
facilitator_view start

e2e_summary
