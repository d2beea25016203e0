#!/bin/bash
# Scenario 2: resizing while the note editor is open. Typing continues between resizes; the
# screen is redrawn at every new size; below the minimum size a "too small" notice shows (and
# the program survives even 1x1); back at 80x24 the editor is still there; the note keeps
# everything typed.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/resize.json"
e2e_new_session "$F" "Resizers"

# drawn_at W H : the screen is drawn for W x H: the top border (line 1, or line 2 under the
# one-line phases of a short or narrow terminal) is full width (╭ ... ╮), and the bottom line
# is the status bar (it shows the editing mode).
drawn_at() {
  local top bottom
  top=$(e2e_screen | sed -n 1,2p | grep -m 1 '^╭')
  bottom=$(e2e_screen | sed -n "${2}p")
  [ "$(printf '%s' "$top" | wc -m)" -eq "$1" ] || return 1
  case "$top" in ╭*╮) ;; *) return 1 ;; esac
  case "$bottom" in *"editing note"*) ;; *) return 1 ;; esac
}

e2e_start resize "$BIN open '$F'" 80 24
e2e_check "resize: workbench shows" e2e_wait_for "done or N/A"
e2e_keys n
e2e_check "resize: note editor opens" e2e_wait_for "editing note"
e2e_type "alpha "
e2e_check "resize: first words typed" e2e_wait_for "alpha"

e2e_resize 120 40
e2e_check "resize: redrawn at 120x40 mid-edit" wait_until 5 drawn_at 120 40
e2e_type "beta "
e2e_check "resize: typing continues at 120x40" e2e_wait_for "alpha beta"

e2e_resize 100 30
e2e_check "resize: redrawn at 100x30 mid-edit" wait_until 5 drawn_at 100 30
e2e_type "gamma "
e2e_check "resize: typing continues at 100x30" e2e_wait_for "alpha beta gamma"

e2e_resize 80 24
e2e_check "resize: redrawn at 80x24 mid-edit" wait_until 5 drawn_at 80 24
e2e_type "delta"
e2e_check "resize: typing continues at 80x24" e2e_wait_for "alpha beta gamma delta"

e2e_resize 20 5
e2e_check "resize: 20x5 shows the too-small notice" e2e_wait_for "too small"
e2e_check "resize: the notice says the minimum" screen_has "need at least"
e2e_resize 1 1
sleep 0.3
e2e_check "resize: survives 1x1" test -z "$(e2e_exit_status)"
e2e_resize 80 24
e2e_check "resize: back at 80x24 the editor is redrawn" wait_until 5 drawn_at 80 24
e2e_check "resize: the notice is gone" e2e_wait_gone "too small"
e2e_check "resize: the text is still in the editor" screen_has "alpha beta gamma delta"
e2e_type " end"
e2e_check "resize: typing continues after too-small" e2e_wait_for "alpha beta gamma delta end"

e2e_keys Escape
e2e_check "resize: Esc closes the editor" e2e_wait_gone "editing note"
e2e_check "resize: the note is saved within a second or two" \
  wait_until 3 json_is "$F" 'd["items"]["S0.1"]["note"]' "alpha beta gamma delta end"
sleep 0.1
e2e_keys q y
e2e_check "resize: q quits" e2e_wait_exit
e2e_check "resize: exit status 0" status_is 0
e2e_check "resize: terminal restored" e2e_assert_restored
e2e_check "resize: note intact after quitting" \
  json_is "$F" 'd["items"]["S0.1"]["note"]' "alpha beta gamma delta end"

scenario_end
