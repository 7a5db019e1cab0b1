"""The form for `n` on Sessions: a new session from a template, or carried over from another."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Select

from poforum_tui.domain import DomainError, Session
from poforum_tui.domain.carryover import suggest_date, suggest_title
from poforum_tui.domain.dates import FORMATS, parse_date
from poforum_tui.screens.form import FormScreen
from poforum_tui.store import SessionSummary
from poforum_tui.store.create import session_file_name
from poforum_tui.store.templates import list_templates, template_names

CARRY, FRESH = "carry", "fresh"


@dataclass(frozen=True)
class NextSessionRequest:
    template: str
    title: str
    date: dt.date
    carry_from: Path | None
    """The session whose open items, people and backlog move over, or None."""


class NextSessionForm(FormScreen[NextSessionRequest | None]):
    """Title, date, template and, with a session highlighted, whether to carry it over."""

    form_title = "New session"
    submit_label = "Create"
    AUTO_FOCUS = "#field-title"

    def __init__(self, folder: Path, today: dt.date, previous: SessionSummary | None) -> None:
        super().__init__()
        self.folder = folder
        self.today = today
        self.previous = previous if previous is not None and previous.session else None

    def compose_fields(self) -> ComposeResult:
        previous = self.previous
        if previous is not None and previous.session is not None:
            title = suggest_title(previous.title)
            date = suggest_date(previous.session, self.today)
            template = previous.kind if previous.kind in template_names() else "po-forum"
        else:
            title, date, template = "", self.today, "po-forum"
        yield from self.field("title", "Title", Input(title, placeholder="PO Forum #2"))
        yield from self.field(
            "date", "Date", Input(date.isoformat()), hint=f"{FORMATS} from {self.base}"
        )
        options = [(f"{t.name} — {t.description}", t.name) for t in list_templates()]
        yield from self.field(
            "template", "Template", Select(options, value=template, allow_blank=False)
        )
        if previous is not None:
            choices = [
                (f"Open items, people and backlog of {previous.title}", CARRY),
                ("Nothing: start from the template only", FRESH),
            ]
            yield from self.field(
                "carry", "Carry over", Select(choices, value=CARRY, allow_blank=False)
            )

    @property
    def base(self) -> dt.date:
        """Relative dates (`+2w`) count from the highlighted session, else from today."""
        return self.previous.date if self.previous is not None else self.today

    def submit(self) -> None:
        title = " ".join(self.value("title").split())
        if not title:
            self.refuse("title", "a title is required")
            return
        try:
            date = parse_date(self.value("date"), self.base)
        except DomainError as error:
            self.refuse("date", str(error))
            return
        if date is None:
            self.refuse("date", "a date is required")
            return
        name = session_file_name(Session(title=title, date=date))
        if (self.folder / name).exists():
            self.refuse("title", f"{name} already exists: change the title or the date")
            return
        template = str(self.query_one("#field-template", Select).value)
        carry_from = None
        if self.previous is not None and self.query_one("#field-carry", Select).value == CARRY:
            carry_from = self.previous.path
        self.dismiss(NextSessionRequest(template, title, date, carry_from))
