"""Forms for a participant and for one line of the working agreement."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select

from poforum_tui.dialogs.form import FormScreen
from poforum_tui.domain import Participant
from poforum_tui.domain.models import ROLES


@dataclass(frozen=True)
class ParticipantFields:
    name: str
    role: str
    domain: str | None
    present: bool


class ParticipantForm(FormScreen[ParticipantFields | None]):
    """Add or edit a participant: name (required), role, domain, present."""

    AUTO_FOCUS = "#field-name"

    def __init__(
        self, participant: Participant | None = None, taken: frozenset[str] | set[str] = frozenset()
    ):
        super().__init__()
        self.participant = participant
        self.taken = taken
        self.form_title = "Edit participant" if participant else "Add participant"
        self.submit_label = "Save" if participant else "Add"

    def compose_fields(self) -> ComposeResult:
        p = self.participant
        yield from self.field(
            "name", "Name", Input(p.name if p else "", placeholder="e.g. Dana Levi")
        )
        yield from self.field(
            "role",
            "Role",
            Select([(r, r) for r in ROLES], value=p.role if p else "po", allow_blank=False),
        )
        yield from self.field(
            "domain", "Domain", Input(p.domain or "" if p else "", placeholder="optional")
        )
        yield from self.field("present", "Present", Checkbox("present", p.present if p else True))

    def submit(self) -> None:
        name = self.value("name").strip()
        if not name:
            self.refuse("name", "a name is required")
            return
        if name in self.taken and (self.participant is None or name != self.participant.name):
            self.refuse("name", f"{name} is already a participant")
            return
        self.dismiss(
            ParticipantFields(
                name=name,
                role=str(self.query_one("#field-role", Select).value),
                domain=self.value("domain").strip() or None,
                present=self.query_one("#field-present", Checkbox).value,
            )
        )


class AgreementForm(FormScreen[str | None]):
    """Add or edit one line of the working agreement."""

    AUTO_FOCUS = "#field-line"

    def __init__(self, line: str = "") -> None:
        super().__init__()
        self.line = line
        self.form_title = "Edit agreement" if line else "Add to the working agreement"
        self.submit_label = "Save" if line else "Add"

    def compose_fields(self) -> ComposeResult:
        yield from self.field(
            "line", "Agreement", Input(self.line, placeholder="e.g. Anyone may stop the line")
        )

    def submit(self) -> None:
        line = self.value("line").strip()
        if not line:
            self.refuse("line", "an agreement must not be empty")
            return
        self.dismiss(line)
