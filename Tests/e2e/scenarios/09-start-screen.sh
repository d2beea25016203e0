#!/bin/bash
# Scenario 9: the start screen. With an empty data folder, plain `casebench` shows the Bike
# Shop; Enter asks for a name; the new session opens in the workbench and is saved in
# $XDG_DATA_HOME/casebench/sessions. Started again, the start screen lists the saved session
# and resumes it where it was left.
set -uo pipefail
. "$(dirname "$0")/common.bash"

SESSIONS="$XDG_DATA_HOME/casebench/sessions"

# session_files : the session files (not locks or backups) in $SESSIONS, one a line.
session_files() {
  find "$SESSIONS" -maxdepth 1 -type f -name '*.json' 2>/dev/null
}

one_session_file() {
  [ "$(session_files | wc -l)" -eq 1 ]
}

# same_column ROW1 ROW2 TEXT : on the rows holding ROW1 and ROW2, TEXT starts at the same
# display column (wide characters count two).
same_column() {
  e2e_screen | python3 -c '
import sys, unicodedata
a, b, needle = sys.argv[1:]
def col(line):
    i = line.index(needle, line.index(a if a in line else b) + 1)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:i])
rows = sys.stdin.read().splitlines()
ra = next(r for r in rows if a in r)
rb = next(r for r in rows if b in r)
ca, cb = col(ra), col(rb)
if ca != cb:
    sys.exit(f"{needle!r} at column {ca} on the {a!r} row but {cb} on the {b!r} row")
' "$1" "$2" "$3"
}

e2e_check "start: the data folder starts empty" test -z "$(session_files)"
e2e_start start "$BIN" 80 24
e2e_check "start: shows the Bike Shop" e2e_wait_for "The Bike Shop"
e2e_check "start: lists case studies" screen_has "Case studies"
e2e_check "start: says there are no saved sessions yet" screen_has "None yet"
e2e_keys Enter
e2e_check "start: Enter asks for a name" e2e_wait_for "Participant or team:"
e2e_type "Team B"
e2e_check "start: the name shows as typed" e2e_wait_for "Participant or team: Team B"
e2e_keys Enter
e2e_check "start: Enter opens the workbench" e2e_wait_for "done or N/A"
e2e_check "start: on Sprint 0" e2e_wait_for "1 Sprint 0 ──"
e2e_check "start: a session file appears in \$XDG_DATA_HOME/casebench/sessions" \
  wait_until 3 one_session_file
f=$(session_files | head -n 1)
e2e_check "start: the file is for Team B" json_is "$f" 'd["participant"]' "Team B"
e2e_check "start: the file is a Bike Shop session" json_is "$f" 'd["case_study_id"]' bike-shop
e2e_check "start: file mode 0600" file_mode_is "${f:-/nonexistent}" 600
e2e_keys j Space
e2e_check "start: the second item becomes doing" e2e_wait_for "[~] Write the project hypothesis"
e2e_keys q y
e2e_check "start: q quits" e2e_wait_exit
e2e_check "start: exit status 0" status_is 0
e2e_check "start: terminal restored" e2e_assert_restored
e2e_check "start: the change was saved" json_is "$f" 'd["items"]["S0.3"]["status"]' doing

e2e_start resume "$BIN" 80 24
e2e_check "resume: the start screen lists Team B" e2e_wait_for "Team B"
e2e_check "resume: no longer says None yet" not screen_has "None yet"
e2e_check "resume: the cursor starts on the newest session" e2e_wait_for "▸ Team B"
e2e_keys Enter
e2e_check "resume: Enter resumes it in the workbench" e2e_wait_for "done or N/A"
e2e_check "resume: on the item left selected" e2e_wait_for "Item 2 of 13"
e2e_check "resume: with its status" screen_has "[~] Write the project hypothesis"
e2e_keys q y
e2e_check "resume: q quits" e2e_wait_exit
e2e_check "resume: exit status 0" status_is 0
e2e_check "resume: still one session file" one_session_file

# Wide characters and emoji in a name keep the listing's columns aligned.
"$BIN" new --name "チーム 日本 🚲" --out "$SESSIONS/wide.json" >/dev/null
e2e_start wide "$BIN" 80 24
e2e_check "wide: the start screen lists the wide name" e2e_wait_for "チーム 日本 🚲"
e2e_check "wide: the date column lines up with Team B's" \
  same_column "Team B" "チーム 日本 🚲" "today"
e2e_keys q
e2e_check "wide: q quits" e2e_wait_exit

scenario_end
