#!/bin/bash
# Scenario 10: a session file that cannot be read. `casebench open F` exits 65 with "F:line:col"
# on stderr, leaves the terminal as it was and the file byte for byte as it was. On the start
# screen such a file is listed as unreadable, and choosing it explains instead of crashing.
set -uo pipefail
. "$(dirname "$0")/common.bash"

F="$SCRATCH/corrupt.json"
echo '{"schema_ver' >"$F"
cp -p "$F" "$SCRATCH/before.json"

# stderr_has FILE TEXT : FILE contains the fixed string TEXT.
stderr_has() {
  if grep -qF -- "$2" "$1"; then return 0; fi
  echo "stderr_has: want '$2' in: $(cat "$1")" >&2
  return 1
}

# stderr_has_position FILE F : FILE has "F:LINE:COL" (F followed by two numbers).
stderr_has_position() {
  if grep -qE -- "^$(printf '%s' "$2" | sed 's/[][\.*^$/]/\\&/g'):[0-9]+:[0-9]+" "$1"; then
    return 0
  fi
  echo "stderr_has_position: want '$2:LINE:COL' in: $(cat "$1")" >&2
  return 1
}

# Outside tmux (the file is read before the terminal is needed).
"$BIN" open "$F" </dev/null >/dev/null 2>"$SCRATCH/err-plain"
e2e_check "corrupt: open exits 65 (no terminal)" test $? -eq 65
e2e_check "corrupt: stderr says FILE:LINE:COL (no terminal)" \
  stderr_has_position "$SCRATCH/err-plain" "$F"

# In a terminal, as a user would run it.
e2e_start corrupt "$BIN open '$F' 2>'$SCRATCH/err'" 80 24
e2e_check "corrupt: open exits at once" e2e_wait_exit
e2e_check "corrupt: exit status 65" status_is 65
e2e_check "corrupt: stderr says FILE:LINE:COL" stderr_has_position "$SCRATCH/err" "$F"
e2e_check "corrupt: at the place it breaks (1:13)" stderr_has "$SCRATCH/err" "$F:1:13"
e2e_check "corrupt: terminal left as it was" e2e_assert_restored
e2e_check "corrupt: the file bytes are unchanged" cmp -s "$F" "$SCRATCH/before.json"
e2e_check "corrupt: no backup written over" test ! -e "$F.bak"
e2e_check "corrupt: status exits 65 too" \
  sh -c "'$BIN' status '$F' >/dev/null 2>&1; test \$? -eq 65"
e2e_check "corrupt: still unchanged after status" cmp -s "$F" "$SCRATCH/before.json"

# The fix text never suggests restoring a last good copy (F.bak) that does not exist.
e2e_check "corrupt: does not suggest restoring a backup that does not exist" \
  not grep -qF -- "restore $F.bak" "$SCRATCH/err"

# Cut short (no newline at the end): the message says so and that no backup exists.
T="$SCRATCH/truncated.json"
printf '{"schema_ver' >"$T"
cp -p "$T" "$SCRATCH/truncated-before.json"
"$BIN" open "$T" </dev/null >/dev/null 2>"$SCRATCH/err-cut"
e2e_check "cut short: open exits 65" test $? -eq 65
e2e_check "cut short: stderr says FILE:LINE:COL" stderr_has_position "$SCRATCH/err-cut" "$T"
e2e_check "cut short: says the file is cut short" stderr_has "$SCRATCH/err-cut" "cut short"
e2e_check "cut short: file unchanged" cmp -s "$T" "$SCRATCH/truncated-before.json"

# On the start screen: listed as unreadable; choosing it explains; nothing changes on disk.
S="$XDG_DATA_HOME/casebench/sessions"
mkdir -p "$S"
cp -p "$F" "$S/broken.json"
e2e_new_session "$S/fine.json" "Fine Team"
e2e_start listing "$BIN" 80 24
e2e_check "listing: the start screen shows with a broken file present" e2e_wait_for "Saved sessions"
e2e_check "listing: the good session is listed" screen_has "Fine Team"
e2e_check "listing: the broken file is listed as unreadable" e2e_wait_for "can't open"
e2e_check "listing: the cursor starts on the newest session that opens" \
  e2e_wait_for "▸ Fine Team"
e2e_keys j
e2e_check "listing: j selects the broken file" e2e_wait_for "▸ broken.json"
e2e_keys Enter
e2e_check "listing: Enter explains instead of opening" e2e_wait_for "Can't open broken.json"
e2e_check "listing: still running" test -z "$(e2e_exit_status)"
e2e_keys q
e2e_check "listing: q quits" e2e_wait_exit
e2e_check "listing: exit status 0" status_is 0
e2e_check "listing: the broken file is unchanged" cmp -s "$S/broken.json" "$SCRATCH/before.json"

scenario_end
