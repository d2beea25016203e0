#!/bin/bash
# Scenario 19 (issue 23): one workshop folder holding what a hostile or careless participant
# can leave there: a FIFO, a team file that is a link to elsewhere, a session with a corrupt
# number (a likelihood of 2^62), a team whose name is an escape sequence, and a flood of long
# announcements. Three teams and the dashboard work through it: nothing hangs, nothing crashes,
# every bad file is a marked row, and the facilitator's terminal only shows the escapes.
set -uo pipefail
. "$(dirname "$0")/common.bash"

DIR="$SCRATCH/room"
mkdir -p "$DIR" "$SCRATCH/elsewhere"
e2e_check "hostile: the facilitator sets the folder up" "$BIN" workshop "$DIR" --init

# The hostile files.
mkfifo "$DIR/evil.json"
ln -s "$SCRATCH/elsewhere/notes.json" "$DIR/team-4-bike-shop.json"
"$BIN" new --name "Corrupt" --out "$DIR/corrupt-bike-shop.json" >/dev/null
python3 - "$DIR/corrupt-bike-shop.json" <<'PY'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    d = json.load(f)
d.setdefault("toolkit", {})["risks"] = [{
    "id": "R1", "title": "x", "phase": "sprint-0", "likelihood": 4611686018427387904,
    "impact": 3, "owner": "", "mitigation": "", "status": "open",
    "raised": "2026-12-01T10:00:00Z"}]
with open(path, "w", encoding="utf-8") as f:
    json.dump(d, f, indent=2)
PY

# The hostile name goes through a script, so the shell in tmux never sees it.
cat >"$SCRATCH/evil-team.sh" <<SH
#!/bin/bash
exec "$BIN" join "$DIR" --name "\$(printf 'Evil\\033[31mRED\\033]0;PWNED\\007')"
SH
chmod +x "$SCRATCH/evil-team.sh"

e2e_check "hostile: a linked team file is refused" \
  not "$BIN" join "$DIR" --name "Team 4"
e2e_check "hostile: nothing was written through the link" test ! -e "$SCRATCH/elsewhere/notes.json"

e2e_start dash "$BIN workshop '$DIR'" 140 40
e2e_check "hostile: the dashboard opens despite the FIFO" e2e_wait_for "not a regular file" 5
e2e_check "hostile: the link is a marked row" screen_has "a link, not followed"
e2e_check "hostile: the corrupt number is a marked row" screen_has "corrupt-bike-shop.json"

e2e_start team1 "$BIN join '$DIR' --name 'Team 1'" 100 30
e2e_check "hostile: team 1 joins" e2e_wait_for "done or N/A" 5
e2e_start team2 "$BIN join '$DIR' --name 'Team 2'" 100 30
e2e_check "hostile: team 2 joins" e2e_wait_for "done or N/A" 5
e2e_start team3 "'$SCRATCH/evil-team.sh'" 100 30
e2e_check "hostile: the team with the hostile name joins" e2e_wait_for "done or N/A" 5

E2E_SESSION=dash
e2e_check "hostile: the dashboard shows three teams" e2e_wait_for "3 teams" 5
e2e_check "hostile: the hostile name shows as escapes" screen_has "Evil^[[31mRED"

# The flood: 120 announcements of 1,900 characters; one over the limit is refused.
LONG=$(printf 'w%.0s' $(seq 1 1890))
for i in $(seq 1 120); do
  "$BIN" workshop "$DIR" --announce "flood $i $LONG" >/dev/null || echo "announce $i failed" >>"$SCRATCH/flood.log"
done
e2e_check "hostile: every announcement of the flood was accepted" test ! -s "$SCRATCH/flood.log"
e2e_check "hostile: an announcement over the limit is refused (exit 2)" \
  bash -c "'$BIN' workshop '$DIR' --announce \"\$(printf 'x%.0s' \$(seq 1 2001))\" 2>/dev/null; test \$? -eq 2"
e2e_check "hostile: the facilitator's file keeps 100 announcements" \
  json_is "$DIR/.casebench-workshop.json" "len(d['announcements'])" "100"
e2e_check "hostile: the facilitator's file stays small" \
  test "$(stat -c %s "$DIR/.casebench-workshop.json")" -lt 1000000

for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_check "hostile: team $n gets the announcements" e2e_wait_for "From the facilitator" 5
done

# The facilitator's list in a terminal: the name's escapes are shown, never obeyed.
e2e_start list "$BIN workshop '$DIR' --list" 160 20
e2e_check "hostile: workshop --list shows the escapes" e2e_wait_for "Evil^[[31mRED^[]0;PWNED^G"
e2e_check "hostile: workshop --list finishes despite the FIFO" e2e_wait_exit

for n in 1 2 3; do
  E2E_SESSION="team$n"
  e2e_keys Escape
  e2e_keys q y
  e2e_check "hostile: team $n quits cleanly" e2e_wait_exit
done
E2E_SESSION=dash
e2e_keys q
e2e_check "hostile: the dashboard quits cleanly" e2e_wait_exit

for f in "$DIR"/team-1-bike-shop.json "$DIR"/team-2-bike-shop.json; do
  e2e_check "hostile: $(basename "$f") does not copy the flood's text" \
    test "$(stat -c %s "$f")" -lt 200000
done
e2e_check "hostile: the FIFO is still there, untouched" test -p "$DIR/evil.json"
scenario_end
