"""The agenda's dialogs: the add / edit item form and the Lean Coffee "keep discussing?"."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.suggester import SuggestFromList
from textual.widgets import Input

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.dialogs.form import FormScreen
from poforum_tui.domain import AgendaItem, DomainError
from poforum_tui.domain.agenda import pattern_ends
from poforum_tui.domain.board import DEFAULT_TIMEBOX as DEFAULT_MINUTES
from poforum_tui.domain.models import MAX_TIMEBOX, MIN_TIMEBOX


@dataclass(frozen=True)
class AgendaItemRequest:
    """What the form asks for; optional fields are None when left empty."""

    title: str
    minutes: int
    owner: str | None
    notes: str | None
    pattern: str | None

    def fields(self) -> dict[str, object]:
        return {
            "title": self.title,
            "minutes": self.minutes,
            "owner": self.owner,
            "notes": self.notes,
            "pattern": self.pattern,
        }


class AgendaItemForm(FormScreen[AgendaItemRequest | None]):
    """Add an item (`item=None`) or edit one; owners are suggested from the participants."""

    AUTO_FOCUS = "#field-title"

    def __init__(self, item: AgendaItem | None = None, owners: list[str] | None = None) -> None:
        super().__init__()
        self.item = item
        self.owners = owners or []
        self.form_title = "Edit agenda item" if item else "Add agenda item"
        self.submit_label = "Save" if item else "Add"

    def compose_fields(self) -> ComposeResult:
        item = self.item
        yield from self.field(
            "title", "Title", Input(item.title if item else "", placeholder="What to discuss")
        )
        yield from self.field(
            "timebox",
            "Timebox",
            Input(str(item.minutes) if item else DEFAULT_MINUTES, placeholder="e.g. 10"),
            hint=f"whole minutes, {MIN_TIMEBOX} to {MAX_TIMEBOX}",
        )
        suggester = SuggestFromList(self.owners, case_sensitive=False) if self.owners else None
        yield from self.field(
            "owner",
            "Owner",
            Input((item.owner or "") if item else "", placeholder="optional", suggester=suggester),
        )
        yield from self.field(
            "notes", "Notes", Input((item.notes or "") if item else "", placeholder="optional")
        )
        yield from self.field(
            "pattern",
            "Pattern",
            Input((item.pattern or "") if item else "", placeholder="optional, e.g. 7+5+3"),
            hint="Lean Coffee steps: at the end of each, asks to keep discussing",
        )

    def submit(self) -> None:
        title = self.value("title").strip()
        typed = self.value("timebox").strip()
        pattern = self.value("pattern").replace(" ", "") or None
        if not title:
            self.refuse("title", "a title is required")
            return
        ends: tuple[int, ...] = ()
        if pattern:
            try:
                ends = pattern_ends(pattern)
            except DomainError as error:
                self.refuse("pattern", str(error))
                return
        if not typed and ends:
            typed = str(ends[0])
        if not typed.isdigit() or not MIN_TIMEBOX <= int(typed) <= MAX_TIMEBOX:
            limits = f"{MIN_TIMEBOX} to {MAX_TIMEBOX}"
            self.refuse("timebox", f"the timebox is a whole number of minutes, {limits}")
            return
        minutes = int(typed)
        if ends and minutes not in ends and self._pattern_changed(pattern):
            choices = ", ".join(str(end) for end in ends)
            self.refuse("timebox", f"with pattern {pattern} the timebox is one of {choices}")
            return
        owner = self.value("owner").strip() or None
        notes = self.value("notes").strip() or None
        self.dismiss(AgendaItemRequest(title, minutes, owner, notes, pattern))

    def _pattern_changed(self, pattern: str | None) -> bool:
        return self.item is None or pattern != self.item.pattern


class KeepDiscussingScreen(ConfirmScreen):
    """End of a pattern step: y / enter keeps discussing, n moves on, escape decides later.

    Dismisses with True, False, or None (later: the timer keeps counting as overrun).
    """

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Keep discussing", id="keep-yes"),
        Binding("n", "answer(False)", "Move on", id="keep-no"),
        Binding("escape", "later", "Later", id="keep-later"),
    ]

    def __init__(self, title: str, step: int) -> None:
        super().__init__(
            f"Time is up for {title!r}.\n\n"
            f"Keep discussing for {step} more minutes (y), or move on to the next item (n)?\n"
            "escape: decide later (the timer keeps counting)",
            yes=f"Keep discussing +{step}",
            no="Move on",
        )

    def on_mount(self) -> None:
        # The question says time is up: the toasts saying it too would cover its buttons.
        self.app.clear_notifications()

    def action_later(self) -> None:
        self.dismiss(None)
