"""Idle CPU: % of one core a process uses over a window once its screen has settled.

Each sample is a fresh `python benchmarks/probe.py idle ...` in a pseudo-terminal of 100x30
(Textual's real driver: its input thread and terminal writes count), on a fresh copy of the
session's folder so every run starts the same pending first item (and finds the session it
follows, as in a user's folder: no warning toast stays on screen). Subjects alternate run
by run.
"""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
from pathlib import Path

from benchmarks.measure import Figure, NotApplicable
from benchmarks.startup import EXAMPLE, PROBE, ROOT

COLUMNS, ROWS = 100, 30


def _drain(fd: int) -> None:
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def idle_share(seconds: float, subject: str, session: Path = EXAMPLE) -> float:
    """The share of one core (0..1) `subject` used over `seconds` of idling."""
    with tempfile.TemporaryDirectory(prefix="poforum-idle-") as scratch:
        args = [str(seconds), subject]
        if subject != "minimal":
            for neighbour in session.parent.glob("*.toml"):
                shutil.copy(neighbour, Path(scratch) / neighbour.name)
            args.append(str(Path(scratch) / session.name))
        result = Path(scratch) / "result.txt"
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
        env.update(POFORUM_PROBE_RESULT=str(result), TERM="xterm-256color")
        env.pop("NO_COLOR", None)
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        try:
            process = subprocess.Popen(
                [sys.executable, str(PROBE), "idle", *args],
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
                cwd=ROOT,
                start_new_session=True,
            )
        finally:
            os.close(slave)
        reader = threading.Thread(target=_drain, args=(master,), daemon=True)
        reader.start()
        try:
            code = process.wait(timeout=seconds + 60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise NotApplicable(f"idle probe {subject} did not finish") from None
        finally:
            reader.join(timeout=2)
            os.close(master)
        if code != 0 or not result.exists():
            raise NotApplicable(f"idle probe {subject} failed (exit status {code})")
        return float(result.read_text().split()[1])


def idle_figures(seconds: float, runs: int) -> list[Figure]:
    """The Agenda with a running timer, and presenter mode, vs the minimal app idling."""
    agenda = Figure(
        f"idle CPU: Agenda, timer running ({seconds * runs:.0f} s)",
        "minimal Textual app idle",
        "<= 2x",
        unit="% core",
        limit_ratio=2.0,
    )
    presenter = Figure(
        f"idle CPU: presenter mode, timer running ({seconds * runs:.0f} s)",
        "minimal Textual app idle",
        "<= 2x",
        unit="% core",
        limit_ratio=2.0,
    )
    kinds = ("minimal", "agenda", "presenter")
    samples: dict[str, list[float]] = {kind: [] for kind in kinds}
    try:
        for index in range(runs):
            for kind in kinds if index % 2 == 0 else reversed(kinds):
                samples[kind].append(idle_share(seconds, kind) * 100)
    except NotApplicable as why:
        agenda.na = presenter.na = str(why)
        return [agenda, presenter]
    base = statistics.median(samples["minimal"])
    for figure, kind in ((agenda, "agenda"), (presenter, "presenter")):
        figure.subject, figure.base = statistics.median(samples[kind]), base
    return [agenda, presenter]
