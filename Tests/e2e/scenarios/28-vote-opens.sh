#!/bin/bash
# Scenario 28 (issue 19): a decision's vote opens at a block of the room's clock. A small case
# study whose first phase has one minute of work, then the decide block: S.D1 opens at the
# decide block, S.D2 at the work block. With the clock started from a script, a team in the
# work block sees S.D1's title but not its situation or options, and a letter does not choose
# ("Voting opens at the Decide block, in 1 min"); it votes on S.D2 at once; and once the clock
# reaches the decide block, S.D1's situation shows, the same letter chooses and the vote is
# recorded.
set -uo pipefail
. "$(dirname "$0")/common.bash"

DIR="$SCRATCH/room"
mkdir -p "$DIR" "$SCRATCH/cases"
CASE="$SCRATCH/cases/vote-opens.yaml"
cp "$E2E_HERE/../../CaseBenchDomainTests/Fixtures/opens/vote-opens.yaml" "$CASE"
e2e_check "opens: the case study lints" "$BIN" lint "$CASE"
e2e_check "opens: the first phase is released" "$BIN" workshop "$DIR" --case "$CASE" --pace
e2e_check "opens: the room's clock starts, in the work block" \
  "$BIN" workshop "$DIR" --case "$CASE" --clock start

e2e_start team1 "$BIN join '$DIR' --name 'Team 1' --case vote-opens --case-dir '$SCRATCH/cases'" 100 30
e2e_check "opens: the team joins" e2e_wait_for "done or N/A"
e2e_check "opens: its status bar shows the work block" e2e_wait_for "Work 0:" 3

e2e_keys d
e2e_check "opens: the list says when S.D1's vote opens" e2e_wait_for "voting opens in 1 min"
e2e_keys Enter
e2e_check "opens: S.D1's dialog says what it holds back" \
  e2e_wait_for "The situation and the options open with the vote"
e2e_check "opens: its situation is held back in the work block" \
  not screen_has "A vendor calls with a price"
e2e_check "opens: so are its options" not screen_has "b) Buy"
e2e_check "opens: the footer says when voting opens" \
  screen_has "Voting opens at the Decide block, in 1 min"
e2e_keys b
e2e_check "opens: a letter says so on the status bar" \
  e2e_wait_for "Voting opens at the Decide block, in 1 min."
e2e_check "opens: and chooses nothing" not screen_has "Why? A sentence or two"
e2e_keys Enter
e2e_check "opens: Enter chooses nothing either" not screen_has "Why? A sentence or two"

# S.D2 opens at the work block: the team votes on it now.
e2e_keys Escape Down Enter
e2e_check "opens: S.D2 is open in the work block" e2e_wait_for "Two managers want to be heard"
e2e_check "opens: with no closed footer" not screen_has "Voting opens"
e2e_keys a
e2e_check "opens: a letter chooses S.D2" e2e_wait_for "Why? A sentence or two"
e2e_type "The owner pays."
e2e_keys C-s
e2e_check "opens: the vote on S.D2 is in" \
  e2e_wait_for "Waiting for the facilitator to reveal this decision"

# Back to S.D1 and wait for the decide block (the work block is one minute long).
e2e_keys Enter
e2e_wait_for "This phase has 2 decisions to take." >/dev/null
e2e_keys Up Enter
e2e_check "opens: S.D1 is still closed" e2e_wait_for "Voting opens at the Decide block"
e2e_check "opens: the footer goes once the clock reaches the decide block" \
  e2e_wait_gone "Voting opens at the Decide block" 75
e2e_check "opens: the status bar shows the decide block" screen_has "Decide "
e2e_check "opens: S.D1's situation shows at the decide block" \
  screen_has "A vendor calls with a price"
e2e_check "opens: and its options" screen_has "b) Buy"
e2e_keys b
e2e_check "opens: now a letter chooses S.D1" e2e_wait_for "Why? A sentence or two"
e2e_type "Buying is faster."
e2e_keys C-s
e2e_check "opens: the vote on S.D1 is in" \
  e2e_wait_for "Waiting for the facilitator to reveal this decision"

e2e_keys q
e2e_keys q y
e2e_check "opens: the team quits cleanly" e2e_wait_exit
F="$DIR/team-1-vote-opens.json"
e2e_check "opens: both votes are in the session" json_is "$F" \
  "{k: v['option'] for k, v in sorted(d['decisions'].items())}" '{"S.D1": "b", "S.D2": "a"}'
scenario_end
