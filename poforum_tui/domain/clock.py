"""Time is injected: the app uses the system clock, tests a fake one that never sleeps."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the local wall-clock time (naive, seconds resolution)."""

    def now(self) -> dt.datetime: ...


class SystemClock:
    """The machine's local time, truncated to whole seconds (what the file stores)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._now = start or dt.datetime(2026, 12, 1, 10, 0, 0)

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, seconds: float = 0, *, minutes: float = 0) -> dt.datetime:
        self._now += dt.timedelta(seconds=seconds, minutes=minutes)
        return self._now

    def set(self, when: dt.datetime) -> None:
        self._now = when
