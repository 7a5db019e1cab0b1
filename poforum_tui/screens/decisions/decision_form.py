"""The form for a decision, experiment or action: text first, then kind, owner, dates, topic.

A decision also takes a rationale and who decided; an experiment its hypothesis, how it is
measured and a review date. Dates are `YYYY-MM-DD` or `+7d` / `+2w` from the session's date.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select

from poforum_tui.dialogs.form import FormScreen, field_text
from poforum_tui.domain import Decision, DomainError, Session
from poforum_tui.domain.dates import FORMATS, parse_date

KIND_LABELS = {"decision": "◆ Decision", "experiment": "⚗ Experiment", "action": "➤ Action"}
KIND_FIELDS = {
    "decision": ("rationale", "decided_by"),
    "experiment": ("hypothesis", "measure", "review"),
    "action": (),
}
OPTIONAL_TEXT = ("owner", "rationale", "decided_by", "hypothesis", "measure")


@dataclass(frozen=True)
class DecisionDraft:
    """What the form produced: the kind, the text and every optional key (None: omitted)."""

    kind: str
    text: str
    fields: dict[str, object] = field(default_factory=dict)


class DecisionForm(FormScreen[DecisionDraft | None]):
    """Add or edit one item of the Decisions screen."""

    submit_label = "Save"
    AUTO_FOCUS = "#field-text"
    DEFAULT_CSS = """
    DecisionForm .form-label {
        padding-top: 0;
    }
    DecisionForm .form-row {
        margin-bottom: 1;
    }
    DecisionForm #form-buttons {
        margin-top: 1;
    }
    """

    def __init__(
        self, session: Session, decision: Decision | None = None, topic: str | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.decision = decision
        self.topic = decision.topic if decision is not None else topic
        kind = decision.kind if decision is not None else "decision"
        self.kind: str = kind
        verb = "Edit" if decision is not None else "Record"
        self.form_title = f"{verb} a decision, experiment or action"

    def _text(self, key: str) -> str:
        return field_text(self.decision, key)

    def compose_fields(self) -> ComposeResult:
        names = sorted({p.name for p in self.session.participants} | set(self.session.facilitators))
        people = SuggestFromList(names, case_sensitive=False)
        base = self.session.date.isoformat()
        yield from self.field(
            "text",
            "Text",
            Input(compact=True, value=self._text("text"), placeholder="What was decided or agreed"),
        )
        kinds = [(label, kind) for kind, label in KIND_LABELS.items()]
        yield from self.field(
            "kind", "Kind", Select(kinds, value=self.kind, allow_blank=False, compact=True)
        )
        yield from self.field(
            "owner",
            "Owner",
            Input(
                compact=True,
                value=self._text("owner"),
                placeholder="who (→ takes a suggested name)",
                suggester=people,
            ),
        )
        yield from self.field(
            "due",
            "Due",
            Input(compact=True, value=self._text("due"), placeholder=f"{FORMATS} from {base}"),
        )
        topics = [(t.title, t.id) for t in self.session.board.topics]
        yield from self.field(
            "topic",
            "Topic",
            Select(topics, value=self.topic or Select.NULL, prompt="(no topic)", compact=True),
        )
        with Vertical(classes="kind-fields", id="fields-decision"):
            yield from self.field(
                "rationale", "Why", Input(compact=True, value=self._text("rationale"))
            )
            yield from self.field(
                "decided_by",
                "Decided by",
                Input(
                    compact=True,
                    value=self._text("decided_by"),
                    placeholder="who decided",
                    suggester=people,
                ),
            )
        with Vertical(classes="kind-fields", id="fields-experiment"):
            yield from self.field(
                "hypothesis",
                "Hypothesis",
                Input(
                    compact=True, value=self._text("hypothesis"), placeholder="we believe that …"
                ),
            )
            yield from self.field(
                "measure",
                "Measure",
                Input(compact=True, value=self._text("measure"), placeholder="how we will know"),
            )
            yield from self.field(
                "review",
                "Review",
                Input(
                    compact=True, value=self._text("review"), placeholder=f"{FORMATS} from {base}"
                ),
            )

    def on_mount(self) -> None:
        self._show_kind_fields(self.kind)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "field-kind" and isinstance(event.value, str):
            self.kind = event.value
            self._show_kind_fields(event.value)

    def _show_kind_fields(self, kind: str) -> None:
        for group in self.query(".kind-fields"):
            group.display = group.id == f"fields-{kind}"

    def submit(self) -> None:
        text = " ".join(self.value("text").split())
        if not text:
            self.refuse("text", "say what was decided: the text must not be empty")
            return
        fields: dict[str, object] = {}
        for name in ("due", "review"):
            if name == "review" and self.kind != "experiment":
                fields[name] = None
                continue
            try:
                fields[name] = parse_date(self.value(name), self.session.date)
            except DomainError as error:
                self.refuse(name, str(error))
                return
        for name in OPTIONAL_TEXT:
            if name != "owner" and name not in KIND_FIELDS[self.kind]:
                fields[name] = None
                continue
            fields[name] = " ".join(self.value(name).split()) or None
        topic = self.query_one("#field-topic", Select).value
        fields["topic"] = topic if isinstance(topic, str) else None
        self.dismiss(DecisionDraft(self.kind, text, fields))
