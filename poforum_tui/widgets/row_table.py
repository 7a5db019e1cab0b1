"""`RowTable`: a DataTable whose Home and End go to the first and last row.

Textual's DataTable binds Home/End to horizontal scrolling, which does nothing in a table
that fits its width: in a list of rows people expect the first and the last row.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class RowJumps(DataTable):
    """Home / End move the cursor to the first / last row (mixed into poforum's tables)."""

    BINDINGS = [
        Binding("home", "first_row", "First row", show=False, id="table-first-row"),
        Binding("end", "last_row", "Last row", show=False, id="table-last-row"),
    ]

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)


class RowTable(RowJumps):
    """A DataTable of rows with Home / End to the first / last row."""
