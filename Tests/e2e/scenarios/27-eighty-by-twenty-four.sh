#!/bin/bash
# Scenario 27: Sprint 0 at 80x24 (issue 21). A participant reads the briefing, sets an item's
# status, writes a note, shows the hint, takes a decision and searches; after each step what was
# just done is on screen, and the detail pane has not been scrolled (its first row is still the
# item's title). `q` then quits and the terminal is restored.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/team-a.json"
NOTE='We test the hypothesis on last spring sales at Thornby ✓'
WHY='The bank wants to see the real thing'

# detail : the rows inside the detail pane, borders stripped: from its top border ("╭─ Item"
# or "╭─ Briefing") to the next bottom border.
detail() {
  e2e_screen | awk '/^╭─ (Item|Briefing) / { on = 1; next } on && /^╰/ { exit } on { print }' |
    sed -e 's/^│ //' -e 's/ *│$//'
}

# detail_has TEXT : the detail pane shows TEXT, its wrapped rows read as one line.
detail_has() {
  detail | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$1"
}

# detail_starts_with TEXT : the pane's first row holds TEXT (it is not scrolled).
detail_starts_with() {
  detail | head -n 1 | grep -qF -- "$1"
}

# checklist_row_has TEXT : a checklist row (between the checklist's borders) holds TEXT.
checklist_row_has() {
  e2e_screen | awk '/^╭─ 1 Sprint 0 / { on = 1; next } on && /^╰/ { exit } on { print }' |
    grep -qF -- "$1"
}

# choice_shown TEXT : the line under "Your choice" in the decision dialog holds TEXT.
choice_shown() {
  e2e_screen | grep -A1 -F "Your choice" | tail -n 1 | grep -qF -- "$1"
}

# detail_highlights TEXT : in the detail pane, TEXT is painted as a search match (the default
# theme's black on yellow: SGR 43 before it, with no other text in between).
detail_highlights() {
  local top
  top=$(e2e_screen | grep -n -m 1 -E '^╭─ (Item|Briefing) ' | cut -d: -f1)
  [ -n "$top" ] || return 1
  e2e_tmux capture-pane -e -p -t "$E2E_SESSION" | tail -n "+$((top + 1))" |
    grep -qE $'\e\\[([0-9]+;)*43(;[0-9]+)*m(\e\\[[0-9;]*m)*'"$1"
}

# bar_has TEXT : the status bar (the last row) holds TEXT.
bar_has() {
  e2e_screen | tail -n 1 | grep -qF -- "$1"
}

e2e_start walk "$BIN new --name 'Team A' --out '$F' --open" 80 24

# Read: the briefing opens at its top, with the keys that matter now.
e2e_check "80x24 read: the briefing shows" e2e_wait_for "Phase 1 of 6: Sprint 0"
e2e_check "80x24 read: the briefing starts at its first row" \
  detail_starts_with "Phase 1 of 6: Sprint 0"
e2e_check "80x24 read: its goal is on screen" detail_has "Goal Find the real requirement"
e2e_check "80x24 read: the key hints show status and note" \
  bar_has "Space status  n note"

# Status: the second item, doing, in the checklist and in the detail pane.
e2e_keys j
e2e_check "80x24 status: j selects the second item" e2e_wait_for "Item 2 of 13"
e2e_keys Space
e2e_check "80x24 status: the checklist shows it doing" \
  wait_until 3 checklist_row_has "[~] Write the project hypothesis"
e2e_check "80x24 status: the detail pane says doing" detail_has "S0.3 · required · doing"
e2e_check "80x24 status: the detail pane is not scrolled" \
  detail_starts_with "Write the project hypothesis"

# Note: written, kept, and shown under the item's title.
e2e_keys n
e2e_check "80x24 note: n opens the editor" e2e_wait_for "editing note"
e2e_type "$NOTE"
e2e_check "80x24 note: the text shows in the editor" e2e_wait_for "$NOTE"
e2e_keys Escape
e2e_check "80x24 note: Esc keeps it" e2e_wait_gone "editing note"
e2e_check "80x24 note: the detail pane shows the note" wait_until 3 detail_has "Note $NOTE"
e2e_check "80x24 note: the detail pane is not scrolled" \
  detail_starts_with "Write the project hypothesis"
e2e_check "80x24 note: the checklist marks it" \
  checklist_row_has "[~] Write the project hypothesis                                         ✎ *"
e2e_check "80x24 note: saved in the file" \
  wait_until 3 json_is "$F" 'd["items"]["S0.3"]["note"]' "$NOTE"
sleep 0.1 # Esc followed at once by a letter would read as Alt-letter

# Hint: shown under the note, its first words on screen.
e2e_keys h
e2e_check "80x24 hint: h shows the hint" wait_until 3 detail_has "Hint Whose goal does your hypothesis"
e2e_check "80x24 hint: the note is still on screen" detail_has "Note $NOTE"
e2e_check "80x24 hint: the detail pane is not scrolled" \
  detail_starts_with "Write the project hypothesis"

# Decision: the first of the phase's two, option b, with a rationale.
e2e_keys d
e2e_check "80x24 decision: d lists the phase's decisions" \
  e2e_wait_for "This phase has 2 decisions to take."
e2e_keys Enter
e2e_check "80x24 decision: Enter opens the first" e2e_wait_for "Your options"
e2e_keys b
e2e_check "80x24 decision: b chooses option b" e2e_wait_for "You chose b) "
e2e_type "$WHY"
e2e_check "80x24 decision: the rationale shows as typed" e2e_wait_for "$WHY"
e2e_keys C-s
e2e_check "80x24 decision: Ctrl-S shows what happened next" e2e_wait_for "What happened next"
e2e_check "80x24 decision: the choice shown is b" choice_shown "b) "
e2e_keys Enter
e2e_check "80x24 decision: Enter goes back to the list" e2e_wait_for "2 decisions to take"
e2e_keys Escape
e2e_check "80x24 decision: back in the workbench, the letter b shows" \
  e2e_wait_for "d: 1/2 decisions taken (b)"
e2e_check "80x24 decision: the item and its note are as they were" detail_has "Note $NOTE"
e2e_check "80x24 decision: the detail pane is not scrolled" \
  detail_starts_with "Write the project hypothesis"
sleep 0.1

# Search: the first match is selected, in view and highlighted.
e2e_keys /
e2e_check "80x24 search: / opens the search prompt" e2e_wait_for "Enter search"
e2e_type "Nadia"
e2e_keys Enter
e2e_check "80x24 search: Enter finds matches" e2e_wait_for "match 1 of"
e2e_check "80x24 search: the match is in the detail pane" detail_has "Nadia"
e2e_check "80x24 search: and highlighted there" detail_highlights "Nadia"

e2e_keys Escape
sleep 0.1
e2e_keys q y
e2e_check "80x24: q, y quits" e2e_wait_exit
e2e_check "80x24: exit status 0" status_is 0
e2e_check "80x24: terminal restored" e2e_assert_restored
e2e_check "80x24: the decision is in the file" \
  json_is "$F" 'd["decisions"]["S0.D1"]["rationale"]' "$WHY"

scenario_end
