"""A yes / no question in a modal dialog: `y` or enter says yes, `n` or escape says no.

Usage: `self.app.push_screen(ConfirmScreen("Delete 'Intro'?"), callback)`; the callback
receives True or False. `yes=` / `no=` relabel the buttons ("Delete", "Keep").
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from poforum_tui.widgets.literal import literal


class ConfirmScreen(ModalScreen[bool]):
    """Asks `question`; dismisses with True (yes) or False (no)."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    ConfirmScreen > #confirm {
        width: 60;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $warning;
        background: $surface;
        padding: 0 1;
    }
    ConfirmScreen #confirm-question {
        width: 1fr;
        margin: 1 0;
    }
    ConfirmScreen #confirm-buttons {
        height: auto;
        align-horizontal: right;
    }
    ConfirmScreen #confirm-buttons Button {
        margin-left: 1;
    }
    """
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]
    AUTO_FOCUS = "#confirm-yes-button"

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(literal(self.question, one_line=False), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.no_label} (n)", id="confirm-no-button")
                yield Button(f"{self.yes_label} (y)", id="confirm-yes-button", variant="warning")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes-button")
