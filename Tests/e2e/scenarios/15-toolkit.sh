#!/bin/bash
# Scenario 15: the project manager's toolkit through the keyboard. Adds a risk (taken from the
# phase's risk prompts, and one of our own) and an estimate, quits, reopens and finds both; the
# exported report shows them.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/toolkit.json"
e2e_new_session "$F" "Toolkit Team"

e2e_start main "$BIN open '$F'" 80 24
e2e_check "toolkit: the workbench shows" e2e_wait_for "Phases"

# The risk register: r, then the suggestions (Tab Tab) and Enter takes the first one.
e2e_keys r
e2e_check "toolkit: r opens the risk register" e2e_wait_for "Heat map"
e2e_check "toolkit: the phase's risk prompts are offered" screen_has "Suggested for Sprint 0 (5)"
e2e_keys Tab Tab Enter
e2e_check "toolkit: Enter takes the suggestion" e2e_wait_for "Took S0.R1 as R1"
# A risk of our own in the cell the map is on (L4 x I4 after taking S0.R1), from the map.
e2e_keys Tab a
e2e_check "toolkit: a asks for the risk" e2e_wait_for "New risk:"
e2e_type "Till export drops refunds"
e2e_keys Enter
e2e_check "toolkit: the risk is added" e2e_wait_for "Added R2"
e2e_check "toolkit: the heat map counts both in one cell" screen_has "L4 │ ·    ·    ·    2"

# The estimate: t, a task, then complex data (1).
e2e_keys t
e2e_check "toolkit: t opens the estimate" e2e_wait_for "Workings"
e2e_keys a
e2e_type "Ola solo forecast 10"
e2e_keys Enter
e2e_keys 1 2
e2e_check "toolkit: the workings show the worked example" \
  e2e_wait_for "Workings: 10 → 20 → 40 → 80"

e2e_keys Escape
e2e_check "toolkit: Esc goes back to the checklist" e2e_wait_for "Walk the hard yards"
e2e_check "toolkit: the risks are saved" \
  wait_until 3 json_is "$F" 'len(d["toolkit"]["risks"])' 2
e2e_keys q
e2e_check "toolkit: quits" e2e_wait_exit
e2e_check "toolkit: exit status 0" status_is 0
e2e_check "toolkit: saved as schema 2" json_is "$F" 'd["schema_version"]' 2
e2e_check "toolkit: the estimate is saved" \
  json_is "$F" 'd["toolkit"]["estimate"]["factors"]' '["complex_data", "big_data"]'

# Reopen and find both.
e2e_start again "$BIN open '$F'" 80 24
e2e_check "toolkit: reopens" e2e_wait_for "Phases"
e2e_keys r
e2e_check "toolkit: the risks are still there" e2e_wait_for "2 risks, 2 open, 2 high"
e2e_keys t
e2e_check "toolkit: the estimate is still there" e2e_wait_for "Result: 80 person-days"
e2e_keys q
e2e_check "toolkit: quits again" e2e_wait_exit

# The exported report shows them.
"$BIN" export "$F" -o "$SCRATCH/report.md"
e2e_check "toolkit: the report lists the taken risk" \
  grep -q "| R1 | The sponsor's expectations" "$SCRATCH/report.md"
e2e_check "toolkit: the report lists our risk" grep -q "Till export drops refunds" "$SCRATCH/report.md"
e2e_check "toolkit: the report shows the workings" \
  grep -q -- "- Workings: 10 → 20 → 40 → 80 person-days" "$SCRATCH/report.md"
e2e_check "toolkit: status shows the open high risks" \
  bash -c "'$BIN' status '$F' | grep -q '2 open and high'"

scenario_end
