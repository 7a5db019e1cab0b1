"""Agenda: the timeboxed items with planned and actual time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from poforum_tui.domain import Session
from poforum_tui.domain.agenda import current_item, elapsed_seconds
from poforum_tui.screens.base import SessionScreen
from poforum_tui.widgets.literal import cell
from poforum_tui.widgets.timefmt import mmss

STATUS_MARKS = {
    "pending": "· todo",
    "running": "▶ now",
    "paused": "⏸ paused",
    "done": "✓ done",
    "skipped": "⤼ skipped",
}


class AgendaScreen(SessionScreen):
    """Timeboxed agenda items with their actual time."""

    CSS_PATH = "agenda.tcss"
    HELP = """
## Agenda
The meeting's timeboxed items, in order. Time is shown as *actual / timebox*.

- `1` `2` `3` switch to Agenda, Board, Decisions; `0` goes home to Sessions.
- `ctrl+z` / `ctrl+y` undo and redo the last change.
"""

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome()
        yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="agenda-totals")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Status", key="status", width=10)
        table.add_column("Item", key="title")
        table.add_column("Owner", key="owner", width=16)
        table.add_column("Time", key="time", width=15)
        super().on_mount()

    def show_session(self, session: Session) -> None:
        now = self.app.clock.now()
        current = current_item(session)
        table = self.query_one(DataTable)
        table.clear()
        for item in session.agenda:
            spent = elapsed_seconds(item, now)
            over = spent - item.minutes * 60
            time = f"{mmss(spent)} / {mmss(item.minutes * 60)}"
            style = "bold" if current is not None and item.id == current.id else ""
            table.add_row(
                cell(STATUS_MARKS[item.status], style),
                cell(item.title, style),
                cell(item.owner or "", style),
                cell(f"{time}" + (f" +{mmss(over)}" if over > 0 else ""), style),
                key=item.id,
            )
        planned = sum(item.minutes for item in session.agenda) * 60
        actual = sum(elapsed_seconds(item, now) for item in session.agenda)
        self.query_one("#agenda-totals", Static).update(
            f"{len(session.agenda)} items · planned {mmss(planned)} · actual {mmss(actual)}"
        )
