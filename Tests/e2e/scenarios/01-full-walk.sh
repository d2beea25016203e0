#!/bin/bash
# Scenario 1: the full walk. A new session opens in the workbench; the third Sprint 0 item is
# marked done and given a UTF-8 note; the first decision is taken with a rationale; `q` asks
# and `y` quits.
# Then the session is reopened and everything is found on screen and in the JSON file.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/team-a.json"
NOTE='Café <b>日本</b> ✓'
WHY='A pathfinder answers one question honestly'

e2e_start walk "$BIN new --name 'Team A' --out '$F' --open" 80 24
e2e_check "walk: new --open lands on the workbench" e2e_wait_for "done or N/A"
e2e_check "walk: a new session shows the phase briefing" e2e_wait_for "Phase 1 of 6: Sprint 0"

e2e_keys j  # from the first item; core items come first, so the hypothesis is second
e2e_check "walk: j selects the second item" e2e_wait_for "Item 2 of 13"
e2e_keys Space
e2e_check "walk: Space makes it doing" e2e_wait_for "[~] Write the project hypothesis"
e2e_keys Space
e2e_check "walk: Space again makes it done" e2e_wait_for "[x] Write the project hypothesis"

e2e_keys n
e2e_check "walk: n opens the note editor" e2e_wait_for "editing note"
e2e_type "$NOTE"
e2e_check "walk: the typed UTF-8 note shows in the editor" e2e_wait_for "$NOTE"
e2e_keys Escape
e2e_check "walk: Esc closes the note editor" e2e_wait_gone "editing note"
e2e_check "walk: the item now shows the note mark" \
  e2e_wait_for "[x] Write the project hypothesis                                         ✎ *"
sleep 0.1 # Esc followed at once by a letter would read as Alt-letter

e2e_keys d
e2e_check "walk: d lists the phase's decisions" e2e_wait_for "This phase has 2 decisions to take."
e2e_keys Enter
e2e_check "walk: Enter opens the first decision" e2e_wait_for "Your options"
e2e_keys Down
e2e_check "walk: Down moves to option b" e2e_wait_for "▸ b) Build a first forecast"
e2e_keys Enter
e2e_check "walk: Enter selects option b" e2e_wait_for "You chose b) Build a first forecast"
e2e_check "walk: and asks why" screen_has "Why? A sentence or two"
e2e_type "$WHY"
e2e_check "walk: the rationale shows as typed" e2e_wait_for "$WHY"
e2e_keys C-s
e2e_check "walk: Ctrl-S confirms and shows the consequence" e2e_wait_for "What happened next"
e2e_check "walk: the choice is recorded" screen_has "Decision recorded."
e2e_keys Enter
e2e_check "walk: Enter goes back to the phase's list" e2e_wait_for "2 decisions to take"
e2e_keys Escape
e2e_check "walk: Esc closes the dialog, 1 of 2 decisions taken" \
  e2e_wait_for "d: 1/2 decisions taken"

e2e_keys q
e2e_check "walk: q asks first" e2e_wait_for "Quit casebench? y quits; any other key stays."
e2e_check "walk: and does not quit by itself" test -z "$(e2e_exit_status)"
e2e_keys y
e2e_check "walk: q y quits" e2e_wait_exit
e2e_check "walk: exit status 0 after q" status_is 0
e2e_check "walk: terminal restored after q" e2e_assert_restored

# The file, read directly.
item='d["items"]["S0.3"]'
e2e_check "walk: file mode is 0600" file_mode_is "$F" 600
e2e_check "walk: JSON has the participant" json_is "$F" 'd["participant"]' "Team A"
e2e_check "walk: JSON item S0.3 is done" json_is "$F" "$item[\"status\"]" done
e2e_check "walk: JSON note is the exact UTF-8 text" json_is "$F" "$item[\"note\"]" "$NOTE"
e2e_check "walk: JSON decision S0.D1 is option a (listed second)" json_is "$F" 'd["decisions"]["S0.D1"]["option"]' a
e2e_check "walk: JSON decision has the rationale" \
  json_is "$F" 'd["decisions"]["S0.D1"]["rationale"]' "$WHY"
e2e_check "walk: JSON cursor remembers the item" json_is "$F" 'd["cursor"]["item"]' S0.3
e2e_check "walk: no lock file left behind after quitting" test ! -s "$F.lock"

# choice_shown TEXT : the line under "Your choice" in the decision dialog holds TEXT.
choice_shown() {
  e2e_screen | grep -A1 -F "Your choice" | tail -n 1 | grep -qF -- "$1"
}

# Reopen: everything is there.
e2e_start reopen "$BIN open '$F'" 100 50
e2e_check "reopen: lands on the workbench" e2e_wait_for "done or N/A"
e2e_check "reopen: the last selected item is selected" e2e_wait_for "Item 2 of 13"
e2e_check "reopen: the item shows as done with a note" \
  screen_has "[x] Write the project hypothesis"
e2e_check "reopen: phase progress counts it" screen_has "1/13"
e2e_check "reopen: the decision counts as taken" screen_has "d: 1/2 decisions taken"
e2e_check "reopen: the note text shows in the detail pane" screen_has "$NOTE"
e2e_keys d
e2e_check "reopen: d lists the decisions" e2e_wait_for "decisions"
e2e_keys Enter
e2e_check "reopen: the decision shows the choice" e2e_wait_for "Your choice"
e2e_check "reopen: the decision shows option b" \
  choice_shown "b) Build a first forecast for the bank"
e2e_check "reopen: the decision shows the rationale" screen_has "$WHY"
# Changing the decision later is possible, and the change is logged.
e2e_keys c
e2e_check "reopen: c offers to change the decision" e2e_wait_for "choosing again replaces it"
e2e_keys Down
e2e_check "reopen: Down moves to option c" e2e_wait_for "▸ c) Send the bank the written plan"
e2e_keys Enter
e2e_check "reopen: Enter selects option c" e2e_wait_for "You chose c) Send the bank the written plan"
e2e_type " Revised."
e2e_keys C-s
e2e_check "reopen: Ctrl-S records it and shows its consequence" e2e_wait_for "What happened next"
e2e_check "reopen: the choice shown is now c" choice_shown "c) Send the bank the written plan"
e2e_keys Enter
e2e_check "reopen: Enter goes back to the list" e2e_wait_gone "What happened next"
e2e_check "reopen: the changed option is saved" \
  wait_until 3 json_is "$F" 'd["decisions"]["S0.D1"]["option"]' d
e2e_check "reopen: the change is in the session log" \
  json_is "$F" '[e["detail"] for e in d["events"] if e.get("target") == "S0.D1"]' \
  '["chose a", "changed a → d"]'
e2e_keys Escape
e2e_keys q y
e2e_check "reopen: q y quits" e2e_wait_exit
e2e_check "reopen: exit status 0" status_is 0
e2e_check "reopen: terminal restored" e2e_assert_restored
e2e_check "reopen: status --json reads the file" \
  sh -c "'$BIN' status '$F' --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"overall\"][\"decisions_taken\"] == 1, d[\"overall\"]'"

scenario_end
