#!/bin/bash
# Scenario 14: a session file that another tool left empty or cut short, next to a good FILE.bak.
# `open` says FILE.bak is the last good copy and prints the command that goes back to it, and
# changes nothing. `open --restore-backup` keeps the damaged file as FILE.damaged, restores the
# copy and opens it. With no good copy there is no offer and nothing to restore. A running
# workbench whose file is damaged under it refuses to save over it and says so.
set -uo pipefail
. "$(dirname "$0")/common.bash"

# has FILE TEXT / lacks FILE TEXT : FILE contains (does not contain) the fixed string TEXT.
has() {
  if grep -qF -- "$2" "$1"; then return 0; fi
  echo "want '$2' in: $(cat "$1")" >&2
  return 1
}
lacks() {
  if ! grep -qF -- "$2" "$1"; then return 0; fi
  echo "do not want '$2' in: $(cat "$1")" >&2
  return 1
}

# good_backup FILE : FILE.bak is a good session (team "Good Copy", first item done).
good_backup() {
  e2e_new_session "$1.tmp" "Good Copy"
  python3 - "$1.tmp" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p, encoding="utf-8"))
d.setdefault("items", {})["S0.1"] = {"note": "", "status": "done"}
json.dump(d, open(p, "w", encoding="utf-8"), indent=2, sort_keys=True)
PY
  mv "$1.tmp" "$1.bak"
  chmod 600 "$1.bak"
}

# exits N CMD... : runs CMD (no terminal) and checks its exit status.
exits() {
  local want="$1" got
  shift
  "$@"
  got=$?
  if [ "$got" = "$want" ]; then return 0; fi
  echo "exit status $got, want $want: $*" >&2
  return 1
}

# 1. Empty file, good backup: an offer, and nothing changed.
F="$SCRATCH/emptied.json"
good_backup "$F"
: >"$F"
cp -p "$F.bak" "$SCRATCH/bak-before"
e2e_check "empty: open exits 65" exits 65 sh -c "'$BIN' open '$F' </dev/null 2>'$SCRATCH/err-empty'"
e2e_check "empty: says why (FILE:1:1, empty)" has "$SCRATCH/err-empty" "$F:1:1: error: the session file is cut short: the file is empty"
e2e_check "empty: offers the last good copy" has "$SCRATCH/err-empty" "$F.bak is the last good copy of this session (Good Copy"
e2e_check "empty: says the file was not changed" has "$SCRATCH/err-empty" "$F was not changed"
e2e_check "empty: prints the command to restore it" has "$SCRATCH/err-empty" "casebench open --restore-backup $F"
e2e_check "empty: the file is still empty" test ! -s "$F"
e2e_check "empty: the backup is unchanged" cmp -s "$F.bak" "$SCRATCH/bak-before"
e2e_check "empty: nothing kept as .damaged yet" test ! -e "$F.damaged"

# The same in a terminal: it exits at once and leaves the terminal as it was.
e2e_start emptied "$BIN open '$F' 2>'$SCRATCH/err-tty'" 80 24
e2e_check "empty, tty: exits at once" e2e_wait_exit
e2e_check "empty, tty: exit status 65" status_is 65
e2e_check "empty, tty: offers the copy" has "$SCRATCH/err-tty" "casebench open --restore-backup $F"
e2e_check "empty, tty: terminal left as it was" e2e_assert_restored
e2e_check "empty, tty: the file is still empty" test ! -s "$F"

# 2. Restoring it: the damaged file is kept, the copy is opened read-write.
e2e_start restore "$BIN open --restore-backup '$F' 2>'$SCRATCH/err-restore'" 80 24
e2e_check "restore: the workbench shows" e2e_wait_for "done or N/A"
e2e_check "restore: it is the good copy (first item done)" e2e_wait_for "[x] Walk the hard yards"
e2e_check "restore: read-write" not screen_has "READ-ONLY"
e2e_check "restore: the damaged file is kept as FILE.damaged" test -e "$F.damaged"
e2e_check "restore: FILE.damaged holds the damaged bytes (empty)" test ! -s "$F.damaged"
e2e_keys j Space
e2e_check "restore: a change is made" e2e_wait_for "[~] Write the project hypothesis"
e2e_keys q y
e2e_check "restore: q quits" e2e_wait_exit
e2e_check "restore: exit status 0" status_is 0
e2e_check "restore: said what it did" has "$SCRATCH/err-restore" "restored $F from its last good copy"
e2e_check "restore: the file loads" sh -c "'$BIN' status '$F' >/dev/null"
e2e_check "restore: the change was saved" json_is "$F" 'd["items"]["S0.3"]["status"]' doing
e2e_check "restore: the restored item is there" json_is "$F" 'd["items"]["S0.1"]["status"]' done
e2e_check "restore: FILE.damaged is still there" test -e "$F.damaged"

# 3. Cut short (the first 100 bytes of the good copy): the same offer.
T="$SCRATCH/cut.json"
good_backup "$T"
head -c 100 "$T.bak" >"$T"
cp -p "$T" "$SCRATCH/cut-before"
e2e_check "cut short: open exits 65" exits 65 sh -c "'$BIN' open '$T' </dev/null 2>'$SCRATCH/err-cut'"
e2e_check "cut short: says it is cut short" has "$SCRATCH/err-cut" "cut short"
e2e_check "cut short: offers the last good copy" has "$SCRATCH/err-cut" "casebench open --restore-backup $T"
e2e_check "cut short: the file is unchanged" cmp -s "$T" "$SCRATCH/cut-before"
# (Without a terminal the restore is done, then the workbench cannot start: exit 1.)
e2e_check "cut short: --restore-backup restores it" \
  exits 1 sh -c "'$BIN' open --restore-backup '$T' </dev/null 2>/dev/null"
e2e_check "cut short: the file is the good copy now" cmp -s "$T" "$T.bak"
e2e_check "cut short: the cut-short bytes are kept as FILE.damaged" cmp -s "$T.damaged" "$SCRATCH/cut-before"
# A second restore of a file that is fine refuses and changes nothing.
cp -p "$T" "$SCRATCH/cut-restored"
e2e_check "fine file: --restore-backup refuses (exit 1)" \
  exits 1 sh -c "'$BIN' open --restore-backup '$T' </dev/null 2>'$SCRATCH/err-fine'"
e2e_check "fine file: says it loads as it is" has "$SCRATCH/err-fine" "the session loads as it is"
e2e_check "fine file: unchanged" cmp -s "$T" "$SCRATCH/cut-restored"
e2e_check "fine file: no second .damaged copy" test ! -e "$T.damaged-2"

# 4. No good copy: no offer, and nothing to restore.
N="$SCRATCH/alone.json"
: >"$N"
e2e_check "no backup: open exits 65" exits 65 sh -c "'$BIN' open '$N' </dev/null 2>'$SCRATCH/err-alone'"
e2e_check "no backup: no restore offered" lacks "$SCRATCH/err-alone" "--restore-backup"
e2e_check "no backup: --restore-backup refuses (exit 1)" \
  exits 1 sh -c "'$BIN' open --restore-backup '$N' </dev/null 2>'$SCRATCH/err-alone-restore'"
e2e_check "no backup: says there is no good copy" has "$SCRATCH/err-alone-restore" "no good copy"
e2e_check "no backup: the file is unchanged (still empty)" test ! -s "$N"
e2e_check "no backup: nothing kept as .damaged" test ! -e "$N.damaged"
# A damaged backup is no good copy either.
printf '{"schema_' >"$N.bak"
"$BIN" open "$N" </dev/null 2>"$SCRATCH/err-bad-backup"
e2e_check "damaged backup: no restore offered" lacks "$SCRATCH/err-bad-backup" "--restore-backup"
e2e_check "damaged backup: --restore-backup refuses (exit 1)" \
  exits 1 sh -c "'$BIN' open --restore-backup '$N' </dev/null 2>/dev/null"
e2e_check "damaged backup: the file is unchanged (still empty)" test ! -s "$N"

# 5. Damaged while open: the workbench does not save over it, and says so.
W="$SCRATCH/under.json"
e2e_new_session "$W" "Under Foot"
# (Wide, so the status bar has room for the whole reason after the long scratch path.)
e2e_start under "$BIN open '$W'" 250 24
e2e_check "under: the workbench shows" e2e_wait_for "done or N/A"
: >"$W"
e2e_keys Space
e2e_check "under: the save fails on screen" e2e_wait_for "save failed"
e2e_check "under: and says the file was not overwritten" e2e_wait_for "not overwritten"
e2e_check "under: the file is still empty" test ! -s "$W"
e2e_resize 80 24
e2e_keys q y
e2e_check "under: q y says it could not save" e2e_wait_for "q, then y, quits without saving"
e2e_keys q y
e2e_check "under: a second q y quits" e2e_wait_exit
e2e_check "under: the file was never written over" test ! -s "$W"

scenario_end
