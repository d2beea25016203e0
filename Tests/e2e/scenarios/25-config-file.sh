#!/bin/bash
# Scenario 25: the config file. A [keys] line moves search to F3: the status bar offers F3, F3
# opens the search prompt and / no longer does; the ansi16 theme and mouse = false start as
# usual. A conflicting binding stops casebench before the terminal, located, with exit 65.
set -uo pipefail
. "$(dirname "$0")/common.bash"

mkdir -p "$XDG_CONFIG_HOME/casebench"
printf 'theme = "ansi16"\nmouse = false\n\n[keys]\nsearch = "F3"\n' \
  >"$XDG_CONFIG_HOME/casebench/config.toml"
F="$SCRATCH/config.json"
e2e_new_session "$F" "Config Team"

e2e_start main "$BIN open '$F'" 100 30
e2e_check "config: the workbench shows" e2e_wait_for "done or N/A"
e2e_check "config: the hints offer the remapped key" screen_has "F3 search"
# `/` does nothing now.
e2e_keys /
sleep 0.5
screen_lacks_prompt() { ! screen_has "Enter search"; }
e2e_check "config: / no longer searches" screen_lacks_prompt
e2e_keys F3
e2e_check "config: F3 opens the search prompt" e2e_wait_for "Enter search"
e2e_keys Escape q y
e2e_check "config: q y quits" e2e_wait_exit
e2e_check "config: exit 0" test "$(e2e_exit_status)" = 0

printf '[keys]\nhint = "z"\nquit = "z"\n' >"$SCRATCH/bad.toml"
e2e_start bad "$BIN open '$F' --config '$SCRATCH/bad.toml'" 100 30
e2e_check "config: a conflict stops the start" e2e_wait_exit
e2e_check "config: a conflict exits 65" test "$(e2e_exit_status)" = 65
e2e_check "config: the conflict is located" screen_has "bad.toml:3:8: z is bound to both hint and quit"

e2e_summary
