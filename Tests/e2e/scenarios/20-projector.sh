#!/bin/bash
# Scenario 20 (issue 22, the projector view): three teams have voted on Sprint 0's first
# decision. The projector at 80x24 shows that all three voted and no verdict; after
# `workshop DIR --reveal S0.D1` it shows the split with the team names within 3 s, still with no
# verdict; Space shows the verdicts. At 200x50 nothing is cut, and q leaves the terminal as
# it was.
set -uo pipefail
. "$(dirname "$0")/common.bash"

DIR="$SCRATCH/room"
mkdir -p "$DIR"

# Three sessions made by casebench, each with a vote on S0.D1 (its options' ids from the YAML:
# the teams saw c, a, d, b as a) to d)).
n=0
for team in "Team 1:c" "Team 2:c" "Les Vélos:b"; do
  n=$((n + 1))
  e2e_new_session "$DIR/team-$n-bike-shop.json" "${team%%:*}"
  python3 - "$DIR/team-$n-bike-shop.json" "${team##*:}" <<'PY'
import json, sys
path, option = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    s = json.load(f)
at = "2026-12-07T10:05:00Z"
s["decisions"]["S0.D1"] = {"decided_at": at, "option": option, "rationale": "We voted."}
s["events"].append({"at": at, "detail": "chose " + option, "kind": "decision", "target": "S0.D1"})
with open(path, "w", encoding="utf-8") as f:
    json.dump(s, f, indent=2, ensure_ascii=False)
PY
done

# No verdict word: the marks the projector gives a verdict, and the verdicts' names.
no_verdict() {
  ! e2e_screen | grep -Eq 'RECOMMENDED|DEFENSIBLE|POOR|recommended|defensible'
}

e2e_start proj "$BIN workshop '$DIR' --projector" 80 24
e2e_check "projector: all three teams have voted" e2e_wait_for "3 of 3 teams have voted"
e2e_check "projector: it is S0.D1" screen_has "A live demo in three weeks"
e2e_check "projector: no verdict before the reveal" no_verdict
e2e_check "projector: no team names before the reveal" not screen_has "Les Vélos"
e2e_keys Space Right
e2e_check "projector: Space does not get past the vote before the reveal" no_verdict

"$BIN" workshop "$DIR" --reveal S0.D1 >/dev/null
e2e_check "projector: the split with team names within 3 s of the reveal" \
  e2e_wait_for "Team 1, Team 2" 3
e2e_check "projector: the third team under its option" screen_has "Les Vélos"
e2e_check "projector: the split is the step shown" screen_has "the split"
e2e_check "projector: still no verdict after the reveal" no_verdict

e2e_keys Space
e2e_check "projector: Space shows the verdicts" e2e_wait_for "RECOMMENDED"
verdicts_shown() {
  test "$(e2e_screen | grep -Ec 'RECOMMENDED|DEFENSIBLE|POOR')" -ge 4
}
e2e_check "projector: every option has its verdict" verdicts_shown

e2e_resize 200 50
e2e_check "projector: redraws at 200x50" e2e_wait_for "Decision 1 of"
e2e_check "projector: nothing cut at 200x50" not screen_has "…"
for label in "Show the bank mock-ups of the new screen" "Build a first forecast for the bank" \
  "Send the bank the written plan, no demo" "Test a model against Tom at three stores"; do
  e2e_check "projector: whole label at 200x50: $label" screen_has "$label"
done
e2e_resize 80 24
e2e_check "projector: back at 80x24, nothing cut" e2e_wait_for "Decision 1 of"
e2e_check "projector: no ellipsis at 80x24" not screen_has "…"

e2e_keys q
e2e_check "projector: q quits" e2e_wait_exit
e2e_check "projector: exit status 0" status_is 0
e2e_check "projector: terminal restored" e2e_assert_restored
scenario_end
