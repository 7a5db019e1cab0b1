"""Column dialogs: name a column, and choose where a deleted column's topics go."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from poforum_tui.dialogs.form import FormScreen
from poforum_tui.domain import Column
from poforum_tui.widgets.literal import literal


class ColumnForm(FormScreen[str]):
    """Asks for a column title (add or rename)."""

    def __init__(self, title: str, current: str = "") -> None:
        super().__init__()
        self.form_title = title
        self.current = current

    def compose_fields(self) -> ComposeResult:
        yield from self.field("title", "Title", Input(self.current, placeholder="e.g. Parked"))

    def submit(self) -> None:
        title = " ".join(self.value("title").split())
        if not title:
            self.refuse("title", "A column needs a title.")
            return
        self.dismiss(title)


class MoveTopicsPicker(ModalScreen[str]):
    """Before a column with topics is deleted: which column receives them (its id)."""

    DEFAULT_CSS = """
    MoveTopicsPicker {
        align: center middle;
    }
    MoveTopicsPicker > #move-topics {
        width: 56;
        max-width: 100%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 0 1;
    }
    MoveTopicsPicker #move-topics-question {
        margin-bottom: 1;
    }
    MoveTopicsPicker OptionList {
        height: auto;
        max-height: 12;
    }
    MoveTopicsPicker #move-topics-hint {
        color: $text-muted;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="move-topics-cancel")]
    AUTO_FOCUS = "OptionList"

    def __init__(self, question: str, columns: list[Column]) -> None:
        super().__init__()
        self.question = question
        self.columns = columns

    def compose(self) -> ComposeResult:
        with Vertical(id="move-topics"):
            yield Static(literal(self.question, one_line=False), id="move-topics-question")
            yield OptionList(*(Option(literal(c.title), id=c.id) for c in self.columns))
            yield Static(
                "enter moves them and deletes the column · escape keeps it", id="move-topics-hint"
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
