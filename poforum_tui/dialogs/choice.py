"""A modal question with a few labelled answers, each on a letter key and a button."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from poforum_tui.core.questions import Option, Question
from poforum_tui.widgets.literal import literal

Choice = Option
"""One answer: its key, the value the screen returns, and its button label."""


class ChoiceScreen(ModalScreen[str | None]):
    """Asks one question; a choice's key or button dismisses with its value.

    `escape` dismisses with None only when `cancel` is set (its label says what it means).
    """

    DEFAULT_CSS = """
    ChoiceScreen {
        align: center middle;
    }
    ChoiceScreen > #choice {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $warning;
        background: $surface;
        padding: 0 1;
    }
    ChoiceScreen #choice-title {
        text-style: bold;
        margin-bottom: 1;
    }
    ChoiceScreen #choice-message {
        margin-bottom: 1;
    }
    ChoiceScreen #choice-buttons {
        height: auto;
    }
    ChoiceScreen #choice-buttons Button {
        width: auto;
        margin-bottom: 1;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice-cancel", show=False)]

    def __init__(
        self, title: str, message: str, choices: list[Choice], *, cancel: str | None = None
    ) -> None:
        super().__init__()
        self.question = title
        self.message = message
        self.choices = choices
        self.cancel = cancel

    @classmethod
    def asking(cls, question: Question) -> ChoiceScreen:
        """The dialog for one of the session core's questions."""
        return cls(question.title, question.text, list(question.options), cancel=question.cancel)

    def compose(self) -> ComposeResult:
        with Vertical(id="choice"):
            yield Static(literal(self.question), id="choice-title")
            yield Static(literal(self.message, one_line=False), id="choice-message")
            with Vertical(id="choice-buttons"):
                for choice in self.choices:
                    yield Button(
                        f"{choice.key}  {choice.label}", id=f"choice-{choice.value}", compact=True
                    )
                if self.cancel:
                    yield Button(f"esc  {self.cancel}", id="choice-cancel", compact=True)

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.key == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        value = (event.button.id or "").removeprefix("choice-")
        self.dismiss(None if value == "cancel" else value)

    def action_cancel(self) -> None:
        if self.cancel:
            self.dismiss(None)
