#!/bin/bash
# Scenario 22 (issue 22): vote, then reveal. Three teams join one folder with the dashboard
# open and vote on Sprint 0's first decision: each sees "Waiting for the facilitator" and no
# consequence; the dashboard names who voted (never what) and asks before revealing while a
# team has not voted; `v` reveals it, and within 3 s every team sees its own consequence and the
# banner; a change after the reveal is flagged on the dashboard and logged with its time.
set -uo pipefail
. "$(dirname "$0")/common.bash"

DIR="$SCRATCH/room"
mkdir -p "$DIR"
"$BIN" workshop "$DIR" --init >/dev/null 2>&1

# Sprint 0's first decision, S0.D1: a) is option c, b) option a (the YAML's ids differ).
CONSEQUENCE_A="Two days of Ola's time produce three screens"
CONSEQUENCE_B="The team drops the data work"

e2e_start dash "$BIN workshop '$DIR'" 120 30
e2e_check "reveal: the dashboard opens" e2e_wait_for "Teams"
e2e_keys Tab
e2e_check "reveal: Tab shows the decision splits" e2e_wait_for "Decision splits"

for n in 1 2 3; do
  e2e_start "team$n" "$BIN join '$DIR' --name 'Team $n'" 100 30
  e2e_check "reveal: team $n joins" e2e_wait_for "done or N/A"
done

# vote N DOWNS : team N opens S0.D1, picks the option DOWNS rows below a), writes why, confirms.
vote() {
  E2E_SESSION="team$1"
  e2e_keys d
  e2e_wait_for "This phase has 2 decisions to take." >/dev/null
  e2e_keys Enter
  e2e_wait_for "Your options" >/dev/null
  local i
  for ((i = 0; i < $2; i++)); do e2e_keys Down; done
  e2e_keys Enter
  e2e_wait_for "Why? A sentence or two" >/dev/null
  e2e_type "Team $1 thinks this is the safest path"
  e2e_keys C-s
  e2e_check "reveal: team $1's vote waits for the facilitator" \
    e2e_wait_for "Waiting for the facilitator to reveal this decision"
  e2e_check "reveal: team $1 sees no consequence" not screen_has "$CONSEQUENCE_A"
  e2e_check "reveal: team $1 sees no other consequence" not screen_has "$CONSEQUENCE_B"
}

vote 1 0
vote 2 1

E2E_SESSION=dash
e2e_check "reveal: the dashboard counts the votes" e2e_wait_for "2 of 3 teams have voted." 3
e2e_check "reveal: it names who voted" screen_has "Voted: Team 1, Team 2"
e2e_check "reveal: and who has not" screen_has "Not yet: Team 3"
e2e_check "reveal: never what they chose" not screen_has "1 of 3"
e2e_keys v
e2e_check "reveal: v asks first while a team has not voted" \
  e2e_wait_for "2 of 3 teams have voted. Reveal S0.D1 now? y/n"
e2e_keys n
e2e_check "reveal: n does not reveal" e2e_wait_for "Not revealed."

vote 3 0

E2E_SESSION=dash
e2e_check "reveal: every team has voted" e2e_wait_for "3 of 3 teams have voted." 3
e2e_keys v
e2e_check "reveal: v reveals it" e2e_wait_for "Revealed S0.D1"
e2e_check "reveal: the split appears with the team names" e2e_wait_for "Team 1, Team 3"
e2e_check "reveal: the split counts the class" screen_has "2 of 3"

for n in 1 2 3; do
  E2E_SESSION="team$n"
  want=$CONSEQUENCE_A
  [ "$n" = 2 ] && want=$CONSEQUENCE_B
  e2e_check "reveal: team $n sees its consequence within 3 s, no key pressed" \
    e2e_wait_for "$want" 3
  e2e_check "reveal: team $n no longer waits" not screen_has "Waiting for the facilitator"
  # Enter goes back to the phase's list; Esc closes the dialog.
  e2e_keys Enter Escape
  e2e_check "reveal: team $n sees the banner" \
    e2e_wait_for "Decision S0.D1 revealed: see its consequence"
  e2e_keys Escape
  e2e_wait_gone "Decision S0.D1 revealed" >/dev/null
done

# Team 2 changes its mind after the reveal: allowed, logged, flagged.
E2E_SESSION=team2
sleep 0.1
e2e_keys d
e2e_wait_for "This phase has 2 decisions to take." >/dev/null
e2e_keys Enter
e2e_check "reveal: the revealed decision opens on its consequence" e2e_wait_for "$CONSEQUENCE_B"
e2e_keys c
e2e_wait_for "Your options" >/dev/null
e2e_keys Up Enter
e2e_wait_for "Why? A sentence or two" >/dev/null
e2e_keys C-s
e2e_check "reveal: a change after the reveal shows its consequence at once" \
  e2e_wait_for "$CONSEQUENCE_A"

E2E_SESSION=dash
e2e_check "reveal: the dashboard flags the change after the reveal" \
  e2e_wait_for "Changed after the reveal: Team 2" 3

for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_keys Enter
  # Team 2 was on an outcome: Enter went back to the list, and Esc closes it.
  if [ "$n" = 2 ]; then e2e_keys Escape; fi
  sleep 0.1
  e2e_keys q y
  e2e_check "reveal: team $n quits cleanly" e2e_wait_exit
  e2e_check "reveal: team $n's terminal is restored" e2e_assert_restored
done
E2E_SESSION=dash
e2e_keys q
e2e_check "reveal: the dashboard quits cleanly" e2e_wait_exit
e2e_check "reveal: the dashboard's terminal is restored" e2e_assert_restored

F2="$DIR/team-2-bike-shop.json"
e2e_check "reveal: the facilitator's file records the reveal" \
  json_is "$DIR/.casebench-workshop.json" '[r["decision"] for r in d["reveals"]]' '["S0.D1"]'
# changed_after_reveal : team 2's log holds "changed a → c" (the letters' ids) at a time after
# the reveal in the facilitator's file.
changed_after_reveal() {
  python3 - "$F2" "$DIR/.casebench-workshop.json" <<'PY'
import datetime, json, sys
def when(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
session = json.load(open(sys.argv[1], encoding="utf-8"))
revealed = when(json.load(open(sys.argv[2], encoding="utf-8"))["reveals"][0]["at"])
changes = [e for e in session["events"] if e["kind"] == "decision" and e["detail"] == "changed a → c"]
sys.exit(0 if len(changes) == 1 and when(changes[0]["at"]) >= revealed else 1)
PY
}
e2e_check "reveal: team 2's log has the change, timed after the reveal" changed_after_reveal
scenario_end
