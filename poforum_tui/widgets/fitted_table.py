"""A DataTable that says when its width changes, so its owner can fit the columns to it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import events
from textual.message import Message
from textual.widgets import DataTable


class FittedTable(DataTable):
    """Posts `FittedTable.WidthChanged` when resized (a help panel opening, the terminal)."""

    DEFAULT_CSS = """
    FittedTable {
        scrollbar-size-horizontal: 0;
    }
    """
    # No HELP of its own: the help panel shows the first HELP up the tree, the screen's.

    @dataclass
    class WidthChanged(Message):
        """The table's width is now `width` cells."""

        table: FittedTable
        width: int

    _width: int | None = None
    column_layout: tuple[Any, ...] = ()
    """What the columns were last fitted for (the owner's widths and flags)."""

    def needs_columns(self, layout: tuple[Any, ...]) -> bool:
        """True (and the columns cleared) unless the columns are already fitted to `layout`;
        the owner then adds the columns for it."""
        if layout == self.column_layout:
            return False
        self.clear(columns=True)
        self.column_layout = layout
        return True

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.post_message(self.WidthChanged(self, event.size.width))
