"""The agenda as a table: status, title, owner, actual / timebox, and over or under.

The title column fills whatever width the others leave; the table posts `Resized` so its
screen can redraw the rows after the columns were refitted.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import events
from textual.message import Message

from poforum_tui.domain import AgendaItem, Session
from poforum_tui.domain.agenda import current_item, elapsed_seconds
from poforum_tui.widgets.item_timer import over_text
from poforum_tui.widgets.literal import cell
from poforum_tui.widgets.row_table import RowJumps
from poforum_tui.widgets.timefmt import mmss

STATUS_MARKS = {
    "pending": "· todo",
    "running": "▶ now",
    "paused": "⏸ paused",
    "done": "✓ done",
    "skipped": "⤼ skipped",
}
# Fixed column widths, wide and narrow (below 98 columns); the title takes what is left.
WIDTHS = {"status": 9, "owner": 16, "time": 13, "over": 11}
NARROW = {"status": 1, "owner": 13, "time": 13, "over": 11}


class AgendaTable(RowJumps):
    """One row per agenda item, keyed by the item's id; the current item is accented."""

    class Resized(Message):
        """The table's width changed: its columns were refitted, redraw the rows."""

    _title_width = 0
    _narrow = True

    def on_resize(self, event: events.Resize) -> None:
        if self._fitted()[1] != self._title_width:  # the rows drawn already still fit
            self.post_message(self.Resized())

    def _fitted(self) -> tuple[dict[str, int], int]:
        """The fixed column widths for the table's width, and what the title column gets."""
        widths = NARROW if self.size.width < 98 else WIDTHS
        return widths, max(12, self.size.width - sum(widths.values()) - 2 * len(widths) - 4)

    def fit_columns(self) -> None:
        """Size the title column to the table's width (only when that width changed)."""
        widths, title = self._fitted()
        if title == self._title_width:
            return
        self._title_width, self._narrow = title, widths is NARROW
        self.clear(columns=True)
        # Text labels: a str label would be parsed as markup (and load Rich's emoji table).
        self.add_column(
            Text("" if self._narrow else "Status"), key="status", width=widths["status"]
        )
        self.add_column(Text("Item"), key="title", width=title)
        self.add_column(Text("Owner"), key="owner", width=widths["owner"])
        self.add_column(Text("Actual / box"), key="time", width=widths["time"])
        self.add_column(Text("Over"), key="over", width=widths["over"])

    def show_rows(self, session: Session, now: dt.datetime, first_note: str | None = None) -> None:
        """Every item's row, afresh (once the table has a width: its resize redraws it);
        `first_note` (who is missing) is shown in the first item's title."""
        if not self.size.width:
            return
        self.fit_columns()
        self.clear()
        current = current_item(session)
        for position, item in enumerate(session.agenda):
            is_current = current is not None and item.id == current.id
            cells = self._cells(item, now, is_current)
            if position == 0 and first_note:  # a second line under the title
                note = cell(f"⚠ {first_note}", "bold yellow")
                cells[1] = Text.assemble(cells[1], "\n", note, no_wrap=True, overflow="ellipsis")
                self.add_row(*cells, key=item.id, height=2)
            else:
                self.add_row(*cells, key=item.id)

    def show_running(self, session: Session, now: dt.datetime) -> None:
        """Only the running item's time, for the ticking clock."""
        for item in session.agenda:
            if item.status == "running" and item.id in self.rows:
                time, over = self._time_cells(item, now, self._accent())
                self.update_cell(item.id, "time", time)
                self.update_cell(item.id, "over", over)

    def _accent(self) -> str:
        return f"bold {self.app.current_theme.accent}"

    def _cells(self, item: AgendaItem, now: dt.datetime, is_current: bool) -> list[Text]:
        style = "dim" if item.status == "skipped" else self._accent() if is_current else ""
        title = item.title + (f"  [{item.pattern}]" if item.pattern else "")
        mark = STATUS_MARKS[item.status]
        return [
            cell(mark[0] if self._narrow else mark, style),
            cell(title, style),
            cell(item.owner or "", style),
            *self._time_cells(item, now, style),
        ]

    def _time_cells(self, item: AgendaItem, now: dt.datetime, style: str) -> list[Text]:
        spent = elapsed_seconds(item, now)
        over = spent - item.minutes * 60
        if over > 0:
            extra = cell(over_text(over), f"bold {self.app.current_theme.error}")
        elif item.status == "done" and over < 0:
            extra = cell(f"{mmss(-over)} under", "dim")
        else:
            extra = cell("")
        return [cell(f"{mmss(spent)} / {mmss(item.minutes * 60)}", style), extra]
