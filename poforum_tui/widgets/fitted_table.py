"""A DataTable that says when its width changes, so its owner can fit the columns to it."""

from __future__ import annotations

from dataclasses import dataclass

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

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.post_message(self.WidthChanged(self, event.size.width))
