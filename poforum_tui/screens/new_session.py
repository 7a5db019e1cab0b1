"""The form for a new session from a template: template, title, date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Select

from poforum_tui.screens.form import FormScreen
from poforum_tui.store.templates import list_templates


@dataclass(frozen=True)
class NewSessionRequest:
    template: str
    title: str
    date: dt.date


class NewSessionForm(FormScreen[NewSessionRequest | None]):
    """Asks for the title and date of a session made from a template."""

    form_title = "New session"
    submit_label = "Create"
    AUTO_FOCUS = "#field-title"

    def __init__(self, template: str, today: dt.date) -> None:
        super().__init__()
        self.template = template
        self.today = today

    def compose_fields(self) -> ComposeResult:
        yield from self.field("title", "Title", Input(placeholder="PO Forum #2"))
        yield from self.field("date", "Date", Input(self.today.isoformat()), hint="YYYY-MM-DD")
        options = [(f"{t.name} — {t.description}", t.name) for t in list_templates()]
        yield from self.field(
            "template", "Template", Select(options, value=self.template, allow_blank=False)
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
        template = self.query_one("#field-template", Select).value
        self.dismiss(NewSessionRequest(str(template), title, date))
