#!/usr/bin/env python3
"""Time from exec to the first frame of the start screen, through a real pseudo-terminal.

Usage: swift build -c release --product casebench && python3 scripts/bench-first-frame.py
"""
import os
import pty
import select
import statistics
import sys
import tempfile
import time

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/release/casebench"
RUNS = 15


def one_run(data_home: str) -> float:
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["XDG_DATA_HOME"] = data_home
        os.execv(BINARY, [BINARY])
    seen = b""
    while b"Case studies" not in seen:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            raise SystemExit("no first frame within 5 s")
        seen += os.read(fd, 65536)
    elapsed = (time.perf_counter() - start) * 1000
    os.write(fd, b"q")
    try:
        while select.select([fd], [], [], 1)[0] and os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    return elapsed


with tempfile.TemporaryDirectory() as home:
    times = [one_run(home) for _ in range(RUNS)]
print(
    f"exec to first frame: median {statistics.median(times):.1f} ms "
    f"(min {min(times):.1f}, max {max(times):.1f}, {RUNS} runs; bar 30 ms)"
)
