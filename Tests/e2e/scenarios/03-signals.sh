#!/bin/bash
# Scenario 3: SIGTERM and SIGHUP while the note editor is open (the note not yet closed). The
# program exits with 128+N, restores the terminal, and the session file holds the note.
set -uo pipefail
. "$(dirname "$0")/common.bash"

# signal_during_edit SIG N NOTE
signal_during_edit() {
  local sig="$1" number="$2" note="$3" f="$SCRATCH/signal-$1.json"
  e2e_new_session "$f" "Signal $sig"
  e2e_start "sig$sig" "$BIN open '$f'" 80 24
  e2e_check "SIG$sig: workbench shows" e2e_wait_for "done or N/A"
  e2e_keys j
  e2e_check "SIG$sig: second item selected" e2e_wait_for "Item 2 of 13"
  e2e_keys n
  e2e_check "SIG$sig: note editor opens" e2e_wait_for "editing note"
  e2e_type "$note"
  e2e_check "SIG$sig: the note shows in the editor" e2e_wait_for "$note"
  e2e_check "SIG$sig: signal sent" e2e_signal "$sig"
  e2e_check "SIG$sig: the program exits" e2e_wait_exit
  e2e_check "SIG$sig: exit status $((128 + number))" status_is $((128 + number))
  e2e_check "SIG$sig: terminal restored" e2e_assert_restored
  e2e_check "SIG$sig: the unclosed note was saved" \
    json_is "$f" 'd["items"]["S0.3"]["note"]' "$note"
  e2e_check "SIG$sig: the file still loads" sh -c "'$BIN' status '$f' >/dev/null"
  e2e_check "SIG$sig: file mode 0600" file_mode_is "$f" 600
}

signal_during_edit TERM 15 "Stakeholders: Helen (bank), Tom — stock ✓"
signal_during_edit HUP 1 "Hung up mid-sentence: 日本語 and émigré"

scenario_end
