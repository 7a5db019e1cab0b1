"""The real `poforum` in a private tmux: kill -9 mid-meeting, and two instances on one file."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from poforum_tui.store import load
from poforum_tui.store.lock import SessionLock
from tests.conftest import FORUM
from tests.terminal import POFORUM, Tmux, needs_tmux, palette, wait_for

pytestmark = [
    pytest.mark.slow,
    needs_tmux,
]


def rename(tmux: Tmux, name: str, title: str) -> None:
    palette(tmux, name, "Rename session")
    tmux.wait(name, "Cancel")  # the form is open (its title is also the command's name)
    tmux.keys(name, "C-u", f"text:{title}")
    tmux.wait(name, title)  # typed into the field before it is submitted, even under load
    tmux.keys(name, "Enter")


def title_on_disk(path: Path, title: str) -> Callable[[], bool]:
    def check() -> bool:
        try:
            return load(path).title == title
        except Exception:
            return False

    return check


def test_kill_9_mid_meeting_loses_nothing_and_the_timer_resumes(
    sessions_dir: Path, tmux: Tmux
) -> None:
    path = sessions_dir / FORUM
    started = (dt.datetime.now() - dt.timedelta(minutes=5)).replace(microsecond=0)
    text = path.read_text(encoding="utf-8")
    first_item = text.index("[[agenda]]")
    status_at = text.index('status = "pending"', first_item)
    text = (
        text[:status_at]
        + f'status = "running"\nstarted_at = {started.isoformat()}'
        + text[status_at + len('status = "pending"') :]
    )
    path.write_text(text, encoding="utf-8")
    tmux.start("a", str(POFORUM), str(path))
    tmux.wait("a", "Follow-ups")
    rename(tmux, "a", "Killed mid-meeting")
    wait_for(title_on_disk(path, "Killed mid-meeting"), 30, lambda: tmux.screen("a"))
    os.kill(tmux.pid("a"), signal.SIGKILL)
    wait_for(lambda: tmux.dead("a"), 30, lambda: tmux.screen("a"))

    session = load(path)
    assert session.title == "Killed mid-meeting"
    assert session.agenda[0].status == "running" and session.agenda[0].started_at == started
    assert sorted(p.name for p in sessions_dir.glob(".*.tmp")) == []
    lock = SessionLock(path)
    assert lock.acquire() is None  # the dead instance's lock does not block
    lock.release()

    tmux.start("b", str(POFORUM), str(path))
    # the running item's clock kept counting from the wall clock: about five minutes now
    elapsed = re.compile(r"\b0[5-9]:[0-5]\d\b")
    screen = wait_for(lambda: bool(elapsed.search(tmux.screen("b"))), 30, lambda: tmux.screen("b"))
    assert "Killed mid-meeting" in screen and "Read-only" not in screen


def test_two_instances_on_one_file(sessions_dir: Path, tmux: Tmux) -> None:
    path = sessions_dir / FORUM
    tmux.start("a", str(POFORUM), str(path))
    tmux.wait("a", "Follow-ups")
    holder = tmux.pid("a")
    tmux.start("b", str(POFORUM), str(path))
    screen = tmux.wait("b", "is editing this file")
    assert "Read-only" in screen and f"pid {holder}" in screen.replace("\n", "")

    rename(tmux, "a", "Written by A")
    tmux.wait("b", "Written by A", seconds=30)  # B follows A's saves (within 2 s of the save)

    assert "read-only" in tmux.screen("b") and load(path).title == "Written by A"

    tmux.keys("a", "C-q")
    wait_for(lambda: tmux.dead("a"), 30, lambda: tmux.screen("a"))
    palette(tmux, "b", "Take over editing")
    wait_for(lambda: "is editing this file" not in tmux.screen("b"), 30, lambda: tmux.screen("b"))
    rename(tmux, "b", "Written by B")
    wait_for(title_on_disk(path, "Written by B"), 30, lambda: tmux.screen("b"))
    tmux.keys("b", "C-q")
    wait_for(lambda: tmux.dead("b"), 30, lambda: tmux.screen("b"))
    assert load(path).title == "Written by B"
