#!/bin/bash
# Scenario 26 (issue 19): two members of one team join it from two terminals. The first, the
# typist, holds the session; the second gets a read-only workbench that follows the file: the
# typist's status change and note show there within 3 s, with "Updated from …" on its status
# bar, and the second refuses edits with its read-only message and writes nothing.
set -uo pipefail
. "$(dirname "$0")/common.bash"

DIR="$SCRATCH/room"
mkdir -p "$DIR"
NOTE='Nadia says the till export misses March 2023'

e2e_start typist "$BIN join '$DIR' --name 'Team 5'" 100 30
e2e_check "follow: the typist joins and sees the workbench" e2e_wait_for "done or N/A"
F=$(find "$DIR" -maxdepth 1 -name '*.json' ! -name '.*' | head -n 1)
e2e_check "follow: the team's session file is there" test -f "$F"

e2e_start reader "$BIN join '$DIR' --name 'Team 5'" 120 60
e2e_check "follow: the second member sees the workbench" e2e_wait_for "Phases"
e2e_check "follow: the second member's workbench is read-only" e2e_wait_for "READ-ONLY"
# The reader looks at the first item (j then k: the item's detail, not the briefing).
e2e_keys j
e2e_check "follow: the reader can move" e2e_wait_for "Item 2 of"
e2e_keys k
e2e_check "follow: the reader is on the first item" e2e_wait_for "Item 1 of"

E2E_SESSION=typist
e2e_keys Space
e2e_check "follow: the typist marks the item doing" e2e_wait_for "[~] Walk the hard yards"
e2e_keys n
e2e_check "follow: the typist opens the note editor" e2e_wait_for "editing note"
e2e_type "$NOTE"
e2e_keys Escape
e2e_check "follow: the typist closes the note editor" e2e_wait_gone "editing note"
e2e_check "follow: the typist's change is saved" \
  wait_until 3 json_is "$F" 'd["items"]["S0.1"]["note"]' "$NOTE"

E2E_SESSION=reader
e2e_check "follow: the reader sees the status within 3 s" \
  e2e_wait_for "[~] Walk the hard yards" 3
e2e_check "follow: the reader sees the note within 3 s" e2e_wait_for "$NOTE" 3
e2e_check "follow: the reader's status bar says where it came from" \
  e2e_wait_for "Updated from Team 5's session at" 3
e2e_check "follow: the reader is still on the first item" screen_has "Item 1 of"
e2e_check "follow: the reader is still read-only" e2e_wait_for "READ-ONLY" 8

sleep 1.2
cp -p "$F" "$SCRATCH/before.json"
before_stamp=$(stat -c "%y %i" "$F")
e2e_keys Space
e2e_check "follow: the reader's Space is refused" e2e_wait_for "Nothing can be changed"
e2e_keys n
sleep 1.5
e2e_check "follow: the reader opens no note editor" not screen_has "editing note"
e2e_check "follow: the reader wrote nothing" cmp -s "$F" "$SCRATCH/before.json"
e2e_check "follow: the file was not rewritten" test "$(stat -c "%y %i" "$F")" = "$before_stamp"

e2e_keys q y
e2e_check "follow: the reader quits" e2e_wait_exit
e2e_check "follow: the reader exits 0" status_is 0
e2e_check "follow: the reader restored the terminal" e2e_assert_restored

E2E_SESSION=typist
e2e_keys q y
e2e_check "follow: the typist quits" e2e_wait_exit
e2e_check "follow: the typist exits 0" status_is 0
e2e_check "follow: the file holds the typist's status" \
  json_is "$F" 'd["items"]["S0.1"]["status"]' doing
e2e_check "follow: the file holds the typist's note" \
  json_is "$F" 'd["items"]["S0.1"]["note"]' "$NOTE"

scenario_end
