"""The command palette: every screen, every action with its key, and the app's commands.

Also the flows those commands start (new session, carry-over, exports, decisions, people).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import SystemCommand
from textual.screen import Screen

from poforum_tui.domain import DomainError
from poforum_tui.screens.host import PoforumHost
from poforum_tui.store import SessionFileError
from poforum_tui.widgets.literal import quoted

SCREEN_MODES = ("sessions", "agenda", "board", "decisions", "dependencies")


class PaletteCommands(PoforumHost):
    """Mixin: what `ctrl+p` offers, and the dialogs behind those commands."""

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from poforum_tui.store.export import FORMAT_LABELS, export_path
        from poforum_tui.store.templates import list_templates

        yield from super().get_system_commands(screen)
        keys = self.keys_by_action(screen)
        for mode in SCREEN_MODES:
            yield SystemCommand(
                f"Go to {mode.title()}{keys.get(f'go({mode!r})', '')}",
                f"Show the {mode.title()} screen",
                lambda mode=mode: self.action_go(mode),
            )
        yield SystemCommand(f"Undo{keys.get('undo', '')}", "Undo the last change", self.action_undo)
        if self.session is not None:
            yield SystemCommand(
                f"Show the working agreement{keys.get('show_agreement', '')}",
                "The agreement, large, for the room (stop the line)",
                self.action_show_agreement,
            )
            yield SystemCommand(
                "Edit participants and working agreement",
                "Who is here, their roles and domains; the agreement's lines",
                self.action_edit_people,
            )
        yield SystemCommand(
            f"Redo{keys.get('redo', '')}", "Redo the last undone change", self.action_redo
        )
        if self.session is not None and not self.read_only:
            yield SystemCommand(
                "Rename session, or change its date, start, kind, facilitators",
                "The open session's settings",
                self.edit_settings,
            )
        if self.persistence.undecided is not None:
            yield SystemCommand(
                "Decide about the outside edit",
                "The file changed outside poforum: keep yours, theirs, or save yours as a copy",
                self.persistence.decide,
            )
        if self.persistence.holder is not None or self.persistence.read_only_reason:
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
        yield from self._key_commands(screen)

    def keys_by_action(self, screen: Screen) -> dict[str, str]:
        """` (key)` of each of the app's actions as bound now (after remapping)."""
        keys: dict[str, str] = {}
        for active in screen.active_bindings.values():
            if active.node is self and active.binding.action not in keys:
                keys[active.binding.action] = f" ({self.get_key_display(active.binding)})"
        return keys

    def _key_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of poforum's that works on `screen` now, once, naming its current key
        (not the keys Textual's own widgets bring, like a table's cursor keys)."""
        from poforum_tui.dialogs.help import own_actions

        seen: dict[tuple[int, str], list[str]] = {}
        found = []
        owned: dict[int, set[str]] = {}
        for active in screen.active_bindings.values():
            node, binding, enabled = active.node, active.binding, active.enabled
            if node is self or not binding.description or not enabled:
                continue
            if binding.action not in owned.setdefault(id(node), own_actions(node)):
                continue
            display = self.get_key_display(binding)
            key = (id(node), binding.action)
            if key not in seen:
                seen[key] = []
                found.append((key, node, binding))
            if display not in seen[key]:
                seen[key].append(display)
        for key, node, binding in found:
            yield SystemCommand(
                f"{binding.description} ({' / '.join(seen[key])})",
                binding.tooltip or binding.description,
                partial(self.run_action, binding.action, node),
            )

    def action_present(self) -> None:
        """Presenter mode: the calm view for the shared screen (p again to leave)."""
        from poforum_tui.screens.presenter.screen import PresenterScreen

        if self.session is None:
            self.notify("Open a session first: highlight one and press enter.", timeout=4)
            return
        current = getattr(self.screen, "current_topic", None)
        topic = current() if callable(current) else None
        self.push_screen(PresenterScreen(topic.id if topic is not None else None))

    def action_show_agreement(self) -> None:
        from poforum_tui.screens.people.screen import AgreementView

        if self.session is not None:
            self.push_screen(AgreementView())

    def action_edit_people(self) -> None:
        from poforum_tui.screens.people.screen import PeopleScreen

        if self.session is not None:
            self.push_screen(PeopleScreen())

    def export_open_session(self, fmt: str) -> None:
        """Write the open session's `fmt` export beside its file and say where."""
        if self.session is None or self.path is None:
            return
        from poforum_tui.store.export import write_export

        try:
            target = write_export(self.session, self.path, fmt)
        except OSError as error:
            self.notify(f"{error.strerror or error}", title="Not exported", severity="error")
            return
        self.notify(f"Wrote {target}", title="Exported", timeout=8)

    def edit_settings(self) -> None:
        """Ask for the open session's settings: title, date, start, kind, facilitators."""
        from poforum_tui.dialogs.session_settings import SessionSettingsForm, Settings

        def changed(settings: Settings | None) -> None:
            if settings is not None:
                from poforum_tui.domain import session_info

                self.change(
                    lambda s: session_info.change_settings(
                        s,
                        title=settings.title,
                        date=settings.date,
                        start=settings.start,
                        kind=settings.kind,
                        facilitators=settings.facilitators,
                    ),
                    "change the session settings",
                )

        if self.session is not None:
            self.push_screen(SessionSettingsForm(self.session), changed)

    def new_session_from(self, template: str) -> None:
        """Ask for a title and date, write the new file from `template`, and open it."""
        from poforum_tui.screens.sessions.new_session_form import (
            NextSessionForm,
            NextSessionRequest,
        )
        from poforum_tui.store.carryover import new_from_template
        from poforum_tui.store.create import create_session_file

        def created(request: NextSessionRequest | None) -> None:
            if request is None:
                return
            session = new_from_template(
                self.folder, request.template, title=request.title, date=request.date
            )
            try:
                path = create_session_file(self.folder, session)
            except (OSError, FileExistsError) as error:
                self.notify(str(error), title="Not created", severity="error")
                return
            self.notify(f"Created {path}")
            self.open_session(path)

        today = self.clock.now().date()
        self.push_screen(NextSessionForm(self.folder, today, None, template=template), created)

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
        from poforum_tui.screens.decisions.decision_form import DecisionDraft, DecisionForm

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
                    f"record {draft.kind} {quoted(draft.text)}",
                )

        self.push_screen(DecisionForm(self.session, topic=topic_id), recorded)

    def show_decision_log(self) -> None:
        """The decision log across the session folder."""
        from poforum_tui.screens.decisions.log_screen import DecisionLogScreen

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
        from poforum_tui.screens.sessions.carry_over_form import CarryOverForm, CarryOverRequest
        from poforum_tui.store import load
        from poforum_tui.store.carryover import followers, session_after
        from poforum_tui.store.create import create_session_file

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
