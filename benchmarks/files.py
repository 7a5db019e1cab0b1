"""Files: load and save of the big session, the Sessions summary of 200 files, `poforum log`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from benchmarks.measure import NotApplicable, interleaved
from benchmarks.ui import forget_summaries
from poforum_tui.domain import Session
from poforum_tui.domain.board import edit_topic
from poforum_tui.store import discover, dumps, load, session_files
from poforum_tui.store.file_text import file_bytes
from poforum_tui.store.layout import forget_layouts
from poforum_tui.store.save import write_atomic


def timed(action, clock=time.perf_counter) -> float:
    started = clock()
    action()
    return (clock() - started) * 1000


def cpu_timed(action) -> float:
    """This thread's CPU time: what the work costs when other processes share the cores."""
    return timed(action, time.thread_time)


def load_figure(path: Path, runs: int, timer=timed) -> tuple[float, float]:
    """load(path), a first read (not a cached parse), vs the stdlib parsing the same TOML."""

    def first_read() -> None:
        forget_summaries()
        load(path)

    return interleaved(
        lambda: timer(first_read),
        lambda: timer(lambda: tomllib.loads(path.read_text(encoding="utf-8"))),
        runs,
    )


def changed(session: Session, number: int) -> Session:
    """`session` after one edit of a topic (a new model, as a key press makes)."""
    topic = session.board.topics[number % len(session.board.topics)]
    return edit_topic(session, topic.id, title=f"{topic.title.split(' #')[0]} #{number}")


def save_figure(path: Path, runs: int, timer=timed, *, first: bool = False):
    """The app's save after one change (file_bytes over the file's bytes + atomic write +
    fsync) vs the atomic write of the same bytes. `first`: the first save after opening."""
    session = load(path)
    count = iter(range(1, 1_000_000))
    original = path.read_bytes()
    known = [original]

    def one_save() -> float:
        if first:
            forget_summaries()
            forget_layouts()
            opened = load(path)
        else:
            opened = session
        edited = changed(opened, next(count))

        def write() -> None:
            payload = file_bytes(edited, known[0])
            write_atomic(path, payload)
            known[0] = payload

        took = timer(write)
        if first:  # back to the file as it was, for the next first save
            write_atomic(path, original)
            known[0] = original
        return took

    payload = dumps(session).encode("utf-8")
    return interleaved(one_save, lambda: timer(lambda: write_atomic(path, payload)), runs)


def index_build_figure(folder: Path, runs: int) -> tuple[float, float]:
    """Building a folder's index from nothing (a first start) vs parsing its files' TOML."""
    import shutil

    try:
        from poforum_tui.store.index import SessionIndex
        from poforum_tui.store.index_schema import CACHE_DIR
    except ImportError:
        raise NotApplicable("no session index yet") from None

    def build() -> None:
        forget_summaries()
        shutil.rmtree(folder / CACHE_DIR, ignore_errors=True)
        with SessionIndex(folder) as index:
            index.refresh()

    def floor() -> None:
        from poforum_tui.store.load import tomllib as parser  # tomli where installed

        for file in session_files(folder):
            parser.loads(file.read_text(encoding="utf-8"))

    return interleaved(lambda: timed(build), lambda: timed(floor), runs)


def discover_figure(folder: Path, runs: int) -> tuple[float, float]:
    """discover() of a folder (its index built: what every start after the first does) vs
    reading and parsing its files' TOML with load's parser."""
    from poforum_tui.store.load import tomllib as parser  # tomli where installed

    def floor() -> None:
        for file in session_files(folder):
            parser.loads(file.read_text(encoding="utf-8"))

    def cold() -> None:
        forget_summaries()  # each run reads every file, as a fresh process does
        discover(folder)

    return interleaved(lambda: timed(cold), lambda: timed(floor), runs)


def cli(*args: str, cwd: Path) -> float:
    env = {k: v for k, v in os.environ.items() if k != "POFORUM_SESSIONS"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "poforum_tui", *args], capture_output=True, cwd=cwd, env=env
    )
    seconds = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
        raise NotApplicable(f"poforum {' '.join(args)} failed: {(lines or ['?'])[-1]}")
    return seconds


def log_figure(folder: Path, runs: int) -> tuple[float, float]:
    """`poforum log` over `folder` vs `poforum templates` (the CLI's own floor)."""
    from poforum_tui.cli import SUBCOMMANDS

    if "log" not in SUBCOMMANDS:
        raise NotApplicable("no `poforum log` subcommand yet")
    helped = subprocess.run(
        [sys.executable, "-m", "poforum_tui", "log", "--help"], capture_output=True, text=True
    ).stdout
    args = ("log", "--dir", str(folder)) if "--dir" in helped else ("log", str(folder))
    return interleaved(
        lambda: cli(*args, cwd=folder.parent), lambda: cli("templates", cwd=folder.parent), runs
    )
