#!/bin/bash
# Scenario 11: the other keys a participant leans on. `x` marks N/A with a reason, `?` shows the
# key map, `/` searches, a bracketed paste lands in the note as text (not as keys), `E` edits the
# note in $EDITOR, and a wide terminal shows the three panes side by side.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/keys.json"
e2e_new_session "$F" "Key Users"

# An $EDITOR that replaces the note file with two lines.
EDITOR_SCRIPT="$SCRATCH/fake-editor"
cat >"$EDITOR_SCRIPT" <<'SH'
#!/bin/sh
printf 'written in the editor ✓\nsecond line\n' >"$1"
SH
chmod +x "$EDITOR_SCRIPT"

# top_line_matches REGEX : the first screen line matches REGEX.
top_line_matches() {
  e2e_screen | head -n 1 | grep -qE -- "$1"
}

e2e_start keys "EDITOR='$EDITOR_SCRIPT' $BIN open '$F'" 80 24
e2e_check "keys: workbench shows" e2e_wait_for "done or N/A"

e2e_keys x
e2e_check "keys: x asks for a reason" e2e_wait_for "Not applicable because:"
e2e_type "Not our job here"
e2e_check "keys: the reason shows as typed" e2e_wait_for "Not applicable because: Not our job here"
e2e_keys Enter
e2e_check "keys: the item shows N/A" e2e_wait_for "[-] Walk the hard yards"
e2e_check "keys: N/A is saved with its reason" \
  wait_until 3 json_is "$F" '[d["items"]["S0.1"]["status"], d["items"]["S0.1"]["na_reason"]]' '["na", "Not our job here"]'

e2e_keys '?'
e2e_check "keys: ? shows the key map" e2e_wait_for "Keys"
e2e_check "keys: the key map lists Space" e2e_wait_for "status: todo, doing, done" 5
e2e_check "keys: the key map lists x" screen_has "not applicable"
e2e_keys Escape
e2e_check "keys: Esc closes the key map" e2e_wait_gone "status: todo, doing, done"
sleep 0.1

e2e_keys /
e2e_check "keys: / opens the search prompt" e2e_wait_for "Enter search"
e2e_type "doubling"
e2e_keys Enter
e2e_check "keys: search selects the matching item" e2e_wait_for "Estimate with the doubling heuristic"
e2e_check "keys: search shows the item's detail" e2e_wait_for "Item 3 of 13"
e2e_check "keys: search counts the matches" screen_has "match 1"
e2e_keys Escape
e2e_check "keys: Esc clears the search" e2e_wait_gone "match 1"
sleep 0.1

e2e_keys n
e2e_check "keys: note editor opens on the found item" e2e_wait_for "editing note"
e2e_paste $'pasted line one\nq then d and x'
e2e_check "keys: the pasted text shows (its letters were not taken as keys)" \
  e2e_wait_for "q then d and x"
e2e_check "keys: still editing after the paste" screen_has "editing note"
e2e_keys C-s
e2e_check "keys: Ctrl-S keeps the note and closes" e2e_wait_gone "editing note"
e2e_check "keys: the pasted note is saved, both lines" \
  wait_until 3 json_is "$F" 'd["items"]["S0.5"]["note"]' $'pasted line one\nq then d and x'

e2e_keys j E
e2e_check "keys: E edits the note in \$EDITOR" \
  wait_until 5 json_is "$F" 'd["items"]["S0.11"]["note"]' $'written in the editor ✓\nsecond line'
e2e_check "keys: the workbench is back after the editor" e2e_wait_for "Item 4 of 13"

e2e_resize 200 50
e2e_check "keys: at 200x50 the three panes sit side by side" \
  wait_until 5 top_line_matches "Phases.*Sprint 0.*Item 4 of 13"
e2e_check "keys: the note from the editor shows in the detail pane" \
  e2e_wait_for "written in the editor ✓"
e2e_keys q y
e2e_check "keys: q quits" e2e_wait_exit
e2e_check "keys: exit status 0" status_is 0
e2e_check "keys: terminal restored" e2e_assert_restored

scenario_end
