"""The new-session form (`n` on Sessions, the palette's templates): template, title, date,
and whether to carry over the highlighted session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Select

from poforum_tui.dialogs.form import FormScreen
from poforum_tui.domain import DomainError, Session
from poforum_tui.domain.carryover import suggest_date, suggest_title
from poforum_tui.domain.dates import FORMATS, parse_date
from poforum_tui.store import SessionSummary
from poforum_tui.store.create import session_file_name
from poforum_tui.store.templates import list_templates, template_names, template_title

CARRY, FRESH = "carry", "fresh"


def template_options() -> list[tuple[str, str]]:
    """The Template field's choices: each shipped template with its description."""
    return [(f"{t.name} — {t.description}", t.name) for t in list_templates()]


def new_title_and_date(form: FormScreen, folder: Path, base: dt.date) -> tuple[str, dt.date] | None:
    """The form's title and date (relative to `base`), or None after refusing one beside it.

    Refuses an empty title, a bad date, and a title and date whose file already exists.
    """
    title = " ".join(form.value("title").split())
    if not title:
        form.refuse("title", "a title is required")
        return None
    try:
        date = parse_date(form.value("date"), base)
    except DomainError as error:
        form.refuse("date", str(error))
        return None
    if date is None:
        form.refuse("date", "a date is required")
        return None
    name = session_file_name(Session.model_validate({"title": title, "date": date}))
    if (folder / name).exists():
        form.refuse("title", f"{name} already exists: change the title or the date")
        return None
    return title, date


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

    def __init__(
        self,
        folder: Path,
        today: dt.date,
        previous: SessionSummary | None,
        *,
        template: str = "po-forum",
    ) -> None:
        super().__init__()
        self.folder = folder
        self.today = today
        self.template = template
        self.previous = previous if previous is not None and previous.session else None

    def compose_fields(self) -> ComposeResult:
        previous = self.previous
        if previous is not None and previous.session is not None:
            title = suggest_title(previous.title)
            date = suggest_date(previous.session, self.today)
            template = previous.kind if previous.kind in template_names() else "po-forum"
        else:
            title, date, template = template_title(self.template), self.today, self.template
        self._default_title = title
        yield from self.field("title", "Title", Input(title, placeholder="e.g. PO Forum #2"))
        yield from self.field(
            "date", "Date", Input(date.isoformat()), hint=f"{FORMATS} from {self.base}"
        )
        yield from self.field(
            "template", "Template", Select(template_options(), value=template, allow_blank=False)
        )
        if previous is not None:
            choices = [
                (f"Open items, people and backlog of {previous.title}", CARRY),
                ("Nothing: start from the template only", FRESH),
            ]
            yield from self.field(
                "carry", "Carry over", Select(choices, value=CARRY, allow_blank=False)
            )

    def on_select_changed(self, event: Select.Changed) -> None:
        """Another template: its title replaces the default one (never a title typed)."""
        if event.select.id != "field-template" or not isinstance(event.value, str):
            return
        field = self.query_one("#field-title", Input)
        if field.value == self._default_title and self.previous is None:
            field.value = self._default_title = template_title(event.value)

    @property
    def base(self) -> dt.date:
        """Relative dates (`+2w`) count from the highlighted session, else from today."""
        return self.previous.date if self.previous is not None else self.today

    def submit(self) -> None:
        chosen = new_title_and_date(self, self.folder, self.base)
        if chosen is None:
            return
        title, date = chosen
        template = str(self.query_one("#field-template", Select).value)
        carry_from = None
        if self.previous is not None and self.query_one("#field-carry", Select).value == CARRY:
            carry_from = self.previous.path
        self.dismiss(NextSessionRequest(template, title, date, carry_from))
