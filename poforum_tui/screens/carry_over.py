"""The form for the next session carried over from the open one: title, date, template."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from poforum_tui.domain import DomainError, Session
from poforum_tui.domain.carryover import suggest_date, suggest_title
from poforum_tui.domain.dates import FORMATS, parse_date
from poforum_tui.screens.form import FormScreen
from poforum_tui.store.carryover import default_template
from poforum_tui.store.create import session_file_name
from poforum_tui.store.templates import list_templates
from poforum_tui.widgets.literal import literal

OWN_AGENDA = "(this session's agenda)"


@dataclass(frozen=True)
class CarryOverRequest:
    title: str
    date: dt.date
    template: str | None
    """A template name, or None to reuse the previous session's agenda and columns."""


class CarryOverForm(FormScreen[CarryOverRequest | None]):
    """Asks for the next session's title, date and template, with sensible defaults."""

    form_title = "New session from this one (carry over)"
    submit_label = "Create"
    AUTO_FOCUS = "#field-title"

    def __init__(
        self,
        previous: Session,
        today: dt.date,
        folder: Path,
        followed_by: Sequence[Path] = (),
    ) -> None:
        super().__init__()
        self.previous = previous
        self.today = today
        self.folder = folder
        self.followed_by = list(followed_by)

    def compose_fields(self) -> ComposeResult:
        yield from self.field("title", "Title", Input(suggest_title(self.previous.title)))
        date = suggest_date(self.previous, self.today).isoformat()
        yield from self.field(
            "date",
            "Date",
            Input(date),
            hint=f"{FORMATS} from {self.previous.date.isoformat()}",
        )
        options = [(f"{t.name} — {t.description}", t.name) for t in list_templates()]
        options.append((OWN_AGENDA, OWN_AGENDA))
        default = default_template(self.previous) or OWN_AGENDA
        if self.followed_by:
            names = ", ".join(path.name for path in self.followed_by)
            verb = "follows" if len(self.followed_by) == 1 else "follow"
            yield Static(
                literal(f"Note: {names} already {verb} this session."), classes="form-hint"
            )
        yield from self.field(
            "template", "Template", Select(options, value=default, allow_blank=False)
        )

    def submit(self) -> None:
        title = " ".join(self.value("title").split())
        if not title:
            self.refuse("title", "a title is required")
            return
        try:
            date = parse_date(self.value("date"), self.previous.date)
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
        template = self.query_one("#field-template", Select).value
        chosen = None if template == OWN_AGENDA else str(template)
        self.dismiss(CarryOverRequest(title, date, chosen))
