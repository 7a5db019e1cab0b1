"""A repeating callback on the running asyncio loop (what the core uses instead of UI timers)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Repeating:
    """Calls `callback` every `interval` seconds on `loop` until `stop()`."""

    def __init__(
        self, loop: asyncio.AbstractEventLoop, interval: float, callback: Callable[[], object]
    ) -> None:
        self._loop, self._interval, self._callback = loop, interval, callback
        self._handle: asyncio.TimerHandle | None = loop.call_later(interval, self._run)

    def _run(self) -> None:
        if self._handle is None:
            return
        self._handle = self._loop.call_later(self._interval, self._run)
        self._callback()

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    @property
    def running(self) -> bool:
        return self._handle is not None
