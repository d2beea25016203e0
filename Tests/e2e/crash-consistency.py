#!/usr/bin/env python3
"""Crash consistency: kill -9 casebench at random moments while keys stream in.

    python3 Tests/e2e/crash-consistency.py .build/release/casebench [--kills 50] [--seed N]
        [--padding KB]

One session file, one private tmux server (100x40, so the whole first phase is on screen). Each
round opens the file, streams random changes into it (status changes with Space, notes typed and
rubbed out in the note editor, moves, opening and closing the editor) and sends SIGKILL at a
random moment: in every other round, a few milliseconds after a key was sent (casebench saves a
change before it draws it, so that is while the key's save is in flight). A long note on an item the harness does not touch (--padding) makes each
save slower, to widen that window. Every change is checked on screen, and the
moment it was first seen there is recorded. After every kill:

  - the session loads (`casebench status FILE` exits 0);
  - every change that was on screen more than a second before the kill is in the file: for each
    item, the saved status and note are the last value seen on screen before that cut-off, or a
    value that came after it (changes younger than a second may or may not be saved);
  - FILE.bak, when there is one, is a session that parses and is never newer than FILE (by
    modification time and by its `updated` field);
  - the next open is read-write (the killed process left no lock behind).

Prints one line per kill, then "N passed, M failed"; exits 1 if any kill failed. Needs tmux.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

WIDTH, HEIGHT = 100, 40
ITEMS = 6  # the first six items of the first phase, as the checklist shows them, take part


def checklist_order(path):
    """Sprint 0's item ids in the order the workbench lists them: core items first, then
    extension items, each group as written. Read from the shipped case study, which the binary
    embeds byte for byte (a unit test keeps the two identical)."""
    ids, levels = [], {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s+- id: (S0\.\d+)\s*$", line)
        if m:
            ids.append(m.group(1))
            continue
        m = re.match(r"\s+level: (core|extension)\s*$", line)
        if m and ids:
            levels.setdefault(ids[-1], m.group(1))
    core = [i for i in ids if levels.get(i, "core") == "core"]
    return core + [i for i in ids if levels.get(i, "core") == "extension"]


ORDER = checklist_order(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "CaseStudies",
                 "bike-shop.yaml"))
STATUS_OF_MARK = {" ": "todo", "~": "doing", "x": "done"}
NEXT_STATUS = {"todo": "doing", "doing": "done", "done": "todo", "blocked": "todo", "na": "todo"}
WAIT = 3.0  # seconds a change may take to show before the harness calls it stuck


class Tmux:
    def __init__(self, socket):
        self.socket = socket

    def run(self, *args):
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True, text=True)

    def screen(self):
        return self.run("capture-pane", "-p", "-t", "cc").stdout

    def keys(self, *keys):
        self.run("send-keys", "-t", "cc", *keys)

    def text(self, text):
        self.run("send-keys", "-t", "cc", "-l", "--", text)

    def pane(self, fmt):
        return self.run("display-message", "-p", "-t", "cc", fmt).stdout.strip()


class Timeline:
    """The values one field of one item took: (value, seen on screen at or None)."""

    def __init__(self, initial):
        self.entries = [[initial, float("-inf")]]

    def sent(self, value):
        self.entries.append([value, None])
        return self.entries[-1]

    def since(self, cutoff):
        """The values from the last one seen on screen at or before cutoff onwards."""
        last_seen = 0
        for i, (_, seen) in enumerate(self.entries):
            if seen is not None and seen <= cutoff:
                last_seen = i
        return [value for value, _ in self.entries[last_seen:]]

    def allows(self, saved, cutoff):
        """saved is a value the field may hold after a kill at cutoff + 1 s. Text between two
        values counts too: a chunk is typed (or rubbed out) one key at a time, and the program
        may save between any two keys."""
        values = self.since(cutoff)
        if saved in values:
            return True
        if not isinstance(saved, str):
            return False
        for a, b in zip(values, values[1:]):
            short, long = (a, b) if len(a) <= len(b) else (b, a)
            if long.startswith(short) and long.startswith(saved) and len(saved) >= len(short):
                return True
        return False

    @property
    def current(self):
        return self.entries[-1][0]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def item_fields(session, item_id):
    state = session.get("items", {}).get(item_id, {})
    return state.get("status", "todo"), state.get("note", "")


class Round:
    def __init__(self, harness, number):
        self.h = harness
        self.number = number
        self.killed_at = None
        self.confirmed = 0
        self.pid = None
        # None: a timer kills at a random moment. Else: the first key sent after this time is
        # followed by a kill a few milliseconds later (see `sent`).
        self.kill_after_key = None

    def kill(self):
        if self.killed_at is None:
            self.killed_at = time.monotonic()
            os.kill(self.pid, signal.SIGKILL)

    def wait(self, predicate):
        """Polls the screen until predicate(screen) holds; returns the time it was seen."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if self.killed_at is not None:
                return None
            screen = self.h.tmux.screen()
            seen = time.monotonic()
            if predicate(screen):
                return seen
            time.sleep(0.01)
        return None

    def status_on_screen(self, screen, index):
        title = re.escape(self.h.titles[index])
        match = re.search(r"\[(.)\] " + title, screen)
        return STATUS_OF_MARK.get(match.group(1)) if match else None

    def note_on_screen(self, screen, note):
        """The note editor shows exactly `note` (one line: the harness keeps notes short)."""
        lines = screen.splitlines()
        for row, line in enumerate(lines):
            column = line.find("╭─ Note")
            if column < 0 or row + 2 >= len(lines):
                continue
            text = lines[row + 2][column + 1:]
            end = text.rfind("│")
            # A trailing space cannot be seen; the note before it differed in what can.
            return (text[:end] if end >= 0 else text).strip() == note.rstrip()
        return False

    def confirm(self, entry, predicate):
        seen = self.wait(predicate)
        if seen is None:
            return False
        entry[1] = seen
        self.confirmed += 1
        return True

    def sending(self):
        """Called just before each change is sent. Once kill_after_key has passed: wait until
        the last save is over a quarter of a second old, so this key's change is saved at once
        (the loop saves at most four times a second while keys stream in)."""
        if self.kill_after_key is not None and time.monotonic() >= self.kill_after_key:
            time.sleep(0.3)

    def sent(self):
        """Called just after each change is sent. The loop saves a change before it draws it,
        so a kill a few milliseconds after the key lands in the middle of that save."""
        if self.kill_after_key is not None and time.monotonic() >= self.kill_after_key:
            self.kill_after_key = None
            time.sleep(self.h.rng.uniform(0, 0.04))
            self.kill()

    def stream(self):
        """Random changes until the process is killed (or one fails to show)."""
        h = self.h
        screen = h.tmux.screen()
        match = re.search(r"Item (\d+) of \d+", screen)
        selected = int(match.group(1)) - 1 if match else 0
        if selected >= ITEMS:  # back into the part of the list the harness uses
            h.tmux.keys(*(["k"] * (selected - ITEMS + 1)))
            selected = ITEMS - 1
            if self.wait(lambda s: f"Item {selected + 1} of" in s) is None:
                return self.killed_at is not None
        editing = False
        while self.killed_at is None:
            item_id = ORDER[selected]
            roll = h.rng.random()
            if not editing:
                if roll < 0.55:
                    timeline = h.status[item_id]
                    value = NEXT_STATUS[timeline.current]
                    entry = timeline.sent(value)
                    self.sending()
                    h.tmux.keys("Space")
                    self.sent()
                    ok = self.confirm(
                        entry, lambda s, i=selected, v=value: self.status_on_screen(s, i) == v)
                elif roll < 0.75:
                    step = h.rng.choice([-1, 1])
                    if not 0 <= selected + step < ITEMS:
                        step = -step
                    selected += step
                    h.tmux.keys("j" if step > 0 else "k")
                    ok = self.wait(lambda s, n=selected + 1: f"Item {n} of" in s) is not None
                else:
                    h.tmux.keys("n")
                    ok = self.wait(lambda s: "editing note" in s) is not None
                    editing = ok
            else:
                timeline = h.notes[item_id]
                note = timeline.current
                if roll < 0.15:
                    h.tmux.keys("C-s")
                    ok = self.wait(lambda s, n=selected + 1: f"Item {n} of" in s) is not None
                    editing = not ok
                else:
                    if len(note) > 40 or (note and roll < 0.35):
                        cut = min(len(note), h.rng.randint(1, 4))
                        value = note[:-cut]
                        entry = timeline.sent(value)
                        self.sending()
                        h.tmux.keys(*(["BSpace"] * cut))
                        self.sent()
                    else:
                        h.serial += 1
                        chunk = f"{'' if not note else ' '}k{self.number}w{h.serial}"
                        value = note + chunk
                        entry = timeline.sent(value)
                        self.sending()
                        h.tmux.text(chunk)
                        self.sent()
                    ok = self.confirm(entry, lambda s, v=value: self.note_on_screen(s, v))
            if not ok:
                return self.killed_at is not None
        return True


class Harness:
    def __init__(self, binary, kills, seed, padding):
        self.binary = os.path.abspath(binary)
        self.padding = padding
        self.kills = kills
        self.rng = random.Random(seed)
        self.seed = seed
        self.serial = 0
        self.scratch = tempfile.mkdtemp(prefix="casebench-crash.")
        self.file = os.path.join(self.scratch, "crash.json")
        self.tmux = Tmux(f"casebench-crash-{os.getpid()}")
        os.environ.update({
            "HOME": os.path.join(self.scratch, "home"),
            "XDG_DATA_HOME": os.path.join(self.scratch, "xdg"),
            "LANG": "C.UTF-8",
            "SWIFT_BACKTRACE": "interactive=no",
        })
        for name in ("LC_ALL", "LC_CTYPE", "NO_COLOR", "EDITOR", "VISUAL"):
            os.environ.pop(name, None)
        os.makedirs(os.environ["HOME"])
        self.status = {}
        self.notes = {}
        self.titles = []
        self.passed = 0
        self.failed = 0
        self.mid_save = 0

    def command(self):
        return (f"exec env TERM=xterm-256color '{self.binary}' open '{self.file}'")

    def start(self, first):
        if first:
            self.tmux.run(
                "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                "new-session", "-d", "-s", "cc", "-x", str(WIDTH), "-y", str(HEIGHT),
                self.command())
        else:
            self.tmux.run("respawn-pane", "-k", "-t", "cc", self.command())

    def reset_timelines(self):
        session = load(self.file)
        for i in range(ITEMS):
            item_id = ORDER[i]
            status, note = item_fields(session, item_id)
            self.status[item_id] = Timeline(status)
            self.notes[item_id] = Timeline(note)

    def temporaries(self):
        return {n for n in os.listdir(self.scratch) if ".tmp-" in n}

    def check(self, kill_time):
        """Everything the file must hold after a kill at kill_time. Returns a list of problems."""
        problems = []
        status = subprocess.run(
            [self.binary, "status", self.file], capture_output=True, text=True)
        if status.returncode != 0:
            problems.append(f"`casebench status` exits {status.returncode}: {status.stderr.strip()}")
        try:
            session = load(self.file)
        except (OSError, ValueError) as error:
            return problems + [f"the file does not parse: {error}"]
        cutoff = kill_time - 1.0
        for i in range(ITEMS):
            item_id = ORDER[i]
            saved_status, saved_note = item_fields(session, item_id)
            for field, saved, timeline in (
                ("status", saved_status, self.status[item_id]),
                ("note", saved_note, self.notes[item_id]),
            ):
                if not timeline.allows(saved, cutoff):
                    values = timeline.since(cutoff)
                    problems.append(
                        f"{item_id} {field} is {saved!r}; on screen a second before the kill: "
                        f"{values[0]!r} (then {len(values) - 1} later values)")
        backup = self.file + ".bak"
        if os.path.exists(backup):
            if os.stat(backup).st_mtime_ns > os.stat(self.file).st_mtime_ns:
                problems.append("FILE.bak is newer than FILE (modification time)")
            try:
                old = load(backup)
                if old.get("updated", "") > session.get("updated", ""):
                    problems.append(
                        f"FILE.bak was updated {old.get('updated')}, after FILE "
                        f"({session.get('updated')})")
            except (OSError, ValueError) as error:
                problems.append(f"FILE.bak does not parse: {error}")
        return problems

    def run(self):
        print(f"crash consistency: {self.kills} kills of {self.binary} (seed {self.seed})")
        subprocess.run(
            [self.binary, "new", "--name", "Crash Test", "--out", self.file],
            check=True, capture_output=True)
        if self.padding:
            # A long note on an item the harness leaves alone makes every save write (and
            # fsync) that much more, so more kills land while a save is in flight.
            session = load(self.file)
            line = "Padding so that each save takes a while. " * 2 + "\n"
            session.setdefault("items", {})[ORDER[-1]] = {
                "status": "todo", "note": line * (self.padding * 1024 // len(line))}
            with open(self.file, "w", encoding="utf-8") as f:
                json.dump(session, f, indent=2, sort_keys=True)
        started = time.monotonic()
        try:
            for number in range(1, self.kills + 1):
                self.one_round(number)
        finally:
            self.tmux.run("kill-server")
        print(f"{self.mid_save} of {self.kills} kills left a temporary file behind (killed mid-save)")
        print(f"{self.kills} kills in {time.monotonic() - started:.0f}s")
        print(f"{self.passed} passed, {self.failed} failed")
        if self.failed == 0:
            shutil.rmtree(self.scratch, ignore_errors=True)
        else:
            print(f"files kept in {self.scratch}")
        return 0 if self.failed == 0 else 1

    def fail(self, number, problems, screen=None):
        self.failed += 1
        print(f"FAIL: kill {number}: " + "; ".join(problems))
        if screen:
            sys.stderr.write(screen)

    def one_round(self, number):
        self.reset_timelines()
        temporaries_before = self.temporaries()
        self.start(first=number == 1)
        r = Round(self, number)
        if r.wait(lambda s: "Phases" in s) is None:
            self.fail(number, ["the workbench did not show"], self.tmux.screen())
            return
        screen = self.tmux.screen()
        if "READ-ONLY" in screen:
            self.fail(number, ["opened READ-ONLY after the previous kill (lock not freed)"], screen)
        if not self.titles:
            for i in range(ITEMS):
                match = re.search(r"\] (\S.*?)\s{2,}", screen.splitlines()[1 + i].split("││")[1])
                self.titles.append(match.group(1) if match else f"?{i}")
        r.pid = int(self.tmux.pane("#{pane_pid}"))
        delay = self.rng.uniform(0.2, 2.0)
        if number % 2 == 0:
            r.kill_after_key = time.monotonic() + delay
            delay += WAIT  # the timer is only a fallback
        timer = threading.Timer(delay, r.kill)
        timer.start()
        finished = r.stream()
        timer.cancel()
        timer.join()
        if not finished:
            self.fail(number, ["a change did not show within 3s"], self.tmux.screen())
        deadline = time.monotonic() + 3
        while self.tmux.pane("#{pane_dead}") != "1" and time.monotonic() < deadline:
            time.sleep(0.01)
        problems = self.check(r.killed_at)
        if self.temporaries() - temporaries_before:
            self.mid_save += 1
        if problems:
            self.fail(number, problems)
        elif finished:
            self.passed += 1
            how = "just after a key" if number % 2 == 0 else "at a random moment"
            print(f"PASS: kill {number} ({how}): {r.confirmed} changes seen on screen")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--padding", type=int, default=512, metavar="KB",
        help="size of a note the harness leaves alone, so saves take longer (default 512)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("crash-consistency: needs tmux\n0 passed, 1 failed")
        return 1
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    return Harness(args.binary, args.kills, seed, args.padding).run()


if __name__ == "__main__":
    sys.exit(main())
