#!/bin/bash
# Scenario 7: Ctrl-C always leaves cleanly: exit 130, terminal restored, changes saved. Once
# from the checklist right after a change, once from inside the note editor, once from the
# start screen.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/ctrl-c.json"
e2e_new_session "$F" "Interrupted"

e2e_start c1 "$BIN open '$F'" 80 24
e2e_check "Ctrl-C list: workbench shows" e2e_wait_for "done or N/A"
e2e_keys 2
e2e_check "Ctrl-C list: 2 shows the Data phase" e2e_wait_for "2 Data ──"
e2e_keys j Space Space
e2e_check "Ctrl-C list: an item in Data is done" e2e_wait_for "1/14 done"
e2e_keys C-c
e2e_check "Ctrl-C list: leaves" e2e_wait_exit
e2e_check "Ctrl-C list: exit status 130" status_is 130
e2e_check "Ctrl-C list: terminal restored" e2e_assert_restored
e2e_check "Ctrl-C list: the change was saved" \
  json_is "$F" '[k for k, v in d["items"].items() if v.get("status") == "done"]' '["D.8"]'
e2e_check "Ctrl-C list: the file loads" sh -c "'$BIN' status '$F' >/dev/null"

e2e_start c2 "$BIN open '$F'" 80 24
e2e_check "Ctrl-C editor: reopens on the Data item" e2e_wait_for "Item 2 of 14"
e2e_keys n
e2e_check "Ctrl-C editor: note editor opens" e2e_wait_for "editing note"
e2e_type "interrupted — but kept ✓"
e2e_check "Ctrl-C editor: note typed" e2e_wait_for "interrupted — but kept ✓"
e2e_keys C-c
e2e_check "Ctrl-C editor: leaves" e2e_wait_exit
e2e_check "Ctrl-C editor: exit status 130" status_is 130
e2e_check "Ctrl-C editor: terminal restored" e2e_assert_restored
e2e_check "Ctrl-C editor: the note was saved" \
  json_is "$F" 'd["items"]["D.8"]["note"]' "interrupted — but kept ✓"
e2e_check "Ctrl-C editor: the earlier change is still there" \
  json_is "$F" 'd["items"]["D.8"]["status"]' done

e2e_start c3 "$BIN" 80 24
e2e_check "Ctrl-C start: start screen shows" e2e_wait_for "Case studies"
e2e_keys C-c
e2e_check "Ctrl-C start: leaves" e2e_wait_exit
e2e_check "Ctrl-C start: exit status 130" status_is 130
e2e_check "Ctrl-C start: terminal restored" e2e_assert_restored

scenario_end
