#!/bin/bash
# Scenario 8: terminal variants. Common TERM values start the workbench, take keys and restore
# the terminal; selection stays visible (reverse video) under vt100; NO_COLOR=1 draws no
# colours; a non-UTF-8 locale draws ASCII borders.
set -uo pipefail
. "$(dirname "$0")/common.bash"

# fresh NAME : a new session file (each run starts on the first item).
fresh() {
  F="$SCRATCH/$1.json"
  e2e_new_session "$F" "Terminal $1"
}

# screen_matches REGEX : some line of the screen matches the extended REGEX.
screen_matches() {
  e2e_screen | grep -qE -- "$1"
}

# screen_sgr : the screen with its attributes as escape sequences (capture-pane -e).
screen_sgr() {
  e2e_tmux capture-pane -e -p -t "$E2E_SESSION"
}

# row_reversed TEXT : the screen row holding TEXT has reverse video (SGR 7) on it.
row_reversed() {
  screen_sgr | grep -F -- "$1" | grep -qE $'\e\\[([0-9]+;)*7(;[0-9]+)*m'
}

# colour_count : how many SGR sequences on screen set a foreground or background colour
# (30-37, 40-47, 90-97, 100-107, 38;..., 48;...; the defaults 39 and 49 do not count).
colour_count() {
  screen_sgr | python3 -c '
import re, sys
n = 0
for seq in re.findall(r"\x1b\[([0-9;]*)m", sys.stdin.read()):
    for p in seq.split(";"):
        if p and (30 <= int(p) <= 38 or 40 <= int(p) <= 48 or 90 <= int(p) <= 107):
            n += 1
print(n)'
}

for term in vt100 screen tmux-256color linux xterm-256color; do
  fresh "$term"
  e2e_start "t-$term" "TERM=$term $BIN open '$F'" 80 24
  e2e_check "TERM=$term: the workbench shows" e2e_wait_for "Walk the hard yards"
  e2e_check "TERM=$term: the status bar shows" screen_has "? help"
  e2e_keys j
  e2e_check "TERM=$term: j moves to the second item" e2e_wait_for "Item 2 of 13"
  if [ "$term" = vt100 ]; then
    e2e_check "TERM=vt100: the selected item is in reverse video" \
      wait_until 3 row_reversed "Write the project hypothesis"
    e2e_check "TERM=vt100: the item left behind is not" \
      not row_reversed "Walk the hard yards"
  fi
  if [ "$term" = xterm-256color ]; then
    # The control for the NO_COLOR check below: colours are there when allowed.
    e2e_check "TERM=xterm-256color: colours are drawn" test "$(colour_count)" -gt 0
  fi
  e2e_keys q y
  e2e_check "TERM=$term: q quits with status 0" e2e_wait_exit
  e2e_check "TERM=$term: exit status 0" status_is 0
  e2e_check "TERM=$term: terminal restored" e2e_assert_restored
done

fresh no-color
e2e_start no-color "NO_COLOR=1 $BIN open '$F'" 80 24
e2e_check "NO_COLOR=1: the workbench shows" e2e_wait_for "Walk the hard yards"
e2e_check "NO_COLOR=1: no colours on screen" test "$(colour_count)" -eq 0
e2e_check "NO_COLOR=1: the selection is still visible (reverse)" \
  wait_until 3 row_reversed "Walk the hard yards"
e2e_keys q y
e2e_check "NO_COLOR=1: quits with status 0" e2e_wait_exit
e2e_check "NO_COLOR=1: exit status 0" status_is 0

fresh c-locale
e2e_start c-locale "LANG=C LC_ALL=C $BIN open '$F'" 80 24
e2e_check "LANG=C: the workbench shows" e2e_wait_for "Walk the hard yards"
e2e_check "LANG=C: ASCII borders (+- 1 Sprint 0)" screen_has "+- 1 Sprint 0 --"
e2e_check "LANG=C: no box-drawing characters" not screen_matches "[╭╮╰╯│─░█]"
e2e_keys q y
e2e_check "LANG=C: quits with status 0" e2e_wait_exit
e2e_check "LANG=C: exit status 0" status_is 0
e2e_check "LANG=C: terminal restored" e2e_assert_restored

scenario_end
