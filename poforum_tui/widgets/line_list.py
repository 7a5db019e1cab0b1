"""`LineList`: the base of poforum's line-drawn lists (the Agenda's items, the Sessions list).

A header line, then rows drawn by the subclass's `render_line`; a cursor row moved by the list
keys. One widget draws every row, so a long list costs one widget, not one per row.
"""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.scroll_view import ScrollView


class LineList(ScrollView, can_focus=True):
    """Rows under a header, with a cursor; subclasses draw and say where the cursor goes."""

    COMPONENT_CLASSES = {"line-list--header", "line-list--cursor", "line-list--even"}
    DEFAULT_CSS = """
    LineList {
        background: $surface;
    }
    LineList > .line-list--header {
        text-style: bold;
        background: $panel;
    }
    LineList > .line-list--cursor {
        background: $block-cursor-blurred-background;
    }
    LineList:focus > .line-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    LineList > .line-list--even {
        background: $surface-lighten-1 10%;
    }
    """
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
    ]

    cursor_row: int = 0

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def page_rows(self) -> int:
        """How many rows one page key moves."""
        return max(1, self.scrollable_content_region.height - 1)

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        """Put the cursor on `row` (clamped) and scroll it into view."""
        raise NotImplementedError

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(row=self.cursor_row + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(row=self.cursor_row + direction * self.page_rows())

    def action_jump(self, row: int) -> None:
        self.move_cursor(row=row if row >= 0 else self.row_count - 1)


def line_cell(console: Console, text: Text, width: int, style: Style) -> list[Segment]:
    """`text` on one line cut to `width` cells (with an ellipsis), padded, over `style`."""
    if width <= 0:
        return []
    line = text.copy()
    line.no_wrap = True
    line.truncate(width, overflow="ellipsis", pad=True)
    return [
        Segment(segment.text, style + segment.style if segment.style else style)
        for segment in line.render(console)
        if segment.text != "\n"
    ]
