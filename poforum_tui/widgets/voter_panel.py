"""Who votes? A filter line and the matching names, over the board; a new name can be added.

One line-API widget the board mounts once and shows on `v`, not a screen pushed per vote with
a text field and an option list: the board stays where it is underneath (nothing mounted, no
re-render of the screen below), and typing repaints this widget only, so asking who votes
costs one frame even on a board of 1,000 topics.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widget import Widget

from poforum_tui.widgets.literal import clean, clip

WIDTH = 56
TOP = 3
"""Rows between the top of the screen and the panel."""
MAX_ROWS = 12
"""Names shown at once; more scroll."""
FIRST_ROW = 4
"""Content line of the first name: title, blank, filter, blank."""
PLACEHOLDER = "Type part of a name"
NUMBER_KEYS = tuple("123456789")
"""Keys that pick the name on the panel's first nine rows."""


@dataclass(frozen=True)
class VoterChoice:
    """The picked name; `new` when it is not a participant yet."""

    name: str
    new: bool = False


class VoterPanel(Widget, can_focus=True):
    """Type part of a name, enter picks the highlighted match; escape cancels."""

    DEFAULT_CSS = f"""
    VoterPanel {{
        display: none;
        layer: overlay;
        position: absolute;
        width: {WIDTH};
        max-width: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
        & > .voter-panel--title {{ text-style: bold; }}
        & > .voter-panel--field {{ background: $boost; }}
        & > .voter-panel--placeholder {{ color: $text-muted; background: $boost; }}
        & > .voter-panel--cursor {{ text-style: reverse; }}
        & > .voter-panel--note {{ color: $text-muted; }}
        & > .voter-panel--highlight {{ background: $block-cursor-background; }}
        & > .voter-panel--hint {{ color: $text-muted; }}
    }}
    """
    COMPONENT_CLASSES = {
        "voter-panel--title",
        "voter-panel--field",
        "voter-panel--placeholder",
        "voter-panel--cursor",
        "voter-panel--note",
        "voter-panel--highlight",
        "voter-panel--hint",
    }
    virtual_size = Reactive(Size(0, 0), layout=False)
    """Widget's is layout=True: the panel's first show would lay the screen out twice. The
    panel does not scroll and is placed absolutely, so its size never moves anything else."""

    BINDINGS = [
        Binding("enter", "pick", "Pick", id="picker-pick"),
        Binding("escape", "cancel", "Cancel", id="picker-cancel"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = ""
        self.names: list[tuple[str, str]] = []
        self.default: str | None = None
        self.allow_new = True
        self.numbered = False
        self.text = ""
        self.shown: list[VoterChoice] = []
        self.notes: list[str] = []
        self.highlighted = 0
        self.top = 0
        self.rows = 1
        self._on_pick: Callable[[VoterChoice | None], None] | None = None
        self._return_to: Widget | None = None

    @property
    def is_open(self) -> bool:
        return self.display

    def open(
        self,
        title: str,
        names: list[tuple[str, str]],
        on_pick: Callable[[VoterChoice | None], None],
        *,
        default: str | None = None,
        allow_new: bool = True,
        numbered: bool = False,
    ) -> None:
        """Ask `title`; `names` are (name, note) pairs such as ("Dana Levi", "2 of 3 used").

        `on_pick` gets the choice, or None when the question is cancelled. `numbered`: 1-9
        pick the name on that row (for names; not for choices that are digits themselves).
        """
        self.numbered = numbered
        self.question, self.names, self.default = title, names, default
        self.allow_new, self._on_pick = allow_new, on_pick
        self._return_to = self.screen.focused
        self._set_text("")
        self.fit()
        self.display = True
        # Now rather than after the next refresh, and without scrolling anything: one frame.
        self.screen.set_focus(self, scroll_visible=False)

    def fit(self) -> None:
        """Size the list to the names and the screen; centre the panel, near the top."""
        screen = self.screen.size
        chrome = FIRST_ROW + 1 + len(self._hints()) + 2  # title, field, hints, the border
        wanted = min(len(self.names) + (1 if self.allow_new else 0), MAX_ROWS)
        self.rows = max(1, min(wanted, screen.height - chrome))
        height = chrome + self.rows
        self.styles.height = height
        top = max(0, min(TOP, screen.height - height))
        self.styles.offset = (max((screen.width - WIDTH) // 2, 0), top)
        self._scroll_to_highlight()

    def _hints(self) -> list[str]:
        hints = ["↑↓ choose · enter picks · escape cancels"]
        if self.numbered:
            hints[0] = "1-9 picks that row · " + hints[0]
        if self.allow_new:
            hints.append("a name not in the list is added as a participant")
        return hints

    # -- typing -----------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        if self.take_key(event):
            event.stop()
            event.prevent_default()

    def take_key(self, event: events.Key) -> bool:
        """Handle a key meant for the panel (also one that reached the board before the
        panel had the focus); False for keys left to the bindings."""
        key = event.key
        if key == "enter":
            self.action_pick()
        elif key == "escape":
            self.action_cancel()
        elif key == "backspace":
            self._set_text(self.text[:-1])
        elif key in ("ctrl+u", "ctrl+w"):
            words = self.text.rstrip().rsplit(" ", 1)
            self._set_text(words[0] + " " if key == "ctrl+w" and len(words) > 1 else "")
        elif key in ("up", "down", "pageup", "pagedown", "home", "end"):
            self._move(key)
        elif key in ("tab", "shift+tab"):
            pass  # the board under the panel is not for typing into
        elif self.numbered and key in NUMBER_KEYS and self._pick_row(NUMBER_KEYS.index(key)):
            pass
        elif event.is_printable and event.character:
            self._set_text(self.text + event.character)
        else:
            return False
        return True

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        self._set_text(self.text + clean(event.text))

    def _set_text(self, text: str) -> None:
        self.text = text
        wanted = " ".join(text.split())
        needle = wanted.casefold()
        self.shown, self.notes = [], []
        exact = False
        for name, note in self.names:
            if needle and needle not in name.casefold():
                continue
            exact = exact or name.casefold() == needle
            self.shown.append(VoterChoice(name))
            self.notes.append(note)
        if self.allow_new and wanted and not exact:
            self.shown.append(VoterChoice(wanted, new=True))
            self.notes.append("")
        names = [choice.name for choice in self.shown]
        self.highlighted = names.index(self.default) if not needle and self.default in names else 0
        self.top = 0
        self._scroll_to_highlight()
        self.refresh()

    def _move(self, key: str) -> None:
        last = len(self.shown) - 1
        step = {"up": -1, "down": 1, "pageup": -self.rows, "pagedown": self.rows}
        if key == "home":
            target = 0
        elif key == "end":
            target = last
        else:
            target = self.highlighted + step[key]
        self.highlighted = max(0, min(target, last))
        self._scroll_to_highlight()
        self.refresh()

    def _scroll_to_highlight(self) -> None:
        if self.highlighted < self.top:
            self.top = self.highlighted
        elif self.highlighted >= self.top + self.rows:
            self.top = self.highlighted - self.rows + 1

    # -- choosing ---------------------------------------------------------------------------

    def action_pick(self) -> None:
        if not self.shown:
            message = "Type a name" if self.allow_new else "No voter matches"
            self.notify(message, severity="warning", timeout=3)
            return
        self._close(self.shown[self.highlighted])

    def _pick_row(self, row: int) -> bool:
        """A voter one key away: before anything is typed, 1-9 pick the name on that row
        (False, and the digit is typed, once a filter is typed or the row is empty)."""
        index = self.top + row
        if self.text or row >= self.rows or index >= len(self.shown):
            return False
        if self.shown[index].new:
            return False
        self.highlighted = index
        self.action_pick()
        return True

    def action_cancel(self) -> None:
        self._close(None)

    def on_click(self, event: events.Click) -> None:
        row = event.y - self.gutter.top - FIRST_ROW
        if 0 <= row < self.rows and self.top + row < len(self.shown):
            self.highlighted = self.top + row
            self.action_pick()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._move("down")

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._move("up")

    def on_blur(self) -> None:
        """A click on the board behind the panel cancels the question (the terminal losing
        focus does not: the app gives the panel its focus back)."""
        if self.is_open:
            self.call_after_refresh(self._cancel_if_left)

    def _cancel_if_left(self) -> None:
        focused = self.screen.focused
        if self.is_open and focused is not None and focused is not self:
            self._close(None, refocus=False)

    def _close(self, choice: VoterChoice | None, *, refocus: bool = True) -> None:
        on_pick, self._on_pick = self._on_pick, None
        if on_pick is not None:  # first: the board's repaint joins the panel's closing frame
            on_pick(choice)
        self.display = False
        if refocus and self._return_to is not None and self._return_to.is_attached:
            self.screen.set_focus(self._return_to, scroll_visible=False)
        self._return_to = None

    # -- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        base = self.rich_style
        if y == 0:
            return self._text_line(clip(clean(self.question), width), "title", width)
        if y == 2:
            return self._field(width)
        row = y - FIRST_ROW
        if 0 <= row < self.rows:
            return self._name_line(self.top + row, width)
        hints = self._hints()
        hint = y - (FIRST_ROW + self.rows + 1)
        if 0 <= hint < len(hints):
            return self._text_line(clip(hints[hint], width), "hint", width)
        return Strip.blank(width, base)

    def _component(self, name: str) -> Style:
        return self.rich_style + self.get_component_rich_style(f"voter-panel--{name}")

    def _text_line(self, text: str, component: str, width: int) -> Strip:
        return Strip([Segment(text, self._component(component))]).crop_extend(
            0, width, self.rich_style
        )

    def _field(self, width: int) -> Strip:
        field = self._component("field")
        cursor = field + self.get_component_rich_style("voter-panel--cursor", partial=True)
        if not self.text:
            placeholder = self._component("placeholder")
            segments = [Segment(" ", cursor), Segment(clip(PLACEHOLDER, width - 1), placeholder)]
        else:
            shown = clean(self.text)
            room = width - 1
            if cell_len(shown) > room:  # keep the end, where the typing is, in view
                shown = "…" + shown[-(room - 1) :]
            segments = [Segment(shown, field), Segment(" ", cursor)]
        return Strip(segments).crop_extend(0, width, field)

    def _name_line(self, index: int, width: int) -> Strip:
        base = self.rich_style
        if index >= len(self.shown):
            if index == 0:
                return self._text_line("No voter matches", "note", width)
            return Strip.blank(width, base)
        choice = self.shown[index]
        if index == self.highlighted:
            base = self._component("highlight")
        note_style = base + self.get_component_rich_style("voter-panel--note", partial=True)
        row = index - self.top
        number = ""
        if self.numbered:
            digit = row < len(NUMBER_KEYS) and not self.text and not choice.new
            number = f"{NUMBER_KEYS[row]} " if digit else "  "
        width -= len(number)
        if choice.new:
            segments = [
                Segment(number, note_style),
                Segment(clip(f"+ Add “{clean(choice.name)}” as a participant", width), base),
            ]
        else:
            note = self.notes[index]
            name = clip(clean(choice.name), max(width - (cell_len(note) + 2 if note else 0), 8))
            segments = [Segment(number, note_style), Segment(name, base)]
            if note:
                segments.append(Segment("  " + note, note_style))
        return Strip(segments).crop_extend(0, width + len(number), base)
