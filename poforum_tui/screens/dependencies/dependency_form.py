"""The form for a dependency: what is needed, who needs it, who delivers, by when.

`needed by` takes a date (`YYYY-MM-DD`, `+7d`, `+2w` from the session's date) or a sprint
label such as `Sprint 26`; teams are suggested from the participants' domains.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select

from poforum_tui.dialogs.form import FormScreen, field_text
from poforum_tui.domain import DomainError, Session
from poforum_tui.domain.dates import parse_date
from poforum_tui.domain.models import DEPENDENCY_STATUSES, Dependency

STATUS_LABELS = {
    "requested": "requested — asked for, not agreed yet",
    "agreed": "agreed — the delivering team has said yes",
    "at-risk": "at risk — may not make the date",
    "blocked": "blocked — cannot go on",
    "done": "done — delivered",
    "dropped": "dropped — no longer needed",
}
_DATE_LIKE = re.compile(r"^(\d{4}-\d{2}-\d{2}|\+\s*\d+\s*[dwDW])$")


@dataclass(frozen=True)
class DependencyDraft:
    """What the form produced: the text, the two teams and the optional keys (None: omitted)."""

    text: str
    from_: str
    to: str
    fields: dict[str, object] = field(default_factory=dict)


def parse_needed_by(text: str, base: dt.date) -> dt.date | str | None:
    """A date as the other forms take it, else a sprint label (None when blank)."""
    text = text.strip()
    if not text:
        return None
    if _DATE_LIKE.match(text):
        return parse_date(text, base)
    return text


def teams(session: Session) -> list[str]:
    """The domains of the participants and the teams already named in dependencies."""
    names = {p.domain for p in session.participants if p.domain}
    for dependency in session.dependencies:
        names |= {dependency.from_, dependency.to}
    return sorted(names, key=str.casefold)


class DependencyForm(FormScreen[DependencyDraft | None]):
    """Add or edit one dependency (from a board topic: its title is the text)."""

    submit_label = "Save"
    AUTO_FOCUS = "#field-text"
    DEFAULT_CSS = """
    DependencyForm .form-label {
        padding-top: 0;
    }
    DependencyForm #form-title {
        margin-bottom: 0;
    }
    DependencyForm .form-row {
        margin-top: 1;
    }
    DependencyForm #form-buttons {
        margin-top: 1;
    }
    """

    def __init__(
        self, session: Session, dependency: Dependency | None = None, text: str = ""
    ) -> None:
        super().__init__()
        self.session = session
        self.dependency = dependency
        self.initial_text = dependency.text if dependency is not None else text
        verb = "Edit" if dependency is not None else "Add"
        self.form_title = f"{verb} a dependency: who needs what from whom, by when"

    def _text(self, key: str) -> str:
        return field_text(self.dependency, key)

    def compose_fields(self) -> ComposeResult:
        known = SuggestFromList(teams(self.session), case_sensitive=False)
        people = SuggestFromList(
            sorted({p.name for p in self.session.participants}), case_sensitive=False
        )
        yield from self.field(
            "text",
            "What",
            Input(compact=True, value=self.initial_text, placeholder="What is needed"),
        )
        yield from self.field(
            "from",
            "Needs it",
            Input(compact=True, value=self._text("from_"), placeholder="Team", suggester=known),
            hint="the team or PO that needs it",
        )
        yield from self.field(
            "to",
            "Delivers",
            Input(compact=True, value=self._text("to"), placeholder="Team", suggester=known),
            hint="who must deliver",
        )
        yield from self.field(
            "needed_by",
            "By when",
            Input(compact=True, value=self._text("needed_by"), placeholder="2026-12-12"),
            hint=f"YYYY-MM-DD, +7d / +2w from {self.session.date.isoformat()}, or Sprint 26",
        )
        status = self.dependency.status if self.dependency is not None else "requested"
        yield from self.field(
            "status",
            "Status",
            Select(
                [(STATUS_LABELS[s], s) for s in DEPENDENCY_STATUSES],
                value=status,
                allow_blank=False,
                compact=True,
            ),
        )
        yield from self.field(
            "owner",
            "Owner",
            Input(
                compact=True,
                value=self._text("owner"),
                placeholder="Who follows it up",
                suggester=people,
            ),
        )
        yield from self.field(
            "ref",
            "Ref",
            Input(compact=True, value=self._text("ref"), placeholder="Ticket or link (optional)"),
        )

    def submit(self) -> None:
        text, source, target = (self.value(n).strip() for n in ("text", "from", "to"))
        if not text:
            self.refuse("text", "Say what is needed")
            return
        if not source:
            self.refuse("from", "Which team needs it?")
            return
        if not target:
            self.refuse("to", "Which team must deliver?")
            return
        if source.casefold() == target.casefold():
            self.refuse("to", "A dependency is between two teams")
            return
        try:
            needed = parse_needed_by(self.value("needed_by"), self.session.date)
        except DomainError as error:
            self.refuse("needed_by", str(error))
            return
        status = self.query_one("#field-status", Select).value
        fields: dict[str, object] = {
            "needed_by": needed,
            "status": status,
            "owner": self.value("owner").strip() or None,
            "ref": self.value("ref").strip() or None,
        }
        self.dismiss(DependencyDraft(text, source, target, fields))
