"""Pick the outcome of a follow-up: done, keep, drop, or escalate to a MetaScrum / PO sync."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from poforum_tui.domain.decisions import ESCALATION_TARGETS
from poforum_tui.widgets.literal import literal


@dataclass(frozen=True)
class OutcomeChoice:
    """The outcome picked (None clears it) and, for an escalation, where it goes."""

    outcome: str | None
    escalate_to: str | None = None


CHOICES: dict[str, tuple[str, OutcomeChoice]] = {
    "d": ("done — it happened; close it", OutcomeChoice("done")),
    "k": ("keep — still open; it carries again", OutcomeChoice("keep")),
    "x": ("drop — no longer worth doing", OutcomeChoice("drop")),
    **{
        key: (f"escalate to {label}", OutcomeChoice("escalate", target))
        for key, (target, label) in zip("mp", ESCALATION_TARGETS.items(), strict=True)
    },
    "c": ("clear — not reviewed yet", OutcomeChoice(None)),
}


class OutcomeScreen(ModalScreen[OutcomeChoice | None]):
    """A short menu: a letter or enter picks, escape cancels."""

    DEFAULT_CSS = """
    OutcomeScreen {
        align: center middle;
    }
    OutcomeScreen > #outcome {
        width: 64;
        max-width: 100%;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    OutcomeScreen #outcome-question {
        margin-bottom: 1;
    }
    OutcomeScreen OptionList {
        height: auto;
        max-height: 10;
    }
    """
    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", id="outcome-cancel"),
        *(
            Binding(key, f"pick('{key}')", label.split(" — ")[0], id=f"outcome-{key}")
            for key, (label, _) in CHOICES.items()
        ),
    ]
    AUTO_FOCUS = "OptionList"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="outcome"):
            yield Static(literal(f"Outcome of: {self.text}", one_line=False), id="outcome-question")
            yield OptionList(
                *(Option(f"{key}  {label}", id=key) for key, (label, _) in CHOICES.items())
            )

    def action_pick(self, key: str) -> None:
        self.dismiss(CHOICES[key][1])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.action_pick(event.option.id)
