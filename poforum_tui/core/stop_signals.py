"""SIGHUP (the terminal closed, an SSH link dropped) and SIGTERM (logout, shutdown, `kill`).

Python's default for both ends the process at once: the edits of the last 0.25 s (the
autosave's debounce), and everything while saves fail, were lost. With these handlers the
session is saved first, or, when it cannot be, written to the rescue copy as ctrl+q does;
then the lock is released and the surface stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from poforum_tui.core.session_core import SessionCore

STOP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)


def save_on_stop_signals(core: SessionCore, stop: Callable[[int], object]) -> Callable[[], None]:
    """Until the returned function is called: on a stop signal, save or rescue the open
    session, unlock it, then `stop(exit_status)` (128 + the signal's number)."""
    loop = asyncio.get_running_loop()
    installed = []
    for signum in STOP_SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not here
            loop.add_signal_handler(signum, _stopped, core, signum, stop)
            installed.append(signum)

    def remove() -> None:
        for signum in installed:
            with contextlib.suppress(RuntimeError, ValueError):
                loop.remove_signal_handler(signum)
        installed.clear()

    return remove


def _stopped(core: SessionCore, signum: int, stop: Callable[[int], object]) -> None:
    rescued = core.close()
    name = signal.Signals(signum).name
    where = f"; your changes are in {rescued}" if rescued else ""
    core.notice(f"Stopped by {name}{where}.", severity="warning")
    stop(128 + signum)
