"""The Dependencies screen's table, drawn by one line-API widget.

A DataTable measures every cell of every row when rows are added (~60 µs a cell: 0.2 s for 500
dependencies); this widget keeps the rows' cells and draws only the lines on screen, so the
screen opens on 500 dependencies about as fast as on five. A header line stays on top; the
cursor moves with up / down / page keys and scrolls the rows under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from poforum_tui.widgets.line_list import line_cell

GAP = 2
"""Blank cells between columns."""


@dataclass(frozen=True)
class TableColumn:
    label: str
    width: int


@dataclass(frozen=True)
class TableRow:
    key: str
    cells: tuple[Text, ...]


class DependencyTable(Widget, can_focus=True):
    """Rows of cells under a header; one row has the cursor."""

    DEFAULT_CSS = """
    DependencyTable {
        height: 1fr;
        & > .dependency-table--header { text-style: bold; background: $panel; }
        & > .dependency-table--cursor { background: $boost; }
        &:focus > .dependency-table--cursor { background: $block-cursor-background; }
        & > .dependency-table--empty { color: $text-muted; text-style: italic; }
    }
    """
    COMPONENT_CLASSES = {
        "dependency-table--header",
        "dependency-table--cursor",
        "dependency-table--empty",
    }
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, id="dependency-table-up"),
        Binding("down", "move(1)", "Down", show=False, id="dependency-table-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="dependency-table-page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="dependency-table-page-down"),
        Binding("home", "jump(0)", "First", show=False, id="dependency-table-first"),
        Binding("end", "jump(-1)", "Last", show=False, id="dependency-table-last"),
        Binding("enter", "select", "Edit", show=False, id="dependency-table-select"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor is on row `key` now (None: no rows)."""

        table: DependencyTable
        key: str | None

    @dataclass
    class Selected(Message):
        """Enter (or a click) on row `key`."""

        table: DependencyTable
        key: str

    @dataclass
    class WidthChanged(Message):
        table: DependencyTable
        width: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: tuple[TableColumn, ...] = ()
        self.rows: tuple[TableRow, ...] = ()
        self.cursor = 0
        self.top = 0
        self.empty_text = ""
        self._width: int | None = None

    # -- data -------------------------------------------------------------------------------

    @property
    def keys(self) -> list[str]:
        return [row.key for row in self.rows]

    @property
    def cursor_key(self) -> str | None:
        return self.rows[self.cursor].key if self.rows else None

    def show(
        self, columns: tuple[TableColumn, ...], rows: tuple[TableRow, ...], key: str | None
    ) -> None:
        """Draw `rows`; the cursor goes to row `key` (else stays at its position)."""
        self.columns, self.rows = columns, rows
        keys = self.keys
        if key is not None and key in keys:
            self.cursor = keys.index(key)
        self.cursor = max(0, min(self.cursor, len(rows) - 1))
        self._scroll_to_cursor()
        self.refresh()

    # -- keys -------------------------------------------------------------------------------

    def _visible_rows(self) -> int:
        return max(1, self.size.height - 1)

    def _scroll_to_cursor(self) -> None:
        visible = self._visible_rows()
        if self.cursor < self.top:
            self.top = self.cursor
        elif self.cursor >= self.top + visible:
            self.top = self.cursor - visible + 1
        self.top = max(0, min(self.top, max(0, len(self.rows) - visible)))

    def _place(self, row: int) -> None:
        if not self.rows:
            return
        row = max(0, min(row, len(self.rows) - 1))
        if row != self.cursor:
            self.cursor = row
            self._scroll_to_cursor()
            self.refresh()
            self.post_message(self.Highlighted(self, self.cursor_key))

    def action_move(self, delta: int) -> None:
        self._place(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self._place(self.cursor + direction * self._visible_rows())

    def action_jump(self, where: int) -> None:
        self._place(0 if where == 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self, self.rows[self.cursor].key))

    def on_click(self, event: events.Click) -> None:
        row = self.top + event.y - 1
        if event.y >= 1 and 0 <= row < len(self.rows):
            if row == self.cursor and event.chain > 1:
                self.action_select()
            self._place(row)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._place(self.cursor + 3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._place(self.cursor - 3)

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_to_cursor()
        if event.size.width != self._width:
            self._width = event.size.width
            self.post_message(self.WidthChanged(self, event.size.width))

    # -- drawing ----------------------------------------------------------------------------

    def _line(self, cells: list[Text], style: Style) -> Strip:
        console = self.app.console
        segments: list[Segment] = [Segment(" ", style)]
        for column, text in zip(self.columns, cells, strict=False):
            segments += line_cell(console, text, column.width, style)
            segments.append(Segment(" " * GAP, style))
        return Strip(segments).crop_extend(0, self.size.width, style)

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        if y == 0:
            header = base + self.get_component_rich_style("dependency-table--header")
            return self._line([Text(c.label) for c in self.columns], header)
        row = self.top + y - 1
        if not self.rows and y == 1:
            empty = base + self.get_component_rich_style("dependency-table--empty")
            return self._line([Text(self.empty_text)], empty)
        if row >= len(self.rows):
            return Strip.blank(self.size.width, base)
        style = base
        if row == self.cursor:
            style = base + self.get_component_rich_style("dependency-table--cursor")
        return self._line(list(self.rows[row].cells), style)
