#!/bin/bash
# Scenario 18: the story's pages and the authoring loop (issue 11). In a session: w opens who's
# who, B the background, L the ethics lens (Enter goes to the item in its phase), each from the
# workbench and from a tool, Esc returning; search finds a cast member. Then `casebench preview`
# on a case-study file that is edited underneath: a save reloads it, a broken save shows the
# located error over the last good version, a fix reloads it, and nothing is written.
set -uo pipefail
. "$(dirname "$0")/common.bash"

e2e_new_session "$SCRATCH/team.json" "Team W"
e2e_start story "$BIN open $SCRATCH/team.json" 100 40
e2e_check "story: the workbench shows" e2e_wait_for "Team W"

e2e_keys w
e2e_check "w: who's who opens" e2e_wait_for "Who's who"
e2e_check "w: the first person's hot buttons" e2e_wait_for "Hot buttons"
e2e_check "w: power and interest" screen_has "Power high · interest high"
e2e_keys Down
e2e_check "Down: the next person" e2e_wait_for "Black boxes"
e2e_keys Escape
e2e_check "Esc: back to the workbench" e2e_wait_gone "Who's who"

e2e_keys B
e2e_check "B: the background" e2e_wait_for "Background · The Bike Shop"
e2e_check "B: its first paragraph" screen_has "Greenway Cycles"
e2e_keys G
e2e_check "G: its last list item, as a list item" e2e_wait_for "- Rentals are not part of this project."
e2e_keys Escape
e2e_check "Esc: back from the background" e2e_wait_gone "Background · The Bike Shop"

e2e_keys L
e2e_check "L: the ethics lens" e2e_wait_for "Ethics lens"
e2e_check "L: lines say their phase" screen_has "2 Data"
e2e_keys G Enter
e2e_check "Enter: the lens closes" e2e_wait_gone "Ethics lens"
e2e_check "Enter: the checklist is the Ethics phase's" screen_has "─ 6 Ethics ─"
e2e_check "Enter: the item's detail shows" screen_has "Item 8 of 8"

e2e_keys r
e2e_check "r: the risk register" e2e_wait_for "Risk register"
e2e_keys w
e2e_check "w from a tool: who's who" e2e_wait_for "Who's who"
e2e_keys Escape
e2e_check "Esc: back to the tool" e2e_wait_for "Risk register"
e2e_keys Escape
e2e_check "Esc: back to the checklist" e2e_wait_gone "Risk register"

e2e_keys /
e2e_type "Black boxes"
e2e_keys Enter
e2e_check "search: a hot button opens who's who on the person" e2e_wait_for "Who's who"
e2e_check "search: on Tom" screen_has "Head of Operations"
e2e_keys Escape Escape q y
e2e_check "story: q quits" e2e_wait_exit
e2e_check "story: exit status 0" status_is 0

# The authoring loop.
mkdir -p "$SCRATCH/author"
cd "$SCRATCH/author" || exit 1
"$BIN" new-case demo --out demo.yaml >/dev/null
e2e_start preview "$BIN preview demo.yaml" 100 30
e2e_check "preview: the workbench on the file" e2e_wait_for "Scoping"
e2e_check "preview: it says so" screen_has "Previewing demo.yaml"
e2e_check "preview: read-only" screen_has "READ-ONLY"
sed -i 's/title: Scoping/title: Framing/' demo.yaml
e2e_check "preview: a save reloads it" e2e_wait_for "Framing"
cp demo.yaml good.yaml
sed -i '/goal: Agree on the decision the project supports./d' demo.yaml
e2e_check "preview: a broken save shows its error" e2e_wait_for "Not reloaded"
e2e_check "preview: located" screen_has "demo.yaml:24:5: error: missing required key 'goal'"
e2e_check "preview: the last good version stays" screen_has "Framing"
cp good.yaml demo.yaml
e2e_check "preview: the fix reloads it" e2e_wait_gone "Not reloaded"
e2e_check "preview: and says so" screen_has "Fixed and reloaded"
e2e_keys Space
e2e_check "preview: a change is refused" e2e_wait_for "Read-only"
e2e_keys q y
e2e_check "preview: q quits" e2e_wait_exit
e2e_check "preview: exit status 0" status_is 0
e2e_check "preview: nothing was written beside the file" \
  test "$(ls -A "$SCRATCH/author" | tr '\n' ' ')" = "demo.yaml good.yaml "
e2e_check "preview: no session anywhere" test -z "$(find "$XDG_DATA_HOME" "$HOME" -name '*.json' 2>/dev/null)"

scenario_end
