"""A long list of two-line rows in two columns, drawn line by line (the Sessions list, search).

A DataTable measures every cell of every row it is given: 2,000 sessions took ~0.4 s before
the first frame. `RowList` keeps its items and describes a row only when it is drawn, so
listing, re-listing as the folder's index fills in, and showing search hits cost what is on
screen. Keys: up/down, page up/down, home/end; a click highlights, a second click selects.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from poforum_tui.widgets.line_list import LineList, line_cell

Item = TypeVar("Item")
Cells = tuple[Text, Text, Text, Text]
"""First column's two lines, then the second column's two lines."""


class RowList(LineList, Generic[Item]):
    """Items as two-line rows under a one-line header; the cursor is a row."""

    class Highlighted(Message):
        """The cursor moved to another row (or the rows changed under it)."""

        def __init__(self, row_list: RowList, key: Hashable | None) -> None:
            super().__init__()
            self.row_list = row_list
            self.key = key

        @property
        def control(self) -> RowList:
            return self.row_list

    class Selected(Highlighted):
        """The highlighted row was clicked again."""

    def __init__(
        self,
        describe: Callable[[Item], Cells],
        key_of: Callable[[Item], Hashable],
        *,
        first_width: int,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.describe = describe
        self.key_of = key_of
        self.first_width = first_width
        self.header = (Text(""), Text(""))
        self.items: Sequence[Item] = ()
        self._index: dict[Hashable, int] = {}
        self._cells: dict[int, Cells] = {}
        self.cursor_row = 0

    # -- contents ----------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.items)

    @property
    def keys(self) -> list[Hashable]:
        return [self.key_of(item) for item in self.items]

    def set_rows(
        self,
        items: Sequence[Item],
        header: tuple[str, str],
        first_width: int,
        keep: Hashable | None = None,
    ) -> None:
        """Show `items`; the cursor stays on `keep`'s row if it is there, else on its place."""
        self.items = items
        self.header = (Text(header[0]), Text(header[1]))
        self.first_width = first_width
        self._index = {self.key_of(item): row for row, item in enumerate(items)}
        self._cells.clear()
        row = self._index.get(keep, min(self.cursor_row, max(0, len(items) - 1)))
        self.virtual_size = Size(self.size.width, 1 + 2 * len(items))
        self.cursor_row = -1  # so that moving to `row` announces it
        self.move_cursor(row=row)
        self.refresh()

    def get_row(self, key: Hashable) -> tuple[Text, Text]:
        """The row of `key` as its two cells (each two lines)."""
        first_top, first_bottom, second_top, second_bottom = self._describe(self._index[key])
        return (
            Text("\n").join([first_top, first_bottom]),
            Text("\n").join([second_top, second_bottom]),
        )

    @property
    def highlighted_key(self) -> Hashable | None:
        if not self.items:
            return None
        return self.key_of(self.items[self.cursor_row])

    def _describe(self, row: int) -> Cells:
        cells = self._cells.get(row)
        if cells is None:
            cells = self._cells[row] = self.describe(self.items[row])
        return cells

    # -- the cursor --------------------------------------------------------------------------

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        """Put the cursor on `row` (clamped), scroll it into view, announce the change."""
        row = max(0, min(row, len(self.items) - 1)) if self.items else 0
        changed = row != self.cursor_row
        if changed and self.cursor_row >= 0:
            self._refresh_row(self.cursor_row)
        self.cursor_row = row
        self._refresh_row(row)
        self._scroll_to_cursor()
        if changed:
            self.post_message(self.Highlighted(self, self.highlighted_key))

    def page_rows(self) -> int:
        return max(1, (self.scrollable_content_region.height - 1) // 2)

    def _scroll_to_cursor(self) -> None:
        top = self.cursor_row * 2
        height = max(2, self.scrollable_content_region.height - 1)
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + 2 > self.scroll_y + height:
            self.scroll_to(y=top + 2 - height, animate=False, immediate=True)

    def _refresh_row(self, row: int) -> None:
        y = 1 + row * 2 - round(self.scroll_y)
        if y >= 1:
            self.refresh_lines(y, 2)

    def on_click(self, event: events.Click) -> None:
        if event.y < 1 or not self.items:
            return
        row = (event.y - 1 + round(self.scroll_y)) // 2
        if row >= len(self.items):
            return
        if row == self.cursor_row:
            self.post_message(self.Selected(self, self.highlighted_key))
        else:
            self.move_cursor(row=row)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, 1 + 2 * len(self.items))

    # -- drawing -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("line-list--header")
            return self._strip(self.header[0], self.header[1], width, style)
        line = y - 1 + round(self.scroll_y)
        row, part = divmod(line, 2)
        if row >= len(self.items):
            return Strip.blank(width, base)
        cells = self._describe(row)
        if row == self.cursor_row:
            style = base + self.get_component_rich_style("line-list--cursor")
        elif row % 2:
            style = base + self.get_component_rich_style("line-list--even")
        else:
            style = base
        return self._strip(cells[part], cells[2 + part], width, style)

    def _strip(self, first: Text, second: Text, width: int, style: Style) -> Strip:
        console = self.app.console
        first_width = min(self.first_width, width)
        rest = max(0, width - first_width - 4)
        segments = [Segment(" ", style)]
        segments += line_cell(console, first, first_width, style)
        segments.append(Segment("  ", style))
        segments += line_cell(console, second, rest, style)
        return Strip(segments).extend_cell_length(width, style).crop(0, width)
