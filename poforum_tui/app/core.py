"""The App: modes, app-wide keys, the open session, undo and saving.

The command palette, per-user settings and read-only review live in mixins beside it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from poforum_tui.app.commands import PaletteCommands
from poforum_tui.app.preferences import UserSettings
from poforum_tui.app.review import ReadOnlyReview
from poforum_tui.domain import Clock, DomainError, Session, SystemClock
from poforum_tui.persistence import Persistence
from poforum_tui.store import SessionFileError
from poforum_tui.widgets.literal import clean, clip

UNDO_LIMIT = 200
COLLECTOR_PAUSE = 1.0
"""Seconds after mounting before the garbage collector resumes (see `resume_collector`): by
then the first screen is shown."""


def lazy_screen(module: str, name: str) -> Callable[[], Screen]:
    """A mode's screen, imported when first shown: startup pays only for the first screen."""

    def make() -> Screen:
        return getattr(import_module(f"poforum_tui.screens.{module}"), name)()

    make.__name__ = name
    return make


class PoforumApp(ReadOnlyReview, UserSettings, PaletteCommands, App[None]):
    """poforum: one open session, shown on four screens, saved after every change."""

    TITLE = "poforum"
    CSS_PATH = "app.tcss"
    MODES = {
        "sessions": lazy_screen("sessions", "SessionsScreen"),
        "agenda": lazy_screen("agenda", "AgendaScreen"),
        "board": lazy_screen("board", "BoardScreen"),
        "decisions": lazy_screen("decisions", "DecisionsScreen"),
    }
    BINDINGS = [
        Binding("0", "go('sessions')", "Sessions", id="go-sessions"),
        Binding("1", "go('agenda')", "Agenda", id="go-agenda"),
        Binding("2", "go('board')", "Board", id="go-board"),
        Binding("3", "go('decisions')", "Decisions", id="go-decisions"),
        Binding("question_mark,f1", "toggle_help", "Help", id="help", key_display="?"),
        Binding("w", "show_agreement", "Agreement", id="agreement", show=False),
        Binding("p", "present", "Present", id="present"),
        Binding("ctrl+z", "undo", "Undo", id="undo", show=False),
        Binding("ctrl+y", "redo", "Redo", id="redo", show=False),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    session: var[Session | None] = var(None, always_update=True, init=False)
    """The open session; screens watch it and redraw."""
    file_status: var[tuple[str, str]] = var(("", ""), init=False)
    """A lasting problem with the open file (text, severity); widgets.file_status shows it."""

    def __init__(
        self,
        folder: Path | str = "sessions",
        *,
        path: Path | str | None = None,
        session: Session | None = None,
        read_only: bool = False,
        clock: Clock | None = None,
        theme: str | None = None,
    ) -> None:
        # Start in the mode that will show first: switching away from Textual's default screen
        # in on_mount costs a second stylesheet parse and a wasted frame (issue 8).
        self.DEFAULT_MODE = "agenda" if path is not None or session is not None else "sessions"
        super().__init__()
        self._requested_theme = theme
        self.folder = Path(folder)
        self.path: Path | None = Path(path) if path is not None else None
        self.read_only = read_only
        self.clock: Clock = clock or SystemClock()
        self.undo_stack: list[Session] = []
        self.redo_stack: list[Session] = []
        self.persistence = Persistence(self)
        self._initial = session

    # -- lifecycle -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_timer(COLLECTOR_PAUSE, self.resume_collector)
        self._apply_settings()
        if self.path is not None:
            if not self.open_session(self.path, read_only=self.read_only):
                self.path = None
                self.switch_mode("sessions")
        elif self._initial is not None:
            self._set_open(self._initial)

    def resume_collector(self) -> None:
        """Once the first screen is shown: if the CLI paused the garbage collector for
        startup (`cli.pause_collector`), collect startup's garbage once, freeze the survivors
        (they live as long as the app, so later collections need not walk them) and resume."""
        if not gc.isenabled():
            gc.collect()
            gc.freeze()
            gc.enable()

    def on_unmount(self) -> None:
        self.persistence.close()

    def _set_open(self, session: Session) -> None:
        self.undo_stack.clear()
        self.redo_stack.clear()
        self.session = session
        self._show_title()

    def _show_title(self) -> None:
        session = self.session
        if session is None:
            self.title, self.sub_title = "poforum", str(self.folder)
            return
        parts = [session.date.isoformat(), session.kind]
        if self.read_only:
            parts.append("read-only")
        self.title, self.sub_title = clip(clean(session.title), 200), " · ".join(parts)

    def open_session(self, path: Path, *, read_only: bool = False) -> bool:
        """Load `path` and show its Agenda; a broken file is reported and nothing changes."""
        try:
            session, read_only = self.persistence.open(Path(path), read_only=read_only)
        except SessionFileError as error:
            self.notify(str(error), title="Cannot open", severity="error", timeout=10)
            return False
        self.path, self.read_only = Path(path), read_only
        self._set_open(session)
        if self.persistence.holder is not None:
            self.notify(self.persistence.status()[0], title="Read-only", severity="warning")
        self.switch_mode("agenda")
        return True

    def notify(self, message: str, *, markup: bool = False, **kwargs) -> None:
        """Notifications show user text literally unless a caller asks for markup."""
        super().notify(message, markup=markup, **kwargs)

    # -- changing the session ------------------------------------------------------------

    def change(self, operation: Callable[[Session], Session], what: str = "") -> bool:
        """Apply a pure operation to the open session; refusals are shown, not raised."""
        if self.session is None:
            self.notify("Open a session first: pick one on the Sessions screen (0).")
            return False
        if self.read_only:
            self.notify("This session is open read-only.", severity="warning")
            return False
        try:
            updated = operation(self.session)
        except DomainError as error:
            self.notify(str(error), title=what or None, severity="warning")
            return False
        self.apply(updated)
        return True

    def apply(self, updated: Session) -> None:
        """Make `updated` the open session: push undo, redraw the screens, save."""
        if self.session is None or updated is self.session:
            return
        self.undo_stack.append(self.session)
        del self.undo_stack[:-UNDO_LIMIT]
        self.redo_stack.clear()
        self._replace(updated)

    def _replace(self, session: Session) -> None:
        self.session = session
        self._show_title()
        self.request_save()

    def action_undo(self) -> None:
        if self.read_only or not self.undo_stack or self.session is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.redo_stack.append(self.session)
        self._replace(self.undo_stack.pop())

    def action_redo(self) -> None:
        if self.read_only or not self.redo_stack or self.session is None:
            self.notify("Nothing to redo.", timeout=2)
            return
        self.undo_stack.append(self.session)
        self._replace(self.redo_stack.pop())

    # -- saving (poforum_tui.persistence does the work) -----------------------------------

    def request_save(self) -> None:
        """Save the latest session soon, in a worker thread, off the UI's path."""
        self.persistence.request_save()

    def flush_save(self) -> None:
        """Save now, in this thread, if the open session has unsaved changes."""
        self.persistence.flush()

    @property
    def unsaved(self) -> bool:
        return self.persistence.unsaved

    @property
    def save_error(self) -> str | None:
        return self.persistence.error

    def show_reloaded(self, session: Session) -> None:
        """Show `session` as just read from disk (an outside edit): it replaces undo history."""
        self._set_open(session)

    async def action_quit(self) -> None:
        """Quit once the last change is saved; when it cannot be, ask what to do."""
        if self.read_only or self.persistence.flush() == "saved":
            self.exit()
            return
        from poforum_tui.screens.file_questions import unsaved_quit_question

        reason = self.persistence.error or "the file changed on disk and you have not decided"
        question = unsaved_quit_question(reason)
        self.push_screen(question, self._quit_answer)

    async def _quit_answer(self, answer: str | None) -> None:
        if answer == "retry":
            await self.action_quit()
        elif answer == "copy":
            copy = self.persistence.rescue()
            if copy is None:
                self.notify("No copy could be written anywhere.", severity="error")
                return
            self.persistence.saved = self.session  # rescued: nothing left to save on exit
            self.exit(message=f"Unsaved changes written to {copy}")
        elif answer == "discard":
            self.persistence.saved = self.session
            self.exit()

    def action_take_over(self) -> None:
        """Become the writer of a file another poforum held (once it has quit)."""
        if self.persistence.take_over():
            self.read_only = False
            self._show_title()
            self.refresh_bindings()
            self.notify("You are now editing this file.", title="Took over")
        elif self.persistence.holder is not None or self.persistence.read_only_reason:
            self.notify(self.persistence.status()[0], title="Still read-only", severity="warning")

    # -- navigation and help ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("show_agreement", "present") and self.session is None:
            return None
        if action in ("undo", "redo"):
            stack = self.undo_stack if action == "undo" else self.redo_stack
            return None if self.read_only or not stack else True
        return True

    def action_go(self, mode: str) -> None:
        if mode != "sessions" and self.session is None:
            self.notify("Open a session first: highlight one and press enter.", timeout=4)
            return
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()
