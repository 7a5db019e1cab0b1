"""Sessions (home): every session file in the folder, newest first; broken ones with their error."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from poforum_tui.store import BrokenSession, SessionSummary, discover
from poforum_tui.widgets.file_status import FileStatus
from poforum_tui.widgets.literal import cell


class SessionsScreen(Screen[None]):
    """The session files in the folder; enter opens the highlighted one."""

    CSS_PATH = "sessions.tcss"
    HELP = """
## Sessions
Every session file in the folder, newest first, with its counts of topics,
decisions and open actions. Files that do not load are listed with the
line and column of the problem.

- `enter` opens the highlighted session on its Agenda.
- `ctrl+p` then *New session* creates one from a template.
"""
    BINDINGS = [
        Binding("enter", "open", "Open", id="sessions-open"),
        Binding("f5", "reload", "Reload", id="sessions-reload"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield FileStatus()
        yield DataTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="sessions-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Date", key="date", width=10)
        table.add_column("Kind", key="kind", width=12)
        table.add_column("Title", key="title")
        table.add_column("Topics", key="topics", width=6)
        table.add_column("Decisions", key="decisions", width=9)
        table.add_column("Open actions", key="actions", width=12)
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.entries: dict[str, SessionSummary | BrokenSession] = {}
        table = self.query_one(DataTable)
        table.clear()
        for entry in discover(self.app.folder):
            key = str(entry.path)
            self.entries[key] = entry
            if isinstance(entry, SessionSummary):
                table.add_row(
                    cell(entry.date.isoformat()),
                    cell(entry.kind),
                    cell(entry.title),
                    cell(str(entry.topics)),
                    cell(str(entry.decisions)),
                    cell(str(entry.open_actions)),
                    key=key,
                )
            else:
                table.add_row(
                    cell("⚠ broken", "bold red"),
                    cell(""),
                    cell(f"{entry.path.name}:{entry.error.location}: {entry.error.message}"),
                    cell(""),
                    cell(""),
                    cell(""),
                    key=key,
                )
        count = sum(isinstance(e, SessionSummary) for e in self.entries.values())
        broken = len(self.entries) - count
        detail = f"{count} sessions in {self.app.folder}"
        if broken:
            detail += f" · {broken} file{'s' if broken > 1 else ''} could not be read"
        if not self.entries:
            detail = f"No session files in {self.app.folder} yet: ctrl+p → New session."
        self.query_one("#sessions-detail", Static).update(cell(detail))

    def action_reload(self) -> None:
        self.reload()

    def highlighted(self) -> SessionSummary | BrokenSession | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.entries.get(key or "")

    def action_open(self) -> None:
        entry = self.highlighted()
        if entry is None:
            return
        if isinstance(entry, BrokenSession):
            self.notify(str(entry.error), title="Cannot open", severity="error", timeout=10)
            return
        self.app.open_session(Path(entry.path))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()
