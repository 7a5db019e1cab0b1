"""The form for `n` on Sessions: a new session from a template, optionally carrying over."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Select

from poforum_tui.screens.form import FormScreen
from poforum_tui.store import SessionSummary
from poforum_tui.store.templates import list_templates

_TRAILING_NUMBER = re.compile(r"(\d+)(?!.*\d)")


def next_title(title: str) -> str:
    """`PO Forum #2` -> `PO Forum #3`; a title without a number is returned as it is."""
    return _TRAILING_NUMBER.sub(lambda m: str(int(m.group(1)) + 1), title, count=1)


def template_for(kind: str) -> str:
    """The shipped template closest to a session kind (`po-forum` when none matches)."""
    names = {template.name for template in list_templates()}
    return kind if kind in names else "po-forum"


@dataclass(frozen=True)
class NextSessionRequest:
    template: str
    title: str
    date: dt.date
    carry_from: Path | None
    """The previous session to carry open items over from, or None."""


class NextSessionForm(FormScreen[NextSessionRequest | None]):
    """Title, date, template and (when offered) which session to carry open items over from."""

    form_title = "New session"
    submit_label = "Create"
    AUTO_FOCUS = "#field-title"

    def __init__(self, today: dt.date, previous: SessionSummary | None, carry_over: bool) -> None:
        super().__init__()
        self.today = today
        self.previous = previous
        self.carry_over = carry_over and previous is not None

    def compose_fields(self) -> ComposeResult:
        previous = self.previous
        title = next_title(previous.title) if previous is not None else ""
        yield from self.field("title", "Title", Input(title, placeholder="PO Forum #2"))
        yield from self.field("date", "Date", Input(self.today.isoformat()), hint="YYYY-MM-DD")
        options = [(f"{t.name} — {t.description}", t.name) for t in list_templates()]
        template = template_for(previous.kind) if previous is not None else "po-forum"
        yield from self.field(
            "template", "Template", Select(options, value=template, allow_blank=False)
        )
        if self.carry_over and previous is not None:
            choices = [
                (f"Open items of {previous.title} ({previous.date})", "carry"),
                ("Nothing: start from the template only", "fresh"),
            ]
            yield from self.field(
                "carry", "Carry over", Select(choices, value="carry", allow_blank=False)
            )

    def submit(self) -> None:
        title = self.value("title").strip()
        if not title:
            self.refuse("title", "a title is required")
            return
        try:
            date = dt.date.fromisoformat(self.value("date").strip())
        except ValueError:
            self.refuse("date", "not a date like 2026-12-01")
            return
        template = str(self.query_one("#field-template", Select).value)
        carry_from = None
        carrying = self.carry_over and self.query_one("#field-carry", Select).value == "carry"
        if carrying and self.previous is not None:
            carry_from = self.previous.path
        self.dismiss(NextSessionRequest(template, title, date, carry_from))
