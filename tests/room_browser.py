"""Helpers for the room's real-server tests: a room on its own thread, and Debian's Chromium."""

from __future__ import annotations

import asyncio
import shutil
import threading

import pytest

from poforum_tui.room.server import RoomServer

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class ThreadedRoom:
    """A RoomServer bound to 127.0.0.1 on a free port, served by a loop on its own thread."""

    def __init__(self, host, **kwargs) -> None:
        self.host = host
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        kwargs.setdefault("port", 0)
        self.server = RoomServer(host, bind_host="127.0.0.1", **kwargs)
        self.url = self.call(self.server.start())

    def call(self, coroutine, timeout: float = 10):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def run(self, function):
        """`function()` on the room's loop (where the host lives), its result returned."""

        async def call():
            return function()

        return self.call(call())

    def stop(self) -> None:
        try:
            self.call(self.server.stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)
            self.loop.close()


def chromium_path() -> str:
    """Debian's chromium, or skip the test saying why."""
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("no chromium on this machine (apt-get install -y chromium)")
    return path
