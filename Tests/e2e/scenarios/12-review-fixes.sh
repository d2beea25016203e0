#!/bin/bash
# Scenario 12: regressions from the code review.
# - The screen state learns the real terminal size at start: at 70x18 the selection stays in
#   view when moving past the first screenful.
# - Just looking (moving around) does not rewrite the session file; quitting saves the resume
#   point.
# - Two SIGHUPs in a row (an SSH drop) still save before leaving.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/review.json"
e2e_new_session "$F" "Reviewer"

e2e_start small "$BIN open '$F'" 70 18
e2e_check "size: workbench shows at 70x18" e2e_wait_for "done or N/A"
e2e_keys j j j j j j j j j
e2e_check "size: the tenth item (S0.9, an extension) is selected and in view" e2e_wait_for "Item 10 of 13"
e2e_check "size: its title shows in the checklist" screen_has "Sketch the data story"
cp "$F" "$SCRATCH/before.json"
sleep 1.5
e2e_check "looking: moving around did not rewrite the file" cmp -s "$F" "$SCRATCH/before.json"
e2e_keys q y
e2e_check "looking: q leaves" e2e_wait_exit
e2e_check "looking: q saved the resume point" json_is "$F" 'd["cursor"]["item"]' S0.9

e2e_start hup "$BIN open '$F'" 80 24
e2e_check "hup: reopens" e2e_wait_for "Sketch the data story"
e2e_keys Space
e2e_check "hup: the item is doing" e2e_wait_for "[~] Sketch the data story"
e2e_keys n
e2e_check "hup: note editor opens" e2e_wait_for "editing note"
e2e_type "typed just before the line dropped"
e2e_check "hup: note typed" e2e_wait_for "typed just before the line dropped"
pid=$(e2e_pid)
# Two hang-ups as fast as the shell can send them; the second may find the process gone.
kill -HUP "$pid" 2>/dev/null
kill -HUP "$pid" 2>/dev/null
e2e_check "hup: leaves" e2e_wait_exit
e2e_check "hup: exit status 129" status_is 129
e2e_check "hup: terminal restored" e2e_assert_restored
e2e_check "hup: the note was saved" \
  json_is "$F" 'd["items"]["S0.9"]["note"]' "typed just before the line dropped"
e2e_check "hup: the status was saved" json_is "$F" 'd["items"]["S0.9"]["status"]' doing

scenario_end
