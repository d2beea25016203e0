#!/bin/bash
# Scenario 4: one session file opened twice. The second casebench says READ-ONLY and why,
# refuses changes without touching the file, and quitting it leaves the first one's lock in
# place; the first one still saves.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/shared.json"
e2e_new_session "$F" "Two Screens"

e2e_start first "$BIN open '$F'" 80 24
e2e_check "twice: first instance shows the workbench" e2e_wait_for "done or N/A"
e2e_check "twice: first instance is not read-only" test -z "$(e2e_screen | grep -F READ-ONLY)"

# Wide, so the whole status bar (the reason and the refusal) fits.
e2e_start second "$BIN open '$F'" 200 30
e2e_check "twice: second instance shows the workbench" e2e_wait_for "done or N/A"
e2e_check "twice: second instance says READ-ONLY" e2e_wait_for "READ-ONLY"
e2e_check "twice: and why (open in another casebench)" screen_has "open in another casebench"
cp -p "$F" "$SCRATCH/before.json"
before_stamp=$(stat -c "%y %i" "$F")

e2e_keys Space
e2e_check "twice: Space is refused with a message" e2e_wait_for "Nothing can be changed"
e2e_keys n
sleep 0.2
e2e_check "twice: n opens no note editor" test -z "$(e2e_screen | grep -F 'editing note')"
e2e_type "zzz"
e2e_check "twice: the list still shows the item untouched" screen_has "[ ] Walk the hard yards"
e2e_keys d
e2e_check "twice: decisions can still be read" e2e_wait_for "decisions to take"
e2e_keys Enter
e2e_check "twice: a decision opens for reading" e2e_wait_for "Your options"
e2e_keys a
sleep 0.3
e2e_check "twice: picking an option does not record it" \
  test -z "$(e2e_screen | grep -F 'Decision recorded')"
e2e_keys Escape
sleep 0.1
e2e_keys Escape
sleep 0.1
e2e_keys q y
e2e_check "twice: second instance quits" e2e_wait_exit
e2e_check "twice: second instance exit status 0" status_is 0
e2e_check "twice: second instance restored the terminal" e2e_assert_restored
e2e_check "twice: the file bytes are unchanged by the second" cmp -s "$F" "$SCRATCH/before.json"
e2e_check "twice: the file was not rewritten by the second" \
  test "$(stat -c "%y %i" "$F")" = "$before_stamp"
e2e_check "twice: no backup written by the second" test ! -e "$F.bak"

# The first one's lock survives the second quitting: a third open is read-only too.
# It runs at 80x24, the size the product promises to work at.
e2e_start third "$BIN open '$F'" 80 24
e2e_check "twice: a third instance is still read-only" e2e_wait_for "READ-ONLY"
# At 80x24 the reason and the refusal must be readable whole, not cut mid-word.
e2e_check "twice: at 80x24 the read-only reason is readable" \
  screen_has "open in another casebench"
e2e_keys Space
e2e_check "twice: at 80x24 the refusal is readable" \
  e2e_wait_for "Nothing can be changed" 2
e2e_check "twice: the third did not change the file either" cmp -s "$F" "$SCRATCH/before.json"
# The third stays open while the first saves and quits, then takes the session over (T).

# And the first still saves.
E2E_SESSION=first
e2e_check "twice: first instance still running" test -n "$(e2e_pid)"
e2e_keys Space
e2e_check "twice: first instance marks the item doing" e2e_wait_for "[~] Walk the hard yards"
e2e_check "twice: first instance saves the change" \
  wait_until 3 json_is "$F" 'd["items"]["S0.1"]["status"]' doing
e2e_keys q y
e2e_check "twice: first instance quits" e2e_wait_exit
e2e_check "twice: first instance exit status 0" status_is 0

E2E_SESSION=third
e2e_keys T
e2e_check "twice: T takes the session over once the first quit" e2e_wait_gone "READ-ONLY" 3
e2e_keys Space
e2e_check "twice: the third, taken over, saves its change" \
  wait_until 3 json_is "$F" 'd["items"]["S0.1"]["status"]' done
e2e_keys q y
e2e_check "twice: third instance quits" e2e_wait_exit
e2e_check "twice: third instance exit status 0" status_is 0

# With the first gone the file opens read-write again.
e2e_start fourth "$BIN open '$F'" 200 30
e2e_check "twice: after both quit, it opens read-write" e2e_wait_for "done or N/A"
sleep 0.3
e2e_check "twice: no READ-ONLY once the first has quit" test -z "$(e2e_screen | grep -F READ-ONLY)"
e2e_keys q y
e2e_check "twice: fourth instance quits" e2e_wait_exit

scenario_end
