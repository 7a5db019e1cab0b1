"""The App: modes, app-wide keys, the command palette, the open session, undo and saving."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from textual.actions import ActionParseResult
from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.reactive import var
from textual.screen import Screen

from poforum_tui.domain import Clock, DomainError, Session, SystemClock, session_info
from poforum_tui.persistence import Persistence
from poforum_tui.screens.agenda import AgendaScreen
from poforum_tui.screens.board import BoardScreen
from poforum_tui.screens.decisions import DecisionsScreen
from poforum_tui.screens.sessions import SessionsScreen
from poforum_tui.store import SessionFileError, load
from poforum_tui.store.create import create_session_file
from poforum_tui.store.export import FORMAT_LABELS, export_path, write_export
from poforum_tui.store.settings import load_settings, save_settings
from poforum_tui.store.templates import from_template, list_templates
from poforum_tui.themes import THEMES
from poforum_tui.widgets.literal import clean, clip

UNDO_LIMIT = 200
SCREEN_MODES = ("sessions", "agenda", "board", "decisions")


class PoforumApp(App[None]):
    """poforum: one open session, shown on four screens, saved after every change."""

    TITLE = "poforum"
    CSS_PATH = "app.tcss"
    MODES = {
        "sessions": SessionsScreen,
        "agenda": AgendaScreen,
        "board": BoardScreen,
        "decisions": DecisionsScreen,
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
        self._apply_settings()
        if self.path is not None:
            if not self.open_session(self.path, read_only=self.read_only):
                self.path = None
                self.switch_mode("sessions")
        elif self._initial is not None:
            self._set_open(self._initial)

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
        from poforum_tui.screens.choice import Choice, ChoiceScreen

        reason = self.persistence.error or "the file changed on disk and you have not decided"
        question = ChoiceScreen(
            "Your last changes are not saved",
            f"{reason}.\nA copy goes beside the session file, or into your home folder.",
            [
                Choice("r", "retry", "Try again"),
                Choice("c", "copy", "Save a copy and quit"),
                Choice("d", "discard", "Quit without saving"),
            ],
            cancel="Stay",
        )
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
            self.notify("You are now editing this file.", title="Took over")
        elif self.persistence.holder is not None:
            self.notify(self.persistence.status()[0], title="Still in use", severity="warning")

    # -- per-user settings: theme and keys ---------------------------------------------------

    def _apply_settings(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self.settings = load_settings()
        if self.settings.problem:
            self.notify(self.settings.problem, title="Settings", severity="warning", timeout=8)
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        for wanted in (self._requested_theme, self.settings.theme):
            if wanted and wanted in self.available_themes:
                self.theme = wanted
                break
            if wanted:
                known = ", ".join(sorted(self.available_themes))
                self.notify(f"No theme {wanted!r}; themes: {known}", severity="warning", timeout=8)
        self.watch(self, "theme", self._remember_theme, init=False)
        if self._requested_theme and self._requested_theme == self.theme:
            self._remember_theme(self.theme)

    def _remember_theme(self, theme: str) -> None:
        if theme == self.settings.theme:
            return
        self.settings = self.settings.with_theme(theme)
        try:
            save_settings(self.settings)
        except OSError as error:
            self.notify(f"Theme not remembered: {error}", severity="warning")

    # -- navigation and help ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("show_agreement", "present") and self.session is None:
            return None
        if action in ("undo", "redo"):
            stack = self.undo_stack if action == "undo" else self.redo_stack
            return None if self.read_only or not stack else True
        return True

    # -- read-only review: screens and widgets list their editing actions ---------------------
    # A screen (or widget) with bindings declares `EDITING_ACTIONS: frozenset[str]` (action
    # names without parameters). In read-only review those keys are dimmed in the footer and
    # refused with a notice. Textual asks only the binding's own node `check_action`, so the
    # app hooks the two places every binding passes through.

    def refuses_edit(self, action: str, namespace: object) -> bool:
        """True if `action` on `namespace` edits the session and the session is read-only."""
        if not self.read_only:
            return False
        _destination, name, _params = parse_action(action)
        return name in getattr(namespace, "EDITING_ACTIONS", ())

    def _check_action_state(self, action: str, default_namespace: DOMNode) -> bool | None:
        if self.refuses_edit(action, default_namespace):
            return None  # dimmed in the footer
        return super()._check_action_state(action, default_namespace)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        if isinstance(action, str) and self.refuses_edit(action, default_namespace):
            self.notify("Read-only review: nothing can be changed here.", timeout=3)
            return True
        return await super().run_action(action, default_namespace, namespaces)

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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for mode in SCREEN_MODES:
            yield SystemCommand(
                f"Go to {mode.title()}",
                f"Show the {mode.title()} screen",
                lambda mode=mode: self.action_go(mode),
            )
        yield SystemCommand("Undo", "Undo the last change (ctrl+z)", self.action_undo)
        if self.session is not None:
            yield SystemCommand(
                "Show the working agreement (stop the line)",
                "The agreement, large, for the room (w)",
                self.action_show_agreement,
            )
            yield SystemCommand(
                "Edit participants and working agreement",
                "Who is here, their roles and domains; the agreement's lines",
                self.action_edit_people,
            )
        yield SystemCommand("Redo", "Redo the last undone change (ctrl+y)", self.action_redo)
        if self.session is not None and not self.read_only:
            yield SystemCommand("Rename session", "Change the open session's title", self.rename)
        if self.persistence.holder is not None:
            yield SystemCommand(
                "Take over editing",
                "Edit this file once the other poforum holding it has quit",
                self.action_take_over,
            )
        for template in list_templates():
            yield SystemCommand(
                f"New session from template: {template.name}",
                template.description,
                lambda name=template.name: self.new_session_from(name),
            )
        yield from self._decision_commands()
        if self.session is not None and self.path is not None:
            for fmt, label in FORMAT_LABELS.items():
                yield SystemCommand(
                    f"Export {label}",
                    f"Write {export_path(self.path, fmt).name} beside the session file",
                    lambda fmt=fmt: self.export_open_session(fmt),
                )
        palette = getattr(screen, "palette_commands", None)
        if palette is not None:
            yield from palette()

    def action_present(self) -> None:
        """Presenter mode: the calm view for the shared screen (p again to leave)."""
        from poforum_tui.screens.presenter import PresenterScreen

        if self.session is None:
            self.notify("Open a session first: highlight one and press enter.", timeout=4)
            return
        current = getattr(self.screen, "current_topic", None)
        topic = current() if callable(current) else None
        self.push_screen(PresenterScreen(topic.id if topic is not None else None))

    def action_show_agreement(self) -> None:
        from poforum_tui.screens.people import AgreementView

        if self.session is not None:
            self.push_screen(AgreementView())

    def action_edit_people(self) -> None:
        from poforum_tui.screens.people import PeopleScreen

        if self.session is not None:
            self.push_screen(PeopleScreen())

    def export_open_session(self, fmt: str) -> None:
        """Write the open session's `fmt` export beside its file and say where."""
        if self.session is None or self.path is None:
            return
        try:
            target = write_export(self.session, self.path, fmt)
        except OSError as error:
            self.notify(f"{error.strerror or error}", title="Not exported", severity="error")
            return
        self.notify(f"Wrote {target}", title="Exported", timeout=8)

    def rename(self) -> None:
        """Ask for a new title for the open session."""
        from poforum_tui.screens.rename import RenameForm

        def renamed(title: str | None) -> None:
            if title is not None:
                self.change(lambda s: session_info.rename(s, title), "Rename")

        if self.session is not None:
            self.push_screen(RenameForm(self.session.title), renamed)

    def new_session_from(self, template: str) -> None:
        """Ask for a title and date, write the new file from `template`, and open it."""
        from poforum_tui.screens.new_session import NewSessionForm, NewSessionRequest

        def created(request: NewSessionRequest | None) -> None:
            if request is None:
                return
            session = from_template(request.template, title=request.title, date=request.date)
            try:
                path = create_session_file(self.folder, session)
            except (OSError, FileExistsError) as error:
                self.notify(str(error), title="Not created", severity="error")
                return
            self.notify(f"Created {path}")
            self.open_session(path)

        self.push_screen(NewSessionForm(template, self.clock.now().date()), created)

    # -- decisions, carry-over and the decision log (issue 5) ------------------------------

    def _decision_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Decision log",
            "Every decision, experiment and action across the sessions",
            self.show_decision_log,
        )
        if self.session is not None and self.path is not None:
            yield SystemCommand(
                "New session from this one (carry over)",
                "Open items, people and backlog move to the next session",
                self.carry_over,
            )

    def record_decision(self, topic_id: str | None = None) -> None:
        """Open the DecisionForm (with `topic_id` linked) and add what it records."""
        from poforum_tui.domain import decisions as decision_ops
        from poforum_tui.screens.decision_form import DecisionDraft, DecisionForm

        if self.session is None:
            self.notify("Open a session first: pick one on the Sessions screen (0).")
            return
        if self.read_only:
            self.notify("This session is open read-only.", severity="warning")
            return

        def recorded(draft: DecisionDraft | None) -> None:
            if draft is not None:
                self.change(
                    lambda s: decision_ops.add_decision(s, draft.kind, draft.text, **draft.fields),
                    f"Record {draft.kind}",
                )

        self.push_screen(DecisionForm(self.session, topic=topic_id), recorded)

    def show_decision_log(self) -> None:
        """The decision log across the session folder."""
        from poforum_tui.screens.decision_log import DecisionLogScreen

        folder = self.path.parent if self.path is not None else self.folder
        self.push_screen(DecisionLogScreen(folder, self.clock.now().date()))

    def open_session_at(self, path: Path, mode: str) -> None:
        """Open `path` (unless it is open already) and show screen `mode`."""
        already = self.path is not None and Path(path).resolve() == self.path.resolve()
        if already or self.open_session(path, read_only=self.read_only):
            self.switch_mode(mode)

    def carry_over(self, previous_path: Path | None = None) -> None:
        """Ask for the next session's title, date and template; write it, open its Decisions.

        Carries over from `previous_path`, or from the open session's file when None.
        """
        from poforum_tui.screens.carry_over import CarryOverForm, CarryOverRequest
        from poforum_tui.store.carryover import followers, session_after

        if previous_path is None or (
            self.path is not None and Path(previous_path).resolve() == self.path.resolve()
        ):
            previous, previous_path = self.session, self.path
            self.flush_save()
        else:
            try:
                previous = load(previous_path)
            except SessionFileError as error:
                self.notify(str(error), title="Cannot carry over", severity="error", timeout=10)
                return
        if previous is None or previous_path is None:
            self.notify("Open a saved session first: carry-over starts from its file.")
            return
        folder = Path(previous_path).parent

        def requested(request: CarryOverRequest | None) -> None:
            if request is None:
                return
            try:
                session = session_after(
                    previous_path,
                    template=request.template,
                    title=request.title,
                    date=request.date,
                    previous=previous,
                )
                path = create_session_file(folder, session)
            except (DomainError, SessionFileError, OSError) as error:
                self.notify(str(error), title="Not created", severity="error", timeout=10)
                return
            self.notify(f"Created {path}")
            self.open_session_at(path, "decisions")

        form = CarryOverForm(previous, self.clock.now().date(), folder, followers(previous_path))
        self.push_screen(form, requested)
