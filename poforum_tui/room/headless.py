"""`poforum serve`: the room without the TUI, on the session core, until it is stopped.

Ctrl+C, SIGTERM (a service manager, `kill`) and SIGHUP (the terminal closed, the SSH link to
a team server dropped) all stop it the same way: everything saved (or, if the file cannot be
written, rescued beside it), the lock released."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path
from typing import TextIO

from poforum_tui.domain.clock import Clock

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


async def serve(
    path: Path,
    bind_host: str,
    port: int,
    clock: Clock,
    *,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
    stop: asyncio.Event | None = None,
) -> int:
    """Open `path` as its one writer, serve the room, and save and unlock on the way out.

    Returns the exit status: 0 after a clean stop, 1 when the file cannot be the room's
    (it does not load, another poforum holds it, or the port is taken).
    """
    from poforum_tui.core import SessionCore
    from poforum_tui.room.server import RoomError, RoomServer
    from poforum_tui.store import SessionFileError

    core = SessionCore(clock)
    try:
        core.open(path, read_only=False)
    except SessionFileError as error:
        print(error, file=err)
        return 1
    core.on_status(lambda text, severity: print(text, file=err, flush=True))
    core.on_notice(lambda notice: print(notice.message, file=err, flush=True))
    if core.read_only:
        holder = core.holder
        if holder is not None:
            print(f"{path}: {holder} is editing this file; it is the one writer.", file=err)
            print("Open the room from there (j), or quit it and run serve again.", file=err)
        else:
            reason = getattr(core.persistence, "read_only_reason", None) or "it is read-only"
            print(f"{path}: cannot serve it: {reason}.", file=err)
        core.close()
        return 1
    room = RoomServer(core, bind_host=bind_host, port=port)
    try:
        url = await room.start()
    except RoomError as why:
        print(why, file=err)
        core.close()
        return 1
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in STOP_SIGNALS:  # before the URL: a stop may follow it at once
        loop.add_signal_handler(signum, stop.set)
    print(f"join {url}", file=out, flush=True)
    print("Ctrl+C stops the room (everything is saved).", file=err, flush=True)
    try:
        await stop.wait()
    finally:
        for signum in STOP_SIGNALS:
            loop.remove_signal_handler(signum)
        await room.stop()
        saved = core.flush()
        rescued = core.close()  # when the save failed: the rescue copy
    if saved not in ("saved", None):
        where = f"; the room's changes are in {rescued}" if rescued else ""
        print(f"{path}: {saved}{where}", file=err)
    print("Room closed.", file=err, flush=True)
    return 0
