"""The decision log view: every item across the folder's sessions, one row each, newest first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from poforum_tui.screens.decisions.decision_detail import KIND_MARKS
from poforum_tui.screens.host import HostedModal
from poforum_tui.store.decision_log import DecisionLog, LogEntry, read_log, status_label
from poforum_tui.widgets.fitted_table import FittedTable
from poforum_tui.widgets.footer import KeyFooter
from poforum_tui.widgets.literal import cell, literal


class DecisionLogScreen(HostedModal[None]):
    """The log across sessions; enter opens the latest session holding the item."""

    CSS_PATH = "decision_log.tcss"
    HELP = """
## Decision log
Every decision, experiment and action in the folder, newest first. A carried item
shows once, with its latest status and how many sessions it has appeared in.

`!` marks an open item past its due date; `×N` the sessions it appeared in. Enter opens
the latest session holding the item, on its Decisions screen.
"""
    BINDINGS = [
        Binding("escape", "close", "Close", id="log-close"),
        Binding("o", "toggle_open", "Open only", id="log-open"),
        Binding("slash", "find", "Filter", id="log-find", key_display="/"),
    ]

    def __init__(self, folder: Path | str, today: dt.date) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.today = today
        self.open_only = False
        self.loaded = False
        self._entries: list[LogEntry] = []
        self.decision_log = DecisionLog()

    def compose(self) -> ComposeResult:
        yield Static(id="log-title")
        yield Input(placeholder="filter: owner or text (/)", id="log-filter")
        yield FittedTable(id="log-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="log-detail")
        yield Static(id="log-broken")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.query_one("#log-title", Static).update(
            literal(f"Decision log · reading the sessions in {self.folder.name or self.folder}/ …")
        )
        self.run_worker(self._read, thread=True, group="decision-log", exit_on_error=False)

    def _read(self) -> None:
        """Read every file off the UI's path (a folder of many sessions takes a moment)."""
        log = read_log(self.folder)
        self.app.call_from_thread(self._loaded, log)

    def _loaded(self, log: DecisionLog) -> None:
        if not self.is_attached:
            return  # closed while reading
        self.decision_log = log
        self.loaded = True
        broken = self.query_one("#log-broken", Static)
        broken.display = bool(self.decision_log.broken)
        if self.decision_log.broken:
            lines = "\n".join(f"⚠ skipped {error}" for error in self.decision_log.broken)
            broken.update(literal(lines, one_line=False))
        self.refresh_rows()

    def on_fitted_table_width_changed(self, event: FittedTable.WidthChanged) -> None:
        if self.loaded:
            self.refresh_rows()

    def _columns(self, table: FittedTable) -> bool:
        """Columns for the width; True when the Session column fits beside a readable Text."""
        width = max(self.query_one(DataTable).size.width or self.size.width, 40)
        wide = width >= 96
        fixed = [10, 1, 14, 11, 9] + ([4] if wide else [])
        text = width - sum(fixed) - 2 * (len(fixed) + 1) - 4
        with_session = text - 22 >= 30
        if with_session:
            text -= 22
        layout = (text, with_session, wide)
        if table.needs_columns(layout):
            table.add_column("Date", key="date", width=10)
            if with_session:
                table.add_column("Session", key="session", width=20)
            table.add_column("", key="kind", width=1)
            table.add_column("Text", key="text", width=max(text, 12))
            table.add_column("Owner", key="owner", width=14)
            table.add_column("Due", key="due", width=11)
            table.add_column("Status", key="status", width=9)
            if wide:
                table.add_column("Seen", key="seen", width=4)
        return with_session

    def refresh_rows(self) -> None:
        text = self.query_one(Input).value.strip().casefold()
        entries = [
            entry
            for entry in self.decision_log.filtered(open_only=self.open_only)
            if not text
            or text in (entry.decision.owner or "").casefold()
            or text in entry.decision.text.casefold()
        ]
        table = self.query_one(FittedTable)
        with_session = self._columns(table)
        table.clear()
        for index, entry in enumerate(entries):
            decision = entry.decision
            overdue = entry.overdue(self.today)
            due = decision.due.isoformat() if decision.due else ""
            row = [cell(entry.first_date.isoformat())]
            if with_session:
                row.append(cell(entry.first_title))
            row += [
                cell(KIND_MARKS[decision.kind]),
                cell(decision.text, "dim" if decision.status != "open" else ""),
                cell(decision.owner or "—"),
                cell(due + ("!" if overdue else ""), "bold red" if overdue else ""),
                cell(status_label(decision), "dim" if decision.status != "open" else ""),
            ]
            if table.column_layout[2]:
                row.append(cell(f"×{entry.sessions}"))
            table.add_row(*row, key=str(index))
        self._entries = entries
        what = "open items" if self.open_only else "items"
        self.query_one("#log-title", Static).update(
            literal(
                f"Decision log · {len(entries)} {what}"
                + (f" matching {text!r}" if text else "")
                + f" · {self.folder.name or self.folder}/"
            )
        )
        self._show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        table = self.query_one(FittedTable)
        detail = self.query_one("#log-detail", Static)
        if not table.row_count:
            detail.update(
                literal("Nothing matches: o shows closed items too, / changes the filter")
            )
            return
        entry = self._entries[min(table.cursor_row, len(self._entries) - 1)]
        where = f"{entry.first_title} ({entry.first_date.isoformat()})"
        if entry.last_path != entry.first_path:
            where += f" → {entry.last_title} ({entry.last_date.isoformat()})"
        seen = f"{entry.sessions} session" + ("s" if entry.sessions != 1 else "")
        lines = f"{entry.decision.kind} {entry.decision.id} · {where} · {seen}"
        if entry.decision.escalate_to:
            lines += f" · escalated to {entry.decision.escalate_to}"
        detail.update(literal(f"{lines}\n{entry.decision.text}", one_line=False))

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.loaded:
            self.refresh_rows()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def action_toggle_open(self) -> None:
        self.open_only = not self.open_only
        if self.loaded:
            self.refresh_rows()

    def action_find(self) -> None:
        self.query_one(Input).focus()

    def action_close(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        entry = self._entries[int(event.row_key.value or 0)]
        self.dismiss(None)
        self.app.open_session_at(entry.last_path, "decisions")
