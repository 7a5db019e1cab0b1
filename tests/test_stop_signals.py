"""SIGHUP and SIGTERM save the last edits, or rescue them while saves fail (issue 14, item 11).

A child process holds the session open in the core (no terminal needed) with an edit whose
debounced save is still pending, and is sent the signal; the real `poforum` in tmux is
closed with its terminal (slow tier).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from poforum_tui.store import load
from tests.conftest import FORUM
from tests.terminal import POFORUM, Tmux, needs_tmux, wait_for

HOLD_OPEN = r"""
import asyncio, errno, sys
from pathlib import Path
from poforum_tui.core import persistence
from poforum_tui.core.session_core import SessionCore
from poforum_tui.domain import session_info
from poforum_tui.store.diskfile import DiskFile

persistence.DEBOUNCE = 3600  # the edit's save is pending when the signal comes
if sys.argv[2] == "failing":
    def fail(disk, payload):
        raise OSError(errno.ENOSPC, "No space left on device")
    DiskFile.write = fail

async def main():
    stopped = asyncio.get_running_loop().create_future()
    core = SessionCore()
    core.open(Path(sys.argv[1]))
    core.save_on_stop_signals(stopped.set_result)
    assert core.change(lambda s: session_info.rename(s, "Edited just before")) is None
    if sys.argv[2] == "failing":
        core.flush()
    print("edited", flush=True)
    return await stopped

sys.exit(asyncio.run(main()))
"""


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
@pytest.mark.parametrize("saving", ["working", "failing"])
def test_stop_signal_saves_or_rescues_the_pending_edit(
    sessions_dir: Path, signum: int, saving: str
) -> None:
    path = sessions_dir / FORUM
    before = path.read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(path), saving], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline() == "edited\n"
    child.send_signal(signum)
    assert child.wait(timeout=60) == 128 + signum
    if saving == "working":
        assert load(path).title == "Edited just before"
    else:
        assert path.read_bytes() == before
        rescued = sessions_dir / ".poforum" / f"{path.stem}-unsaved.toml"
        assert load(rescued).title == "Edited just before"
    assert not (sessions_dir / f".{FORUM}.lock").exists() or _unlocked(path)


def _unlocked(path: Path) -> bool:
    from poforum_tui.store.lock import SessionLock

    lock = SessionLock(path)
    free = lock.acquire() is None
    lock.release()
    return free


@pytest.mark.slow
@needs_tmux
def test_closing_the_terminal_saves_and_exits_with_the_signal(
    sessions_dir: Path, tmux: Tmux
) -> None:
    path = sessions_dir / FORUM
    tmux.start("a", str(POFORUM), str(path))
    tmux.wait("a", "Follow-ups")
    tmux.keys("a", "2", "a")
    tmux.wait("a", "Add topics")
    tmux.keys("a", "text:Typed, then SIGTERM", "Enter")  # its save is 0.25 s away
    os.kill(tmux.pid("a"), signal.SIGTERM)

    def exit_status() -> str:  # tmux marks the pane dead when the terminal closes, before
        return tmux.run("display-message", "-p", "-t", "a", "#{pane_dead_status}").strip()

    wait_for(lambda: bool(exit_status()), 30, lambda: tmux.screen("a"))  # it has the status
    assert load(path).board.topics[-1].title == "Typed, then SIGTERM"
    assert exit_status() == str(128 + signal.SIGTERM)
