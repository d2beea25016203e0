#!/bin/bash
# Scenario 15: the project manager's toolkit through the keyboard. Adds a risk (taken from the
# phase's risk prompts, and one of our own) and an estimate; edits our risk's fields in its form
# (a bad review date is refused); adds a success metric, a model and an adoption decision; quits,
# reopens and finds them all; the exported report shows them.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/toolkit.json"
e2e_new_session "$F" "Toolkit Team"

e2e_start main "$BIN open '$F'" 80 24
e2e_check "toolkit: the workbench shows" e2e_wait_for "done or N/A"

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

# Edit our risk on screen: the cell's list (Tab), R2 (Down), its form (Enter). Fields: title,
# phase, likelihood, impact, owner, mitigation, status, review date.
e2e_keys Tab Down Enter
e2e_check "toolkit: Enter opens the risk's form" e2e_wait_for "Edit R2"
e2e_keys Down Down Left
e2e_check "toolkit: Left steps the likelihood down, saved" e2e_wait_for "R2 saved."
e2e_check "toolkit: the likelihood shows 3" screen_has "likelihood   < 3 >"
e2e_keys Down Down Enter
e2e_check "toolkit: Enter asks for the owner" e2e_wait_for "Owner:"
e2e_type "Nadia"
e2e_keys Enter
e2e_check "toolkit: the owner is shown" e2e_wait_for "owner        Nadia"
e2e_keys Down Down Down Enter
e2e_check "toolkit: Enter asks for the review date" e2e_wait_for "Review date:"
e2e_type "2027-02-30"
e2e_keys Enter
e2e_check "toolkit: a day that does not exist is refused, with the fix" \
  e2e_wait_for "'2027-02-30' is not a day (fix: write it as YYYY-MM-DD"
# The prompt keeps the refused day, to be corrected rather than typed again.
e2e_keys BSpace BSpace BSpace BSpace BSpace
e2e_type "01-15"
e2e_keys Enter
e2e_check "toolkit: the review date is shown" e2e_wait_for "review date  2027-01-15"
e2e_keys Up Right
e2e_check "toolkit: Right steps the status" e2e_wait_for "status       < mitigated >"
e2e_keys Escape
e2e_check "toolkit: Esc leaves the form for the list" e2e_wait_for "In this cell"

# The estimate: t, a task, then complex data (1).
e2e_keys t
e2e_check "toolkit: t opens the estimate" e2e_wait_for "Workings"
e2e_keys a
e2e_type "Ola solo forecast 10"
e2e_keys Enter
e2e_keys 1 2
e2e_check "toolkit: the workings show the worked example" \
  e2e_wait_for "Workings: 10 → 20 → 40 → 80"

# A success metric: stakeholders (s), the metrics list (Tab Tab), a new one (a). Fields: metric,
# KPI, mechanism, target, then the row that adds it.
e2e_keys s
e2e_check "toolkit: s opens the stakeholders" e2e_wait_for "Power (rows)"
e2e_keys Tab Tab a
e2e_check "toolkit: a starts a new metric" e2e_wait_for "New success metric"
e2e_keys Enter
e2e_type "Emergency transfers"
e2e_keys Enter Down Right
e2e_check "toolkit: Right steps the KPI" e2e_wait_for "KPI        < cost saving >"
e2e_keys Down Enter
e2e_type "Stock is ordered where it will sell"
e2e_keys Enter Down Down Enter
e2e_check "toolkit: the metric is added" e2e_wait_for "Added K1: Emergency transfers → cost saving"

# A model (m, a) with its data version (e, its form), then an adoption decision (Tab, a).
e2e_keys m a
e2e_type "Seasonal naive"
e2e_keys Enter
e2e_check "toolkit: the model is registered" e2e_wait_for "Registered M1"
e2e_keys e Down Down Enter
e2e_type "till-2026-01"
e2e_keys Enter
e2e_check "toolkit: the model's data version is saved" e2e_wait_for "M1 saved."
e2e_keys Escape Tab a
e2e_check "toolkit: a starts an adoption decision" e2e_wait_for "New adoption decision"
e2e_keys Down Down Enter
e2e_type "Tom can interrogate it"
e2e_keys Enter Down Enter
e2e_check "toolkit: the adoption is recorded" e2e_wait_for "Recorded A1: adopted M1"

e2e_keys Escape
e2e_check "toolkit: Esc goes back to the checklist" e2e_wait_for "Walk the hard yards"
e2e_check "toolkit: the risks are saved" \
  wait_until 3 json_is "$F" 'len(d["toolkit"]["risks"])' 2
e2e_keys q y
e2e_check "toolkit: quits" e2e_wait_exit
e2e_check "toolkit: exit status 0" status_is 0
e2e_check "toolkit: saved as schema 2" json_is "$F" 'd["schema_version"]' 2
e2e_check "toolkit: the estimate is saved" \
  json_is "$F" 'd["toolkit"]["estimate"]["factors"]' '["complex_data", "big_data"]'
e2e_check "toolkit: the risk's edits are saved" json_is "$F" \
  '[d["toolkit"]["risks"][1][k] for k in ("likelihood", "owner", "status", "review_date")]' \
  '[3, "Nadia", "mitigated", "2027-01-15"]'
e2e_check "toolkit: the metric is saved" json_is "$F" \
  '[d["toolkit"]["metrics"][0][k] for k in ("kpi", "mechanism")]' \
  '["cost_saving", "Stock is ordered where it will sell"]'
e2e_check "toolkit: the model and the adoption are saved" json_is "$F" \
  '[d["toolkit"]["models"][0]["data_version"], d["toolkit"]["adoptions"][0]["rationale"]]' \
  '["till-2026-01", "Tom can interrogate it"]'
e2e_check "toolkit: each edit is in the event log" json_is "$F" \
  '[e["detail"] for e in d["events"] if e.get("target") == "R2"][1:]' \
  '["edited: L4 × I4 → L3 × I4", "edited: owner Nadia", "edited: review 2027-01-15", "edited: open → mitigated"]'

# Reopen and find both.
e2e_start again "$BIN open '$F'" 80 24
e2e_check "toolkit: reopens" e2e_wait_for "done or N/A"
e2e_keys r
e2e_check "toolkit: the risks are still there" e2e_wait_for "2 risks, 1 open, 1 high"
e2e_keys t
e2e_check "toolkit: the estimate is still there" e2e_wait_for "Result: 80 person-days"
e2e_keys s
e2e_check "toolkit: the metric is still there" e2e_wait_for "K1 cost saving: Emergency transfers"
e2e_keys m
e2e_check "toolkit: the adoption is still there" \
  e2e_wait_for "A1 adopted M1 from M1: Tom can interrogate it"
e2e_keys q y
e2e_check "toolkit: quits again" e2e_wait_exit

# The exported report shows them.
"$BIN" export "$F" -o "$SCRATCH/report.md"
e2e_check "toolkit: the report lists the taken risk" \
  grep -q "| R1 | The sponsor's view of what the project costs" "$SCRATCH/report.md"
e2e_check "toolkit: the report lists our risk" grep -q "Till export drops refunds" "$SCRATCH/report.md"
e2e_check "toolkit: the report shows the workings" \
  grep -q -- "- Workings: 10 → 20 → 40 → 80 person-days" "$SCRATCH/report.md"
e2e_check "toolkit: the report shows the edited risk" \
  grep -q "| R2 | Till export drops refunds | Sprint 0 | 3 | 4 | 12 | Nadia |  | mitigated | 2027-01-15 |" \
  "$SCRATCH/report.md"
e2e_check "toolkit: the report shows the success metric" \
  grep -q "| K1 | Emergency transfers | cost saving | Stock is ordered where it will sell |" \
  "$SCRATCH/report.md"
e2e_check "toolkit: the report shows the adoption" \
  grep -q "Adopted M1\*\* from M1 on .*: Tom can interrogate it" "$SCRATCH/report.md"
e2e_check "toolkit: status shows the open high risks" \
  bash -c "'$BIN' status '$F' | grep -q '1 open and high'"

scenario_end
