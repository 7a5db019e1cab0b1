"""The form for the next session carried over from the open one: title, date, template."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from poforum_tui.dialogs.form import FormScreen
from poforum_tui.domain import Session
from poforum_tui.domain.carryover import suggest_date, suggest_title
from poforum_tui.domain.dates import FORMATS
from poforum_tui.screens.sessions.new_session_form import new_title_and_date, template_options
from poforum_tui.store.carryover import default_template
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
        options = [*template_options(), (OWN_AGENDA, OWN_AGENDA)]
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
        chosen = new_title_and_date(self, self.folder, self.previous.date)
        if chosen is None:
            return
        title, date = chosen
        template = self.query_one("#field-template", Select).value
        self.dismiss(
            CarryOverRequest(title, date, None if template == OWN_AGENDA else str(template))
        )
