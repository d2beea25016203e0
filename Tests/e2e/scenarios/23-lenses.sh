#!/bin/bash
# Scenario 20: lenses through the keyboard (issue 20). Adds the ML Test Score and deon's default
# checklist from the workbench with `+`; filters the Data phase's checklist with `f`; gives a
# test half a point and another a whole one with Space; reads the score with its workings on
# the lens scores page (`S`); a broken deon file is refused with its FILE:LINE:COL in the
# status bar; quits, and the file has both lenses and the points, and `lens list` agrees.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/lenses.json"
e2e_new_session "$F" "Lens Team"
DEON="$E2E_HERE/../../CaseBenchDomainTests/Fixtures/deon-0.3.0/checklist.yml"
BROKEN="$SCRATCH/broken.yml"
printf 'title: Broken\nsections:\n  - title: Data Collection\n    section_id: A\n    lines:\n      - line_id: A.1\n        line: "Asked?"\n' >"$BROKEN"

e2e_start main "$BIN open '$F'" 120 40
e2e_check "lenses: the workbench shows" e2e_wait_for "done or N/A"

e2e_keys +
e2e_check "lenses: + asks for a lens" e2e_wait_for "Add a lens (ml-test-score"
e2e_type "ml-test-score"
e2e_keys Enter
e2e_check "lenses: the ML Test Score is added" e2e_wait_for "Added lens ML Test Score (28 items)"
e2e_keys +
e2e_check "lenses: + asks again" e2e_wait_for "Add a lens (ml-test-score"
e2e_type "$DEON"
e2e_keys Enter
e2e_check "lenses: deon's checklist is imported and added" \
  e2e_wait_for "Added lens deon (21 items), imported from deon checklist checklist.yml"

# The Data phase: deon's items and the rubric's data tests follow the case study's.
e2e_keys 2
e2e_check "lenses: deon's items show in Data, tagged" e2e_wait_for "[deon] Informed consent"
e2e_keys f
e2e_check "lenses: f shows the case study's items only" e2e_wait_for "2 Data · case study only"
e2e_check "lenses: ... without deon's" e2e_wait_gone "[deon] Informed consent"
e2e_keys f
e2e_check "lenses: f again shows the ML Test Score's only" \
  e2e_wait_for "2 Data · ML Test Score only"

# The first data test: half a point; the second: a whole one.
e2e_keys Space
e2e_check "lenses: Space gives half a point" \
  e2e_wait_for "Feature expectations are written as a schema: 0.5, by hand"
e2e_keys j Space Space
e2e_check "lenses: twice gives a whole one" \
  e2e_wait_for "Every feature earns its place: 1, automated and repeated"

e2e_keys S
e2e_check "lenses: S shows the scores" e2e_wait_for "Lens scores"
e2e_check "lenses: the section sums" screen_has "Data            1.5 of 7"
e2e_check "lenses: the workings" \
  screen_has "Workings: Data 1.5 · Model 0 · Infrastructure 0 · Monitoring 0; the minimum is 0"
e2e_check "lenses: the final score and its band" screen_has "Final score 0, band 0:"
e2e_keys Escape

e2e_keys +
e2e_check "lenses: + asks for the broken one" e2e_wait_for "Add a lens (ml-test-score"
e2e_type "$BROKEN"
e2e_keys Enter
e2e_check "lenses: a broken deon file says where" \
  e2e_wait_for "Can't add the lens: broken.yml:6:9: error: missing key 'line_summary'"

e2e_keys q y
e2e_check "lenses: quits" e2e_wait_exit
e2e_check "lenses: exit status 0" status_is 0
e2e_check "lenses: terminal restored" e2e_assert_restored
e2e_check "lenses: both lenses are in the file" \
  json_is "$F" "[r['id'] for r in d['lenses']['records']]" \
  '["ml-test-score", "data-science-ethics-checklist"]'
e2e_check "lenses: the points are in the file" \
  json_is "$F" "d['lenses']['points']" '{"ml-test-score:Data.1": 0.5, "ml-test-score:Data.2": 1}'
# Reopened, it lands on the test it was left on, with its points.
e2e_start again "$BIN open '$F'" 120 40
e2e_check "lenses: reopened on the last test" e2e_wait_for "Data.2 · [ML Test Score] · 1 points"
e2e_keys q y
e2e_check "lenses: quits again" e2e_wait_exit
"$BIN" lens list "$F" >"$SCRATCH/list" 2>&1
e2e_check "lenses: lens list agrees" grep -qF "the minimum is 0 (Model, Infrastructure, Monitoring)" "$SCRATCH/list"

e2e_summary
