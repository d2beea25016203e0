#!/bin/bash
# Scenario 17 (issue 9): three teams join one workshop folder and work at the same time while
# the facilitator's dashboard is open, with pacing. Their changes reach the dashboard within
# 2 s; an announcement reaches all three within 3 s; a released phase opens for all three;
# nothing is lost, and no session file is ever unreadable, even for a moment.
set -uo pipefail
. "$(dirname "$0")/common.bash"

DIR="$SCRATCH/room"
mkdir -p "$DIR"

# Every 50 ms, every session file in the folder must parse; a watcher counts failures.
WATCH_LOG="$SCRATCH/unreadable.log"
: >"$WATCH_LOG"
python3 - "$DIR" "$WATCH_LOG" "$SCRATCH/watch.stop" <<'PY' &
import json, os, sys, time
folder, log, stop = sys.argv[1:4]
while not os.path.exists(stop):
    for name in os.listdir(folder):
        if not name.endswith(".json") or name.startswith("."):
            continue
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                json.load(f)
        except FileNotFoundError:
            pass
        except Exception as e:
            with open(log, "a") as out:
                out.write(f"{name}: {e}\n")
    time.sleep(0.05)
PY
WATCHER=$!

e2e_start dash "$BIN workshop '$DIR' --pace" 120 30
e2e_check "workshop: the dashboard opens with pacing" e2e_wait_for "pacing: open to phase 1"

for n in 1 2 3; do
  e2e_start "team$n" "$BIN join '$DIR' --name 'Team $n'" 100 30
  e2e_check "workshop: team $n joins and sees the workbench" e2e_wait_for "done or N/A"
done

E2E_SESSION=dash
e2e_check "workshop: the dashboard shows three teams within 2 s" e2e_wait_for "3 teams" 3

# Phase 2 is not released: visible, readable, marked, and no work starts there.
for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_keys 2
  e2e_check "workshop: team $n sees phase 2 marked" e2e_wait_for "opens when the facilitator says"
  e2e_keys Space
  e2e_check "workshop: team $n cannot start work in phase 2" \
    e2e_wait_for "Phase 2 opens when the facilitator says."
  e2e_keys 1
done

# All three mark the first item done at the same time.
for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_keys Space Space
done

# The facilitator opens each team read-only: the change is there within 2 s. Each time, wait
# for the dashboard to go (and to come back after Esc), so "[x]" is read from the right team
# and Esc is not taken with the next key as one Alt-key sequence.
E2E_SESSION=dash
for n in 1 2 3; do
  if [ "$n" -gt 1 ]; then e2e_keys Down; fi
  e2e_keys Enter
  e2e_check "workshop: the dashboard opens Team $n read-only" e2e_wait_gone "3 teams"
  e2e_check "workshop: it is Team $n's session" screen_has "Team $n"
  e2e_check "workshop: Team $n's change shows on the dashboard within 2 s" e2e_wait_for "[x]" 2
  e2e_keys Escape
  e2e_check "workshop: Esc comes back to the dashboard" e2e_wait_for "3 teams"
done

# An announcement reaches every team within 3 s.
e2e_keys a
e2e_type "Helen has just called: the review is a week earlier"
e2e_keys Enter
e2e_check "workshop: the dashboard confirms the announcement" e2e_wait_for "Announced"
for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_check "workshop: team $n sees the announcement within 3 s" e2e_wait_for "the review is a week earlier" 3
  e2e_keys Escape
  e2e_check "workshop: team $n dismisses it" e2e_wait_gone "From the facilitator"
done

# The facilitator releases phase 2; it opens for all three.
E2E_SESSION=dash
e2e_keys r
e2e_check "workshop: the release picker opens on phase 2" e2e_wait_for "Release a phase"
e2e_keys Enter
e2e_check "workshop: the dashboard says phase 2 is open" e2e_wait_for "pacing: open to phase 2"
for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_check "workshop: team $n sees the release as a banner within 3 s" e2e_wait_for "Data is open" 3
  e2e_keys Escape
  e2e_check "workshop: team $n dismisses the release banner" e2e_wait_gone "Data is open"
done
# Wait for phase 2's briefing before looking for the notice to go: the screen from before the
# key has no notice either. Then Space must start the item, on screen and in the file.
for n in 1 2 3; do
  E2E_SESSION="team$n"
  F="$DIR/team-$n-bike-shop.json"
  e2e_keys 2
  e2e_check "workshop: team $n is on phase 2" e2e_wait_for "Phase 2 of 6"
  e2e_check "workshop: phase 2 opens for team $n" e2e_wait_gone "opens when the facilitator says" 3
  e2e_keys Space
  e2e_check "workshop: team $n starts phase 2's first item" e2e_wait_for ": doing"
  e2e_check "workshop: team $n's start is saved within 2 s" wait_until 2 json_is "$F" \
    "[v['status'] for k, v in d['items'].items() if not k.startswith('S0.')]" '["doing"]'
done

for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_keys q y
  e2e_check "workshop: team $n quits cleanly" e2e_wait_exit
done
E2E_SESSION=dash
e2e_keys q
e2e_check "workshop: the dashboard quits cleanly" e2e_wait_exit
touch "$SCRATCH/watch.stop"
wait "$WATCHER"

# Nothing lost: every team's phase 1 item is done, its phase 2 item started, the announcement
# is in its log.
for n in 1 2 3; do
  F="$DIR/team-$n-bike-shop.json"
  e2e_check "workshop: team $n's first item is done" json_is "$F" \
    "[v['status'] for k, v in d['items'].items() if k.startswith('S0.')]" '["done"]'
  e2e_check "workshop: team $n's phase 2 work is kept" json_is "$F" \
    "[v['status'] for k, v in d['items'].items() if not k.startswith('S0.')]" '["doing"]'
  e2e_check "workshop: team $n's log records the announcement (its id, not its text)" \
    json_is "$F" "[e['target'] for e in d['events'] if e['kind'] == 'announcement']" \
    '["announcement-1"]'
done
e2e_check "workshop: no session file was ever unreadable" test ! -s "$WATCH_LOG"

# Pacing is the folder's: Team 1's file opened with `open FILE` (not `join`) keeps phase 3
# closed: its briefing is not shown and no work starts there.
F="$DIR/team-1-bike-shop.json"
cp -p "$F" "$SCRATCH/team-1.before"
e2e_start open1 "$BIN open '$F'" 100 30
e2e_check "workshop: open FILE shows the workbench" e2e_wait_for "done or N/A"
e2e_keys 3
e2e_check "workshop: open FILE marks phase 3 closed" e2e_wait_for "opens when the facilitator says"
e2e_check "workshop: open FILE is on phase 3's briefing" e2e_wait_for "Phase 3 of 6"
e2e_check "workshop: open FILE shows nothing of phase 3's story" \
  test -z "$(e2e_screen | grep -F 'the second week of modelling')"
e2e_keys Space
e2e_check "workshop: open FILE refuses work in phase 3" \
  e2e_wait_for "Phase 3 opens when the facilitator says."
e2e_keys q y
e2e_check "workshop: open FILE quits cleanly" e2e_wait_exit
e2e_check "workshop: open FILE started no work in phase 3" json_is "$F" \
  "[k for k in d['items'] if k.startswith('M.')]" '[]'
scenario_end
