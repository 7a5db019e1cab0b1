"""`SessionCore`: the one open session, every change to it, undo/redo and its file.

Every surface (the TUI, the room's web page, `poforum serve`) changes the session only through
`change(operation, what)`: one writer per file, always. Listeners hear about changes, the file
banner and notices; a surface that can ask a person sets `asker`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from poforum_tui.core import questions
from poforum_tui.core.persistence import Outcome, Persistence
from poforum_tui.domain import Clock, DomainError, SystemClock
from poforum_tui.store.lock import Holder

if TYPE_CHECKING:
    from poforum_tui.domain import Session

UNDO_LIMIT = 200

Severity = Literal["information", "warning", "error"]
RefusalKind = Literal["domain", "read-only", "no-session"]


@dataclass(frozen=True)
class Notice:
    """Something a surface should tell its user once (a toast in the TUI)."""

    message: str
    title: str | None = None
    severity: Severity = "information"
    timeout: float | None = None


class Refusal(str):
    """Why a change was refused: the text a person reads, and what kind of refusal it is."""

    kind: RefusalKind

    def __new__(cls, reason: str, kind: RefusalKind = "domain") -> Refusal:
        refusal = super().__new__(cls, reason)
        refusal.kind = kind
        return refusal


@dataclass(frozen=True)
class Step:
    """One entry of the undo history: the session before a change, and what the change was."""

    session: Session
    what: str


Asker = Callable[[questions.Question], Awaitable[str | None]]


class SessionCore:
    """The open session and its file; no UI. Call it on the event loop's thread."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock: Clock = clock or SystemClock()
        self.session: Session | None = None
        self.path: Path | None = None
        self.read_only = False
        self.undo_stack: list[Step] = []
        self.redo_stack: list[Step] = []
        self.persistence = Persistence(self)
        self.asker: Asker | None = None
        """Set by a surface that can ask a person; None: questions take their safe default."""
        self.status: tuple[str, str] = ("", "")
        """The lasting problem with the open file (text, severity); empty when all is well."""
        self._on_change: list[Callable[[Session], None]] = []
        self._on_open: list[Callable[[Path], None]] = []
        self._on_status: list[Callable[[str, str], None]] = []
        self._on_notice: list[Callable[[Notice], None]] = []
        self._asking: set[asyncio.Future[None]] = set()
        self._previous: tuple[tuple[Path, int], Session | None] | None = None

    # -- listeners -----------------------------------------------------------------------

    def on_change(self, callback: Callable[[Session], None]) -> Callable[[], None]:
        """Call `callback(session)` after every change, undo, redo and outside-edit reload."""
        return _subscribe(self._on_change, callback)

    def on_open(self, callback: Callable[[Path], None]) -> Callable[[], None]:
        """Call `callback(path)` when a file is opened (also one the core opens itself)."""
        return _subscribe(self._on_open, callback)

    def on_status(self, callback: Callable[[str, str], None]) -> Callable[[], None]:
        """Call `callback(text, severity)` when the file banner changes."""
        return _subscribe(self._on_status, callback)

    def on_notice(self, callback: Callable[[Notice], None]) -> Callable[[], None]:
        """Call `callback(notice)` for each thing to tell the user once."""
        return _subscribe(self._on_notice, callback)

    # -- the open file -------------------------------------------------------------------

    @property
    def holder(self) -> Holder | None:
        """Who holds the file's lock, when this instance is read-only because of it."""
        return self.persistence.holder

    def open(self, path: Path, *, read_only: bool = False) -> Session:
        """Lock and load `path` (needs a running loop). Raises SessionFileError, and then
        the file open before stays open."""
        session, read_only = self.persistence.open(Path(path), read_only=read_only)
        self.path, self.read_only = Path(path), read_only
        self.undo_stack.clear()
        self.redo_stack.clear()
        self.session = session
        for callback in list(self._on_open):
            callback(self.path)
        self._changed()
        self._warn(session)
        return session

    def previous(self) -> Session | None:
        """The session the open one follows (its `follows` file), None when there is none or
        it does not load; read again only when that file changes."""
        from poforum_tui.store import SessionFileError, load
        from poforum_tui.store.paths import sibling

        if self.session is None or self.path is None or not self.session.follows:
            return None
        try:
            path = sibling(self.path.parent, self.session.follows)
            stamp = (path, path.stat().st_mtime_ns)
        except (SessionFileError, OSError):
            return None
        if self._previous is None or self._previous[0] != stamp:
            try:
                self._previous = (stamp, load(path))
            except SessionFileError:
                self._previous = (stamp, None)
        return self._previous[1]

    def _warn(self, session: Session) -> None:
        """Tell once what the file holds that is allowed but looks like a mistake (17.3)."""
        from poforum_tui.store.check import session_warnings, warnings_notice

        disk = self.persistence.disk
        assert self.path is not None
        found = session_warnings(session, raw=disk.known if disk else None, path=self.path)
        if found:
            count = f"{len(found)} warning{'s' if len(found) != 1 else ''}"
            self.notice(
                warnings_notice(found, self.path.name),
                title=f"{self.path.name}: {count}",
                severity="warning",
                timeout=12,
            )

    def close(self) -> Path | None:
        """Save what is unsaved (or rescue it to a copy), stop watching, unlock; the rescue
        copy's path when one was written."""
        return self.persistence.close()

    def save_on_stop_signals(self, stop: Callable[[int], object]) -> Callable[[], None]:
        """On SIGHUP/SIGTERM: save (or rescue), unlock, then `stop(exit_status)`; returns the
        function that removes the handlers (see core/stop_signals.py)."""
        from poforum_tui.core.stop_signals import save_on_stop_signals

        return save_on_stop_signals(self, stop)

    def take_over(self) -> bool:
        """Become the writer of a file another poforum held (once it has quit)."""
        if self.persistence.take_over():
            self.read_only = False
            return True
        return False

    def flush(self) -> Outcome:
        """Save now, in this thread, if the session has unsaved changes."""
        return self.persistence.flush()

    @property
    def unsaved(self) -> bool:
        return self.persistence.unsaved

    @property
    def save_error(self) -> str | None:
        return self.persistence.error

    # -- changing the session ------------------------------------------------------------

    def change(self, operation: Callable[[Session], Session], what: str = "") -> Refusal | None:
        """Apply a pure operation; None when applied, else the reason it was refused."""
        if self.session is None:
            return Refusal(
                "Open a session first: pick one on the Sessions screen (0).", "no-session"
            )
        if self.read_only:
            return Refusal("This session is open read-only.", "read-only")
        try:
            updated = operation(self.session)
        except DomainError as error:
            return Refusal(str(error))
        self.apply(updated, what)
        return None

    def apply(self, updated: Session, what: str = "") -> None:
        """Make `updated` the open session: push undo, tell the listeners, save."""
        if self.session is None or updated is self.session:
            return
        self.undo_stack.append(Step(self.session, what))
        del self.undo_stack[:-UNDO_LIMIT]
        self.redo_stack.clear()
        self._replace(updated)

    def undo(self) -> str | None:
        """Undo the last change; returns what it was ("" if unnamed), None if nothing to undo."""
        return self._step(self.undo_stack, self.redo_stack)

    def redo(self) -> str | None:
        """Redo the last undone change; returns what it was, None if nothing to redo."""
        return self._step(self.redo_stack, self.undo_stack)

    def _step(self, source: list[Step], target: list[Step]) -> str | None:
        if self.read_only or not source or self.session is None:
            return None
        step = source.pop()
        target.append(Step(self.session, step.what))
        self._replace(step.session)
        return step.what

    def _replace(self, session: Session) -> None:
        self.session = session
        self._changed()
        self.persistence.request_save()

    def _changed(self) -> None:
        if self.session is not None:
            for callback in list(self._on_change):
                callback(self.session)

    # -- what persistence reports ----------------------------------------------------------

    def reloaded(self, session: Session) -> None:
        """`session` was just read from disk (an outside edit): it replaces the undo history."""
        self.undo_stack.clear()
        self.redo_stack.clear()
        self.session = session
        self._changed()

    def notice(
        self,
        message: str,
        *,
        title: str | None = None,
        severity: Severity = "information",
        timeout: float | None = None,
    ) -> None:
        notice = Notice(message, title, severity, timeout)
        for callback in list(self._on_notice):
            callback(notice)

    def status_changed(self, status: tuple[str, str]) -> None:
        self.status = status
        for callback in list(self._on_status):
            callback(*status)

    def ask(self, question: questions.Question, answered: Callable[[str | None], None]) -> None:
        """Ask `question` through the surface's asker (or take its default) and hand the
        answer to `answered` on the loop."""
        asker = self.asker
        if asker is None:
            asyncio.get_running_loop().call_soon(answered, question.default)
            return

        async def asking() -> None:
            answered(await asker(question))

        task = asyncio.ensure_future(asking())
        self._asking.add(task)
        task.add_done_callback(self._asking.discard)


def _subscribe(listeners: list, callback: Callable) -> Callable[[], None]:
    listeners.append(callback)

    def unsubscribe() -> None:
        if callback in listeners:
            listeners.remove(callback)

    return unsubscribe
