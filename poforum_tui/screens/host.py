"""`PoforumHost`: what screens may use of the app, declared once and checked by mypy.

`app.PoforumApp` implements it; a screen's `self.app` is typed as it (see `HostedScreen`), so
a screen names the app's capabilities instead of reaching for attributes found at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import getters
from textual.app import App
from textual.reactive import var
from textual.screen import ModalScreen, Screen

from poforum_tui.domain import Clock

if TYPE_CHECKING:
    from poforum_tui.core import SessionCore
    from poforum_tui.core.persistence import Persistence
    from poforum_tui.domain import Session


class PoforumHost(App[object]):
    """The app as its screens see it: the open session, changing it, and the app's flows."""

    session: var[Session | None] = var(None, always_update=True, init=False)
    """The open session (the core's, mirrored for Textual's watchers); screens redraw on it."""
    file_status: var[tuple[str, str]] = var(("", ""), init=False)
    """A lasting problem with the open file (text, severity); widgets.file_status shows it."""

    room_open: var[bool] = var(False, init=False)
    """Whether the room (the participants' web page) is being served; app/room.py runs it."""

    folder: Path
    core: SessionCore

    @property
    def clock(self) -> Clock:
        raise NotImplementedError

    @property
    def path(self) -> Path | None:
        raise NotImplementedError

    @property
    def read_only(self) -> bool:
        raise NotImplementedError

    @property
    def persistence(self) -> Persistence:
        raise NotImplementedError

    def change(self, operation: Callable[[Session], Session], what: str = "") -> bool:
        """Apply a pure operation to the open session; refusals are shown, not raised."""
        raise NotImplementedError

    def flush_save(self) -> None:
        """Save now, in this thread, if the open session has unsaved changes."""
        raise NotImplementedError

    def open_session(self, path: Path, *, read_only: bool = False) -> bool:
        """Load `path` and show its Agenda; a broken file is reported and nothing changes."""
        raise NotImplementedError

    def open_session_at(self, path: Path, mode: str) -> None:
        """Open `path` (unless it is open already) and show screen `mode`."""
        raise NotImplementedError

    def record_decision(self, topic_id: str | None = None) -> None:
        """Ask for a decision, experiment or action (linked to `topic_id`) and record it."""
        raise NotImplementedError

    def show_decision_log(self) -> None:
        """The decision log across the session folder."""
        raise NotImplementedError

    def carry_over(self, previous_path: Path | None = None) -> None:
        """Ask for the next session's details and write it, carrying open items over."""
        raise NotImplementedError

    def new_session_from(self, template: str) -> None:
        """Ask for a title and date, write a new session from `template`, and open it."""
        raise NotImplementedError

    def action_undo(self) -> None:
        """Undo the last change to the session (and say what it was)."""
        raise NotImplementedError

    def action_redo(self) -> None:
        """Redo the last undone change (and say what it was)."""
        raise NotImplementedError

    def action_take_over(self) -> None:
        """Become the writer of a file another poforum held (once it has quit)."""
        raise NotImplementedError

    def action_go(self, mode: str) -> None:
        """Show screen `mode` (sessions, agenda, board, decisions, dependencies)."""
        raise NotImplementedError

    def show_room_panel(self) -> None:
        """The open room's join URL, QR code and roster (a notice while the room is closed)."""
        raise NotImplementedError


T = TypeVar("T")


class HostedScreen(Screen[None]):
    """A full screen of poforum's: `self.app` is the `PoforumHost`."""

    app = getters.app(PoforumHost)

    def notify(self, message: str, *, markup: bool = False, **kwargs) -> None:
        """A notice: user text in it shows literally (Textual's default reads it as markup)."""
        self.app.notify(message, markup=markup, **kwargs)


class HostedModal(ModalScreen[T]):
    """A modal screen of poforum's that dismisses with a `T`; `self.app` is the `PoforumHost`."""

    app = getters.app(PoforumHost)

    def notify(self, message: str, *, markup: bool = False, **kwargs) -> None:
        """A notice: user text in it shows literally (Textual's default reads it as markup)."""
        self.app.notify(message, markup=markup, **kwargs)
