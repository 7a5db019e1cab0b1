"""Board settings dialogs: the vote budget, and the timebox of a topic sent to the agenda."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input

from poforum_tui.dialogs.form import FormScreen
from poforum_tui.domain import DomainError
from poforum_tui.domain.board import parse_timebox


@dataclass(frozen=True)
class Budget:
    """Votes per person; None means automatic (ceil(topics / 3))."""

    votes: int | None


class BudgetForm(FormScreen[Budget]):
    """Sets how many dots each person may place; empty means automatic."""

    form_title = "Votes per person"

    def __init__(self, current: int | None, automatic: int) -> None:
        super().__init__()
        self.current = current
        self.automatic = automatic

    def compose_fields(self) -> ComposeResult:
        value = "" if self.current is None else str(self.current)
        yield from self.field(
            "votes",
            "Votes",
            Input(value, placeholder=f"automatic: {self.automatic}", type="integer"),
            hint=f"empty: one vote per three topics (now {self.automatic})",
        )

    def submit(self) -> None:
        text = self.value("votes").strip()
        if not text:
            self.dismiss(Budget(None))
            return
        if not text.isdigit() or int(text) < 1:
            self.refuse("votes", "Give a whole number of 1 or more, or leave it empty.")
            return
        self.dismiss(Budget(int(text)))


class TimeboxForm(FormScreen[str]):
    """The timebox of the agenda item a topic becomes: minutes or a Lean Coffee pattern."""

    submit_label = "Add to agenda"

    def __init__(self, topic_title: str, timebox: str) -> None:
        super().__init__()
        self.form_title = f"Agenda: Discuss: {topic_title}"
        self.timebox = timebox

    def compose_fields(self) -> ComposeResult:
        yield from self.field(
            "timebox",
            "Timebox",
            Input(self.timebox, placeholder="e.g. 10 or 7+5+3"),
            hint="minutes (10) or a Lean Coffee pattern (7+5+3 starts at 7, then +5, +3)",
        )

    def submit(self) -> None:
        text = self.value("timebox")
        try:
            minutes, pattern = parse_timebox(text)
        except DomainError as error:
            self.refuse("timebox", str(error))
            return
        self.dismiss(pattern or str(minutes))
