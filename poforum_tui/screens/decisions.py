"""Decisions: decisions, experiments and actions with owners, due dates and status."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from poforum_tui.domain import Session
from poforum_tui.screens.base import SessionScreen
from poforum_tui.widgets.literal import cell

KIND_MARKS = {"decision": "◆ decision", "experiment": "⚗ experiment", "action": "➤ action"}
STATUS_MARKS = {"open": "○ open", "done": "✓ done", "dropped": "✗ dropped"}


class DecisionsScreen(SessionScreen):
    """Every decision, experiment and action of the session."""

    CSS_PATH = "decisions.tcss"
    HELP = """
## Decisions
Decisions, experiments and actions, each with its owner, due date and status.
Open items due before the session's date are marked **overdue**.
"""

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome()
        yield DataTable(id="decisions-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="decisions-summary")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Kind", key="kind", width=12)
        table.add_column("Text", key="text", width=40)
        table.add_column("Owner", key="owner", width=16)
        table.add_column("Due", key="due", width=10)
        table.add_column("Status", key="status", width=14)
        table.add_column("Topic", key="topic", width=20)
        super().on_mount()

    def show_session(self, session: Session) -> None:
        table = self.query_one(DataTable)
        table.clear()
        topics = {topic.id: topic.title for topic in session.board.topics}
        for decision in session.decisions:
            overdue = decision.status == "open" and decision.due and decision.due < session.date
            status = STATUS_MARKS[decision.status] + (" overdue" if overdue else "")
            table.add_row(
                cell(KIND_MARKS[decision.kind]),
                cell(decision.text),
                cell(decision.owner or ""),
                cell(decision.due.isoformat() if decision.due else ""),
                cell(status, "bold red" if overdue else ""),
                cell(topics.get(decision.topic or "", "")),
                key=decision.id,
            )
        open_count = sum(1 for d in session.decisions if d.status == "open")
        self.query_one("#decisions-summary", Static).update(
            f"{len(session.decisions)} recorded · {open_count} open"
        )
