#!/bin/bash
# Scenario 6: kill -9 (no chance to clean up) after some changes, and again in the middle of a
# burst of changes. The file still loads, the changes saved before the kill are in it, and the
# next open is read-write (a killed instance leaves no lock that blocks).
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/killed.json"
e2e_new_session "$F" "Hard Stop"

e2e_start k1 "$BIN open '$F'" 80 24
e2e_check "kill -9: workbench shows" e2e_wait_for "done or N/A"
e2e_keys Space
e2e_check "kill -9: first item doing" e2e_wait_for "[~] Walk the hard yards"
e2e_keys j Space Space
e2e_check "kill -9: second item done" e2e_wait_for "[x] Write the project hypothesis"
e2e_keys n
e2e_check "kill -9: note editor opens" e2e_wait_for "editing note"
e2e_type "saved before the kill"
e2e_keys C-s
e2e_check "kill -9: Ctrl-S closes the editor" e2e_wait_gone "editing note"
e2e_check "kill -9: the changes are saved within a second or two" \
  wait_until 3 json_is "$F" 'd["items"]["S0.3"]["note"]' "saved before the kill"
e2e_check "kill -9: SIGKILL sent" e2e_signal KILL
e2e_check "kill -9: the program is gone" e2e_wait_exit
e2e_check "kill -9: exit status 137" status_is 137
e2e_check "kill -9: casebench status FILE exits 0" sh -c "'$BIN' status '$F' >/dev/null"
e2e_check "kill -9: first item still doing" json_is "$F" 'd["items"]["S0.1"]["status"]' doing
e2e_check "kill -9: second item still done" json_is "$F" 'd["items"]["S0.3"]["status"]' done
e2e_check "kill -9: note still there" json_is "$F" 'd["items"]["S0.3"]["note"]' \
  "saved before the kill"
e2e_check "kill -9: file mode 0600" file_mode_is "$F" 600

# Kill in the middle of a burst of changes (saves in flight), a few times over.
for round in 1 2 3; do
  e2e_start "burst$round" "$BIN open '$F'" 80 24
  e2e_check "kill -9 burst $round: reopens read-write" e2e_wait_for "done or N/A"
  e2e_check "kill -9 burst $round: no READ-ONLY after a killed instance" \
    test -z "$(e2e_screen | grep -F READ-ONLY)"
  e2e_keys j Space j Space Space k Space j j Space
  sleep 0.$((round * 3))
  e2e_signal KILL
  e2e_check "kill -9 burst $round: the program is gone" e2e_wait_exit
  e2e_check "kill -9 burst $round: the file still loads" sh -c "'$BIN' status '$F' >/dev/null"
  e2e_check "kill -9 burst $round: the early note survives" \
    json_is "$F" 'd["items"]["S0.3"]["note"]' "saved before the kill"
done

scenario_end
