"""What the room needs from the session it serves (the session core satisfies it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from poforum_tui.domain.clock import Clock
from poforum_tui.domain.models import Session


class RoomHost(Protocol):
    """The open session: read it, change it through pure operations, hear about changes."""

    @property
    def session(self) -> Session | None: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def read_only(self) -> bool: ...

    def change(self, operation: Callable[[Session], Session], what: str = "") -> str | None:
        """Apply `operation`; None when applied, else the reason it was refused."""

    def on_change(self, callback: Callable[[Session], None]) -> Callable[[], None]:
        """Call `callback` after every change; returns the function that unsubscribes."""
