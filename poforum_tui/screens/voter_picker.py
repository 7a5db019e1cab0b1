"""Who votes? A filterable list of names; a name not in the list can be added."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from poforum_tui.widgets.literal import clean, literal


@dataclass(frozen=True)
class VoterChoice:
    """The picked name; `new` when it is not a participant yet."""

    name: str
    new: bool = False


class VoterPicker(ModalScreen[VoterChoice]):
    """Type part of a name, enter picks the highlighted match; escape cancels."""

    DEFAULT_CSS = """
    VoterPicker {
        align: center middle;
    }
    VoterPicker > #picker {
        width: 56;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    VoterPicker #picker-title {
        text-style: bold;
        margin-bottom: 1;
    }
    VoterPicker #picker-list {
        height: auto;
        max-height: 14;
    }
    VoterPicker #picker-hint {
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker-cancel"),
        Binding("up", "cursor('up')", "Up", show=False, id="picker-up"),
        Binding("down", "cursor('down')", "Down", show=False, id="picker-down"),
    ]
    AUTO_FOCUS = "#picker-filter"

    def __init__(
        self,
        title: str,
        names: list[tuple[str, str]],
        *,
        default: str | None = None,
        allow_new: bool = True,
    ) -> None:
        """`names` are (name, note) pairs, e.g. ("Dana Levi", "2 of 3 votes used")."""
        super().__init__()
        self.picker_title = title
        self.names = names
        self.default = default
        self.allow_new = allow_new
        self._shown: list[VoterChoice] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(literal(self.picker_title), id="picker-title")
            yield Input(
                placeholder="Type part of a name", id="picker-filter", select_on_focus=False
            )
            yield OptionList(id="picker-list")
            hint = "enter picks · escape cancels"
            if self.allow_new:
                hint = "a new name is added as a participant · " + hint
            yield Static(hint, id="picker-hint")

    def on_mount(self) -> None:
        self._refilter("")

    def on_key(self, event: events.Key) -> None:
        """Letters typed before the filter has focus (right after `v`) still go into it."""
        field = self.query_one("#picker-filter", Input)
        if not field.has_focus and event.is_printable and event.character:
            event.stop()
            field.focus()
            field.insert_text_at_cursor(event.character)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refilter(event.value)

    def _refilter(self, text: str) -> None:
        wanted = " ".join(text.split())
        needle = wanted.casefold()
        options: list[Option] = []
        self._shown = []
        exact = False
        for name, note in self.names:
            if needle and needle not in name.casefold():
                continue
            exact = exact or name.casefold() == needle
            self._shown.append(VoterChoice(name))
            prompt = Content.assemble(literal(name), ("  " + note if note else "", "dim"))
            options.append(Option(prompt))
        if self.allow_new and wanted and not exact:
            self._shown.append(VoterChoice(wanted, new=True))
            options.append(Option(Content(f"+ Add “{clean(wanted)}” as a participant")))
        option_list = self.query_one("#picker-list", OptionList)
        option_list.set_options(options)
        if self._shown:
            names = [choice.name for choice in self._shown]
            start = names.index(self.default) if not needle and self.default in names else 0
            option_list.highlighted = start

    def action_cursor(self, direction: str) -> None:
        option_list = self.query_one("#picker-list", OptionList)
        if direction == "up":
            option_list.action_cursor_up()
        else:
            option_list.action_cursor_down()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        highlighted = self.query_one("#picker-list", OptionList).highlighted
        if highlighted is None or not self._shown:
            message = "Type a name" if self.allow_new else "No voter matches"
            self.notify(message, severity="warning", timeout=3)
            return
        self.dismiss(self._shown[highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._shown[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
