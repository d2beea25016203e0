#ifndef CASEBENCH_NCURSES_SHIM_H
#define CASEBENCH_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>
#endif
