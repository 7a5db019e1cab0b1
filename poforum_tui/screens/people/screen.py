"""People & agreement: edit the participants and the working agreement in the app.

Also `AgreementView`, the working agreement shown large to the room (`w`, "stop the line").
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from poforum_tui.domain import Session
from poforum_tui.domain import participants as ops
from poforum_tui.screens.host import HostedModal
from poforum_tui.screens.people.people_forms import (
    AgreementForm,
    ParticipantFields,
    ParticipantForm,
)
from poforum_tui.widgets.footer import KeyFooter
from poforum_tui.widgets.literal import cell, clean, literal, quoted

STACK_BELOW = 110
"""Narrower than this, the agreement goes under the participants instead of beside them."""
HERE_WIDTH, NAME_WIDTH, ROLE_WIDTH = 6, 22, 12


class AgreementView(HostedModal[None]):
    """The working agreement, large, for the room; the meeting keys still work behind it."""

    CSS_PATH = "people.tcss"
    BINDINGS = [
        Binding("escape,w,q", "dismiss", "Close", id="agreement-close"),
        Binding("e", "edit", "Edit people & agreement", id="agreement-edit"),
    ]
    HELP = """
## Working agreement
Everyone owns the agreement and anyone may **stop the line** when it is not kept.
"""

    def compose(self) -> ComposeResult:
        with Vertical(id="agreement"):
            yield Static("STOP THE LINE — our working agreement", id="agreement-title")
            yield Static(id="agreement-lines")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "session", self._show, init=True)

    def _show(self, session: Session | None) -> None:
        if session is None:
            return
        lines = session.working_agreement
        body = (
            Content("\n").join(literal(f"{n}. {line}") for n, line in enumerate(lines, 1))
            if lines
            else Content("No working agreement yet: press e to write one together.")
        )
        self.query_one("#agreement-lines", Static).update(body)

    def action_edit(self) -> None:
        self.dismiss(None)
        self.app.push_screen(PeopleScreen())


class PeopleScreen(HostedModal[None]):
    """Participants and working agreement, each a list with add / edit / delete."""

    CSS_PATH = "people.tcss"
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="people-close"),
        Binding("a", "add", "Add", id="people-add"),
        Binding("e", "edit", "Edit", id="people-edit"),
        Binding("delete", "remove", "Delete", id="people-delete"),
        Binding("space", "toggle_present", "Present", id="people-present"),
        Binding("shift+up", "move(-1)", "Up", id="people-up", show=False),
        Binding("shift+down", "move(1)", "Down", id="people-down", show=False),
        Binding("tab", "app.focus_next", "Other list", id="people-switch", show=False),
        Binding("ctrl+z", "app.undo", "Undo", id="people-undo", show=False),
        Binding("ctrl+y", "app.redo", "Redo", id="people-redo", show=False),
    ]
    HELP = """
## People & agreement
Left: the participants (name, role, domain, present). Right: the working agreement, whose
lines can be reordered.
"""

    def compose(self) -> ComposeResult:
        with Horizontal(id="people"):
            with Vertical(id="people-left"):
                yield Static("Participants", classes="people-heading")
                yield DataTable(id="participants", cursor_type="row", zebra_stripes=True)
            with Vertical(id="people-right"):
                yield Static("Working agreement", classes="people-heading")
                yield DataTable(id="agreement-table", cursor_type="row", show_header=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "session", self._show, init=False)
        self.query_one("#participants", DataTable).focus()

    def on_resize(self) -> None:
        """Side by side when there is room, else the agreement under the people; the
        columns are sized to the lists' widths."""
        stacked = self.size.width < STACK_BELOW
        self.query_one("#people").set_class(stacked, "stacked")
        inside = self.size.width - 2  # the thick border
        if stacked:
            self._fit(inside, inside)
        else:  # 3fr and 2fr (people.tcss), the right one with a one-cell border
            left = inside * 3 // 5
            self._fit(left, inside - left - 1)

    def _fit(self, people_width: int, lines_width: int) -> None:
        """Columns as wide as the lists: "Here" first, so it is never cut off; the name and
        domain share what is left; agreement lines wrap."""
        table = self.query_one("#participants", DataTable)
        lines = self.query_one("#agreement-table", DataTable)
        scrollbar = 2
        free = people_width - 2 * 4 - scrollbar - HERE_WIDTH - ROLE_WIDTH  # cell padding
        name = max(min(NAME_WIDTH, free // 2), 6)
        widths = (HERE_WIDTH, name, ROLE_WIDTH, max(free - name, 6))
        line_width = max(lines_width - 2 - scrollbar, 10)
        if (widths, line_width) == self._widths:
            return
        self._widths = widths, line_width
        table.clear(columns=True)
        for label, width in zip(("Here", "Name", "Role", "Domain"), widths, strict=True):
            table.add_column(label, width=width)
        lines.clear(columns=True)
        lines.add_column("Agreement", width=line_width)
        self._show(self.app.session)

    _widths: tuple[tuple[int, ...], int] | None = None

    def _show(self, session: Session | None) -> None:
        if session is None or self._widths is None:
            return  # drawn once the lists have their widths (_fit)
        table = self.query_one("#participants", DataTable)
        row = table.cursor_row
        table.clear()
        for p in session.participants:
            here = "✓ yes" if p.present else "✗ away"
            table.add_row(cell(here), cell(p.name), cell(p.role), cell(p.domain or ""), key=p.name)
        table.move_cursor(row=min(row, max(table.row_count - 1, 0)))
        lines = self.query_one("#agreement-table", DataTable)
        line_row = lines.cursor_row
        lines.clear()
        for number, line in enumerate(session.working_agreement, 1):
            lines.add_row(Text(clean(f"{number}. {line}")), height=None)  # wraps at the width
        lines.move_cursor(row=min(line_row, max(lines.row_count - 1, 0)))

    @property
    def _on_people(self) -> bool:
        return self.focused is None or self.focused.id == "participants"

    def _participant(self) -> str | None:
        session = self.app.session
        table = self.query_one("#participants", DataTable)
        if session is None or not session.participants:
            return None
        return session.participants[min(table.cursor_row, len(session.participants) - 1)].name

    def _line(self) -> int | None:
        session = self.app.session
        if session is None or not session.working_agreement:
            return None
        row = self.query_one("#agreement-table", DataTable).cursor_row
        return min(row, len(session.working_agreement) - 1)

    def action_add(self) -> None:
        session = self.app.session
        if session is None:
            return
        if self._on_people:
            taken = {p.name for p in session.participants}
            self.app.push_screen(ParticipantForm(taken=taken), self._added_participant)
        else:

            def added(line: str | None) -> None:
                if line:
                    self.app.change(
                        lambda s: ops.add_agreement(s, line), f"add agreement line {quoted(line)}"
                    )

            self.app.push_screen(AgreementForm(), added)

    def _added_participant(self, fields: ParticipantFields | None) -> None:
        if fields is not None:
            self.app.change(
                lambda s: ops.add_participant(
                    s, fields.name, role=fields.role, domain=fields.domain, present=fields.present
                ),
                f"add participant {quoted(fields.name)}",
            )

    def action_edit(self) -> None:
        session = self.app.session
        if session is None:
            return
        if self._on_people:
            name = self._participant()
            if name is None:
                return
            participant = next(p for p in session.participants if p.name == name)
            taken = {p.name for p in session.participants}

            def edited(fields: ParticipantFields | None) -> None:
                if fields is not None:
                    self.app.change(
                        lambda s: ops.edit_participant(
                            s,
                            name,
                            name=fields.name,
                            role=fields.role,
                            domain=fields.domain,
                            present=fields.present,
                        ),
                        f"edit participant {quoted(name)}",
                    )

            self.app.push_screen(ParticipantForm(participant, taken), edited)
            return
        index = self._line()
        if index is not None:

            def edited_line(line: str | None) -> None:
                if line and index is not None:
                    what = f"edit agreement line {index + 1}"
                    self.app.change(lambda s: ops.edit_agreement(s, index, line), what)

            self.app.push_screen(AgreementForm(session.working_agreement[index]), edited_line)

    def action_remove(self) -> None:
        if self._on_people:
            name = self._participant()
            if name is not None:
                self.app.change(
                    lambda s: ops.remove_participant(s, name), f"remove participant {quoted(name)}"
                )
                self.notify(f"Removed {name} (ctrl+z brings them back)")
        else:
            index = self._line()
            if index is not None:
                self.app.change(
                    lambda s: ops.remove_agreement(s, index),
                    f"remove agreement line {index + 1}",
                )

    def action_toggle_present(self) -> None:
        name = self._participant() if self._on_people else None
        if name is not None:
            self.app.change(
                lambda s: ops.toggle_present(s, name), f"mark {quoted(name)} here / away"
            )

    def action_move(self, delta: int) -> None:
        index = self._line()
        if not self._on_people and index is not None:
            table = self.query_one("#agreement-table", DataTable)
            what = f"move agreement line {index + 1} {'up' if delta < 0 else 'down'}"
            if self.app.change(lambda s: ops.move_agreement(s, index, delta), what):
                table.move_cursor(row=max(0, index + delta))
