"""The form for the open session's settings: title, date, start time, kind, facilitators."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Select

from poforum_tui.dialogs.form import FormScreen
from poforum_tui.domain import DomainError, Session
from poforum_tui.domain.dates import FORMATS, parse_date
from poforum_tui.domain.models import SESSION_KINDS
from poforum_tui.domain.session_info import KIND_NAMES, parse_start
from poforum_tui.widgets.literal import clean


@dataclass(frozen=True)
class Settings:
    title: str
    date: dt.date
    start: dt.time | None
    kind: str
    facilitators: list[str]


class SessionSettingsForm(FormScreen[Settings | None]):
    """Every setting of the session in one form; returns them, or None when cancelled."""

    form_title = "Session settings"
    submit_label = "Save"
    AUTO_FOCUS = "#field-title"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose_fields(self) -> ComposeResult:
        session = self.session
        start = session.start.strftime("%H:%M") if session.start else ""
        yield from self.field("title", "Title", Input(clean(session.title), select_on_focus=True))
        yield from self.field(
            "date", "Date", Input(session.date.isoformat()), hint=f"{FORMATS} from today's value"
        )
        yield from self.field(
            "start", "Start", Input(start, placeholder="e.g. 09:30"), hint="planned, local time"
        )
        kinds = [(KIND_NAMES.get(kind, kind), kind) for kind in SESSION_KINDS]
        yield from self.field("kind", "Kind", Select(kinds, value=session.kind, allow_blank=False))
        names = clean(", ".join(session.facilitators))
        yield from self.field(
            "facilitators",
            "Facilitators",
            Input(names, placeholder="e.g. Dana Levi, Eli Cohen"),
            hint="names, separated by commas",
        )

    def submit(self) -> None:
        title = " ".join(self.value("title").split())
        if not title:
            self.refuse("title", "a title is required")
            return
        try:
            date = parse_date(self.value("date"), self.session.date)
        except DomainError as error:
            self.refuse("date", str(error))
            return
        if date is None:
            self.refuse("date", "a date is required")
            return
        try:
            start = parse_start(self.value("start"))
        except DomainError as error:
            self.refuse("start", str(error))
            return
        kind = str(self.query_one("#field-kind", Select).value)
        names = [name for name in self.value("facilitators").split(",") if name.strip()]
        self.dismiss(Settings(title, date, start, kind, names))
