"""The decision log view: every item across the folder's sessions, one row each, newest first."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Input, Static

from poforum_tui.screens.decisions import KIND_MARKS
from poforum_tui.store.decision_log import DecisionLog, read_log, status_label
from poforum_tui.widgets.literal import cell, literal


class DecisionLogScreen(ModalScreen[None]):
    """The log across sessions; enter opens the latest session holding the item."""

    CSS_PATH = "decision_log.tcss"
    HELP = """
## Decision log
Every decision, experiment and action in the folder, newest first. A carried item
shows once, with its latest status and how many sessions it has appeared in.

- `o` only open items, `/` filter by owner or text, `escape` close
- `enter` opens the latest session holding the item, on its Decisions screen
"""
    BINDINGS = [
        Binding("escape", "close", "Close", id="log-close"),
        Binding("o", "toggle_open", "Open only", id="log-open"),
        Binding("slash", "find", "Filter", id="log-find", key_display="/"),
    ]

    def __init__(self, folder, today: dt.date) -> None:
        super().__init__()
        self.folder = folder
        self.today = today
        self.open_only = False
        self.log = DecisionLog()

    def compose(self) -> ComposeResult:
        yield Static(id="log-title")
        yield Input(placeholder="filter: owner or text (/)", id="log-filter")
        yield DataTable(id="log-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="log-broken")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key, width in (
            ("Date", "date", 10),
            ("Session", "session", 18),
            ("", "kind", 1),
            ("Status", "status", 9),
            ("Owner", "owner", 14),
            ("Due", "due", 11),
            ("Seen", "seen", 4),
            ("Text", "text", 60),
        ):
            table.add_column(label, key=key, width=width)
        self.log = read_log(self.folder)
        broken = self.query_one("#log-broken", Static)
        broken.display = bool(self.log.broken)
        if self.log.broken:
            lines = "\n".join(f"⚠ skipped {error}" for error in self.log.broken)
            broken.update(literal(lines, one_line=False))
        self.refresh_rows()
        table.focus()

    def refresh_rows(self) -> None:
        text = self.query_one(Input).value.strip().casefold()
        entries = [
            entry
            for entry in self.log.filtered(open_only=self.open_only)
            if not text
            or text in (entry.decision.owner or "").casefold()
            or text in entry.decision.text.casefold()
        ]
        table = self.query_one(DataTable)
        table.clear()
        for index, entry in enumerate(entries):
            decision = entry.decision
            overdue = entry.overdue(self.today)
            due = decision.due.isoformat() if decision.due else ""
            table.add_row(
                cell(entry.first_date.isoformat()),
                cell(entry.first_title),
                cell(KIND_MARKS[decision.kind]),
                cell(status_label(decision), "dim" if decision.status != "open" else ""),
                cell(decision.owner or "—"),
                cell(due + ("!" if overdue else ""), "bold red" if overdue else ""),
                cell(f"×{entry.sessions}"),
                cell(decision.text),
                key=str(index),
            )
        self._entries = entries
        what = "open items" if self.open_only else "items"
        self.query_one("#log-title", Static).update(
            literal(
                f"Decision log · {self.folder} · {len(entries)} {what}"
                + (f" matching {text!r}" if text else "")
                + " · ! overdue · ×N sessions seen"
            )
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refresh_rows()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def action_toggle_open(self) -> None:
        self.open_only = not self.open_only
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
        entry = self._entries[int(event.row_key.value)]
        self.dismiss(None)
        self.app.open_session_at(entry.last_path, "decisions")
