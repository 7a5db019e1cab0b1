"""The line-drawn agenda table: its rows, the note under the first item, cursor keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import App, ComposeResult

from poforum_tui.screens.agenda.agenda_table import AgendaTable
from poforum_tui.store import load
from tests.conftest import FORUM

NOW = dt.datetime(2026, 11, 17, 10, 0, 0)


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield AgendaTable(id="table")


def line_text(table: AgendaTable, y: int) -> str:
    return "".join(segment.text for segment in table.render_line(y))


async def test_rows_a_note_under_the_first_item_and_the_cursor(sessions_dir: Path) -> None:
    session = load(sessions_dir / FORUM)
    app = TableApp()
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(AgendaTable)
        table.show_rows(session, NOW, "No one from Payments is here")
        await pilot.pause()
        assert table.row_count == len(session.agenda)
        assert "Item" in line_text(table, 0) and "Actual / box" in line_text(table, 0)
        assert "Follow-ups" in line_text(table, 1)
        assert "No one from Payments is here" in line_text(table, 2)
        assert session.agenda[1].title in line_text(table, 3)
        assert "No one from Payments" in str(table.get_row_at(0)[1])
        table.focus()
        await pilot.press("end")
        assert table.selected_key == session.agenda[-1].id
        await pilot.press("home", "down")
        assert table.cursor_row == 1
        table.show_rows(session, NOW)  # the note goes once everybody is there
        assert session.agenda[1].title in line_text(table, 2)
