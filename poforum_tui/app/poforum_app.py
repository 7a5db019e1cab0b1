"""The App: modes, app-wide keys, the open session, undo and saving.

The command palette, per-user settings and read-only review live in mixins beside it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

from poforum_tui.app.commands import PaletteCommands
from poforum_tui.app.preferences import UserSettings
from poforum_tui.app.review import ReadOnlyReview
from poforum_tui.app.room import RoomSurface
from poforum_tui.core import Notice, Question, SessionCore
from poforum_tui.core.persistence import Persistence
from poforum_tui.core.questions import unsaved_quit
from poforum_tui.core.session_core import Step
from poforum_tui.domain import Clock, SystemClock
from poforum_tui.store import SessionFileError
from poforum_tui.widgets.literal import clean, clip, quoted
from poforum_tui.widgets.timefmt import mmss

if TYPE_CHECKING:
    from poforum_tui.domain import Session

COLLECTOR_PAUSE = 1.0
"""Seconds after mounting before the garbage collector resumes (see `resume_collector`): by
then the first screen is shown."""


def lazy_screen(module: str, name: str) -> Callable[[], Screen]:
    """A mode's screen, imported when first shown: startup pays only for the first screen."""

    def make() -> Screen:
        return getattr(import_module(f"poforum_tui.screens.{module}.screen"), name)()

    make.__name__ = name
    return make


def history_notice(
    verb: str, what: str, before: Session | None, after: Session | None, clock: dt.datetime
) -> str:
    """ "Undid: delete topic 'X'", and where the clock went when the running item changed."""
    from poforum_tui.domain.agenda import active_item, remaining_seconds

    text = f"{verb}: {what or 'the last change'}"
    was = active_item(before) if before is not None else None
    now = active_item(after) if after is not None else None
    if (was and (was.id, was.status)) == (now and (now.id, now.status)):
        return text
    direction = "back" if verb == "Undid" else "on"
    if now is None:
        where = "no item is running"
    else:
        state = "runs" if now.status == "running" else "is paused"
        left = remaining_seconds(now, clock)
        time = f"+{mmss(-left)} over" if left < 0 else f"{mmss(left)} left"
        where = f"{quoted(now.title)} {state}, {time}"
    return f"{text}\nThe clock moved {direction}: {where}."


class PoforumApp(ReadOnlyReview, UserSettings, RoomSurface, PaletteCommands):
    """poforum: one open session, shown on four screens, saved after every change."""

    TITLE = "poforum"
    CSS_PATH = "app.tcss"
    MODES = {
        "sessions": lazy_screen("sessions", "SessionsScreen"),
        "agenda": lazy_screen("agenda", "AgendaScreen"),
        "board": lazy_screen("board", "BoardScreen"),
        "decisions": lazy_screen("decisions", "DecisionsScreen"),
        "dependencies": lazy_screen("dependencies", "DependenciesScreen"),
    }
    BINDINGS = [
        Binding("0", "go('sessions')", "Sessions", id="go-sessions"),
        Binding("1", "go('agenda')", "Agenda", id="go-agenda"),
        Binding("2", "go('board')", "Board", id="go-board"),
        Binding("3", "go('decisions')", "Decisions", id="go-decisions"),
        Binding("4", "go('dependencies')", "Dependencies", id="go-dependencies"),
        Binding("question_mark,f1", "toggle_help", "Help", id="help", key_display="?"),
        Binding("w", "show_agreement", "Agreement", id="agreement", show=False),
        Binding("p", "present", "Present", id="present"),
        Binding("j", "toggle_room", "Room", id="room"),
        Binding("ctrl+z", "undo", "Undo", id="undo", show=False),
        Binding("ctrl+y", "redo", "Redo", id="redo", show=False),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    def __init__(
        self,
        folder: Path | str = "sessions",
        *,
        path: Path | str | None = None,
        session: Session | None = None,
        read_only: bool = False,
        clock: Clock | None = None,
        theme: str | None = None,
        room_host: str | None = None,
        room_port: int | None = None,
    ) -> None:
        # Start in the mode that will show first: switching away from Textual's default screen
        # in on_mount costs a second stylesheet parse and a wasted frame (issue 8).
        first = "agenda" if path is not None or session is not None else "sessions"
        self.DEFAULT_MODE = first  # type: ignore[misc]  # per instance: Textual reads it at start
        super().__init__()
        self._requested_theme = theme
        self.room_host, self.room_port = room_host, room_port
        self.folder = Path(folder)
        self.core = SessionCore(clock or SystemClock())
        self.core.asker = self._ask
        self.core.on_change(self._core_changed)
        self.core.on_open(self._core_opened)
        self.core.on_status(self._core_status)
        self.core.on_notice(self._core_notice)
        self._path: Path | None = Path(path) if path is not None else None
        self._read_only = read_only
        self._initial = session
        self._stop_signals_off: Callable[[], None] = lambda: None

    # -- what the core holds, as the screens read it ----------------------------------------

    @property
    def clock(self) -> Clock:
        return self.core.clock

    @property
    def path(self) -> Path | None:
        return self.core.path if self.core.path is not None else self._path

    @path.setter
    def path(self, value: Path | None) -> None:
        self._path = value
        self.core.path = value

    @property
    def read_only(self) -> bool:
        return self.core.read_only if self.core.session is not None else self._read_only

    @property
    def persistence(self) -> Persistence:
        return self.core.persistence

    @property
    def undo_stack(self) -> list[Step]:
        return self.core.undo_stack

    @property
    def redo_stack(self) -> list[Step]:
        return self.core.redo_stack

    # -- lifecycle -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_timer(COLLECTOR_PAUSE, self.resume_collector)
        # The terminal closed (SIGHUP) or a logout (SIGTERM): save first, then exit 128+n.
        self._stop_signals_off = self.core.save_on_stop_signals(
            lambda status: self.exit(return_code=status)
        )
        self._apply_settings()
        if self._path is not None:
            if not self.open_session(self._path, read_only=self._read_only):
                self.path = None
                self.switch_mode("sessions")
        elif self._initial is not None:
            self.core.read_only = self._read_only
            self.core.reloaded(self._initial)

    def resume_collector(self) -> None:
        """Once the first screen is shown: if the CLI paused the garbage collector for
        startup (`cli.pause_collector`), collect startup's garbage once, freeze the survivors
        (they live as long as the app, so later collections need not walk them) and resume."""
        if not gc.isenabled():
            gc.collect()
            gc.freeze()
            gc.enable()

    async def on_unmount(self) -> None:
        try:
            await self.close_room(quiet=True)
        finally:
            self.core.close()
            self._stop_signals_off()

    def _core_changed(self, session: Session) -> None:
        self.session = session
        self._show_title()

    def _core_opened(self, path: Path) -> None:
        self._path = path
        self._show_title()

    def _core_status(self, text: str, severity: str) -> None:
        self.file_status = (text, severity)

    def _core_notice(self, notice: Notice) -> None:
        kwargs: dict = {"title": notice.title or "", "severity": notice.severity}
        if notice.timeout is not None:
            kwargs["timeout"] = notice.timeout
        self.notify(notice.message, **kwargs)

    async def _ask(self, question: Question) -> str | None:
        from poforum_tui.dialogs.choice import ChoiceScreen

        answer: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        # Through the app's message queue: the core may ask from outside the app's context.
        self.call_later(self.push_screen, ChoiceScreen.asking(question), answer.set_result)
        return await answer

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
            self.core.open(Path(path), read_only=read_only)
        except SessionFileError as error:
            self.notify(str(error), title="Cannot open", severity="error", timeout=10)
            return False
        if self.persistence.holder is not None:
            self.notify(self.persistence.status()[0], title="Read-only", severity="warning")
        self.switch_mode("agenda")
        return True

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Headless (tests, snapshots): a steady text cursor, so what is drawn does not depend
        on when the blink timer last fired."""
        if self.is_headless and isinstance(event.widget, Input):
            event.widget.cursor_blink = False

    def notify(self, message: str, *, markup: bool = False, **kwargs) -> None:
        """Notifications show user text literally unless a caller asks for markup."""
        super().notify(message, markup=markup, **kwargs)

    # -- changing the session (the core does the work) ------------------------------------

    def change(self, operation: Callable[[Session], Session], what: str = "") -> bool:
        """Apply a pure operation to the open session; refusals are shown, not raised."""
        refusal = self.core.change(operation, what)
        if refusal is None:
            return True
        if refusal.kind == "domain":
            self.notify(str(refusal), title=what or None, severity="warning")
        else:
            self.notify(
                str(refusal), severity="warning" if refusal.kind == "read-only" else "information"
            )
        return False

    def action_undo(self) -> None:
        self._step_history(self.core.undo, "Undid", "Nothing to undo.")

    def action_redo(self) -> None:
        self._step_history(self.core.redo, "Redid", "Nothing to redo.")

    def _step_history(self, step: Callable[[], str | None], verb: str, nothing: str) -> None:
        """Undo or redo one change and say which ("Undid: delete topic 'X'")."""
        before = self.session
        what = step()
        if what is None:
            self.notify(nothing, timeout=2)
        else:
            self.notify(
                history_notice(verb, what, before, self.session, self.clock.now()), timeout=4
            )

    def flush_save(self) -> None:
        """Save now, in this thread, if the open session has unsaved changes."""
        self.core.flush()

    @property
    def unsaved(self) -> bool:
        return self.core.unsaved

    @property
    def save_error(self) -> str | None:
        return self.core.save_error

    async def action_quit(self) -> None:
        """Quit once the last change is saved; when it cannot be, ask what to do."""
        if self.read_only or self.core.flush() == "saved":
            self.exit()
            return
        from poforum_tui.dialogs.choice import ChoiceScreen

        reason = self.persistence.error or "the file changed on disk and you have not decided"
        self.push_screen(ChoiceScreen.asking(unsaved_quit(reason)), self._quit_answer)

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
        if self.core.take_over():
            self._show_title()
            self.refresh_bindings()
            self.notify("You are now editing this file.", title="Took over")
        elif self.persistence.holder is not None or self.persistence.read_only_reason:
            self.notify(self.persistence.status()[0], title="Still read-only", severity="warning")

    # -- navigation and help ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("show_agreement", "present", "toggle_room") and self.session is None:
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

    def action_help_quit(self) -> None:
        """ctrl+c does not quit: say which key does (as bound now), as plain text."""
        for active in self.screen.active_bindings.values():
            if active.binding.action in ("quit", "app.quit"):
                key = self.get_key_display(active.binding)
                self.notify(f"Press {key} to quit the app", title="Do you want to quit?")
                return

    def action_toggle_help(self) -> None:
        from poforum_tui.dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.action_show_help_panel()

    def action_show_help_panel(self) -> None:
        """Help for the screen shown now (also the palette's "Keys" command)."""
        from poforum_tui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen.of(self.screen, self))

    def action_hide_help_panel(self) -> None:
        from poforum_tui.dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
