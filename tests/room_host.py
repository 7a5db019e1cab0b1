"""A small RoomHost over real domain operations, for the room's tests (no Textual, no files)."""

from __future__ import annotations

from collections.abc import Callable

from poforum_tui.domain import DomainError, FakeClock, Session


class FakeHost:
    """Holds a session; `change` applies a pure operation or returns the refusal."""

    def __init__(self, session: Session, clock: FakeClock | None = None, read_only=False) -> None:
        self.session: Session | None = session
        self.clock = clock or FakeClock()
        self.read_only = read_only
        self.changes: list[str] = []
        self._listeners: list[Callable[[Session], None]] = []

    def change(self, operation: Callable[[Session], Session], what: str = "") -> str | None:
        if self.read_only:
            return "read-only"
        try:
            changed = operation(self.session)
        except DomainError as why:
            return str(why)
        if changed is not self.session:
            self.session = changed
            self.changes.append(what)
            for callback in list(self._listeners):
                callback(changed)
        return None

    def on_change(self, callback: Callable[[Session], None]) -> Callable[[], None]:
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback)
