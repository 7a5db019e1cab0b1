"""Dependencies: who needs what from whom, by when — grouped by who delivers (or who needs
it), at-risk, blocked and overdue ones first, escalations with their ladder and age, the
carried ones waiting for an outcome, and the confidence vote that ends the session."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.domain import Session
from poforum_tui.domain import confidence as votes
from poforum_tui.domain import dependencies as deps
from poforum_tui.domain.escalation import next_rung
from poforum_tui.domain.models import Dependency
from poforum_tui.screens.dependencies.confidence_actions import ConfidenceActions
from poforum_tui.screens.dependencies.confidence_panel import confidence_lines
from poforum_tui.screens.dependencies.dependency_detail import describe, needed_label
from poforum_tui.screens.dependencies.dependency_table import (
    DependencyTable,
    TableColumn,
    TableRow,
)
from poforum_tui.screens.dependencies.follow_up_actions import FollowUpActions
from poforum_tui.widgets.literal import cell, literal
from poforum_tui.widgets.voter_panel import VoterPanel

STATUS_MARKS = {
    "requested": ("○ requested", ""),
    "agreed": ("● agreed", "green"),
    "at-risk": ("▲ at risk", "bold yellow"),
    "blocked": ("■ blocked", "bold red"),
    "done": ("✓ done", "dim"),
    "dropped": ("✗ dropped", "dim"),
}
OUTCOME_MARKS = {"done": "✓ done", "keep": "↻ keep", "drop": "✗ drop", "escalate": "⇡ "}
WITH_OTHER = 100  # from this width the other team has a column (narrower: before the text)
WITH_OWNER = 120  # from this width the Owner column shows
GROUP_LABELS = {"to": "who delivers", "from": "who needs it"}


class DependenciesScreen(FollowUpActions, ConfidenceActions):
    """Every dependency of the session in one table, grouped, urgent first."""

    CSS_PATH = "dependencies.tcss"
    EDITING_ACTIONS = frozenset(
        {"add", "edit", "delete", "cycle", "outcome", "escalate", "decide", "ask", "vote"}
    )
    HELP = """
## Dependencies
Who needs what from whom, by when. A PO sync aligns them between the domain POs; what the
sync cannot settle goes up the ladder to the MetaScrum, where the PO team and the
stakeholders make the call.

Rows are grouped by the team that must deliver (or, switched, by the team that needs it).
In each group, what is **at risk**, **blocked** or **overdue** (`!`, needed before the
session's date) comes first. Dependencies carried from the previous session each need an
outcome: *done*, *keep*, *drop* or *escalate*. An escalated one shows where it went
(`po-sync → metascrum`), how long it has been open and who makes the call.

The **confidence vote** (fist of five) ends a sync or MetaScrum: everyone shows 1 to 5
fingers on one question; hear out the 1s and 2s before closing.
"""
    BINDINGS = [
        Binding("a", "add", "Add", id="dependencies-add", tooltip="Add a dependency"),
        Binding("e", "edit", "Edit", id="dependencies-edit", tooltip="Edit the selected one"),
        Binding(
            "delete", "delete", "Delete", id="dependencies-delete", tooltip="Delete (asks first)"
        ),
        Binding(
            "space",
            "cycle",
            "Status",
            id="dependencies-cycle",
            tooltip="requested → agreed → at risk → blocked → done → dropped",
        ),
        Binding(
            "o",
            "outcome",
            "Outcome",
            id="dependencies-outcome",
            tooltip="Outcome of a carried dependency: done, keep, drop, escalate",
        ),
        Binding(
            "u",
            "escalate",
            "Escalate",
            id="dependencies-escalate",
            tooltip="Escalate up the ladder: PO sync, then MetaScrum",
        ),
        Binding(
            "d", "decide", "Decision", id="dependencies-decide", tooltip="Record the decision taken"
        ),
        Binding(
            "g",
            "group",
            "Group",
            id="dependencies-group",
            show=False,
            tooltip="Group by who delivers / who needs it",
        ),
        Binding(
            "c",
            "ask",
            "Confidence",
            id="dependencies-ask",
            show=False,
            tooltip="Start a confidence vote (fist of five) on a question",
        ),
        Binding(
            "v",
            "vote",
            "Vote",
            id="dependencies-vote",
            tooltip="Cast a fist-of-five vote: who, then 1 to 5",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.group_by = "to"
        self._known_ids: set[str] | None = None
        self._layout: tuple[int, bool, bool, str] | None = None
        self._table_columns: tuple[TableColumn, ...] = ()
        self._wanted: str | None = None
        """A dependency to put the cursor on at the next draw (a search hit)."""

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome()
        yield Static(id="dependencies-summary")
        yield DependencyTable(id="dependencies-table")
        with Horizontal(id="dependencies-bottom"):
            yield Static(id="dependency-detail")
            yield Static(id="confidence")
        yield VoterPanel(id="confidence-picker")
        yield from self.compose_footer()

    def on_dependency_table_width_changed(self, event: DependencyTable.WidthChanged) -> None:
        """Redraw only when the columns change: the first layout usually keeps them."""
        changed = self._layout_for(event.width) != self._layout
        if changed and self.app.session is not None and self.is_current:
            self.show_session(self.app.session)

    # -- drawing ---------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        table = self.query_one("#dependencies-table", DependencyTable)
        selected = table.cursor_key
        columns = self._columns(table)
        today = session.date
        rows = tuple(
            TableRow(
                dependency.id,
                tuple(self._row(dependency, team if position == 0 else "", today, columns)),
            )
            for team, items in deps.grouped(session.dependencies, today, by=self.group_by)
            for position, dependency in enumerate(items)
        )
        table.empty_text = "No dependencies yet: a adds one"
        wanted, self._wanted = self._wanted, None
        table.show(self._table_columns, rows, wanted or self._new_id(session) or selected)
        self._summary(session)
        self._show_detail()
        self._show_confidence(session)
        self.refresh_bindings()

    def focus_item(self, dependency_id: str) -> None:
        """Put the cursor on dependency `dependency_id` (a search hit on the Sessions screen)."""
        self._wanted = dependency_id
        if self.is_mounted and self.app.session is not None:
            self.show_session(self.app.session)

    def _layout_for(self, width: int) -> tuple[int, bool, bool, str]:
        width = max(width, 40)
        return (width, width >= WITH_OTHER, width >= WITH_OWNER, self.group_by)

    def _columns(self, table: DependencyTable) -> tuple[bool, bool]:
        """(Re)build the columns for the width: (other team's column, owner's column)."""
        layout = self._layout_for(table.size.width or self.size.width)
        width, wide, owner, _ = layout
        if self._layout == layout:
            return wide, owner
        fixed = [14, 10, 11, 12] + ([12] if wide else []) + ([14] if owner else [])
        text_width = max(10, width - sum(fixed) - 2 * (len(fixed) + 1) - 2)
        by_to = self.group_by == "to"
        columns = [TableColumn("Delivers" if by_to else "Needs it", 14)]
        if wide:
            columns.append(TableColumn("Needs it" if by_to else "Delivers", 12))
        columns += [
            TableColumn("Dependency", text_width),
            TableColumn("By", 10),
            TableColumn("Status", 11),
        ]
        if owner:
            columns.append(TableColumn("Owner", 14))
        columns.append(TableColumn("Outcome", 12))
        self._table_columns = tuple(columns)
        self._layout = layout
        return wide, owner

    def _row(
        self, dependency: Dependency, team: str, today: dt.date, columns: tuple[bool, bool]
    ) -> list[Text]:
        wide, owner = columns
        overdue = deps.is_overdue(dependency, today)
        mark, style = STATUS_MARKS[dependency.status]
        other = dependency.from_ if self.group_by == "to" else dependency.to
        text = dependency.text if wide else f"{other}: {dependency.text}"
        row = [cell(team, "bold")]
        if wide:
            row.append(cell(other))
        row += [
            cell(text, "dim" if not dependency.is_open else ""),
            cell(
                needed_label(dependency) + ("!" if overdue else ""), "bold red" if overdue else ""
            ),
            cell(mark, style),
        ]
        if owner:
            row.append(cell(dependency.owner or "—"))
        row.append(self._outcome_cell(dependency))
        return row

    @staticmethod
    def _outcome_cell(dependency: Dependency) -> Text:
        """A follow-up's outcome (or that it needs one), else where it was escalated."""
        if dependency.outcome == "escalate":
            return cell("⇡ " + (dependency.escalate_to or ""), "bold magenta")
        if dependency.outcome is not None:
            return cell(OUTCOME_MARKS[dependency.outcome], "green")
        if deps.is_follow_up(dependency):
            return cell("? outcome", "bold yellow")
        if dependency.escalate_to and dependency.is_open:
            return cell("⇡ " + dependency.escalate_to, "bold magenta")
        return cell("")

    def _new_id(self, session: Session) -> str | None:
        ids = [d.id for d in session.dependencies]
        known, self._known_ids = self._known_ids, set(ids)
        if known is None:
            return None
        return next((i for i in reversed(ids) if i not in known), None)

    def _summary(self, session: Session) -> None:
        today = session.date
        items = session.dependencies
        if not items:
            text = Text("No dependencies yet: a adds one, D on the Board turns a topic into one")
            self.query_one("#dependencies-summary", Static).update(text)
            return
        open_ = deps.open_dependencies(session)
        urgent = sum(1 for d in open_ if d.status in deps.URGENT_STATUSES)
        overdue = sum(1 for d in open_ if deps.is_overdue(d, today))
        escalated = sum(1 for d in open_ if d.escalate_to)
        waiting = len(deps.awaiting_outcome(session))
        parts = []
        if waiting:
            parts.append(f"{waiting} carried need an outcome (o)")
        parts.append(f"{len(items)} dependencies · {len(open_)} open")
        if urgent:
            parts.append(f"{urgent} at risk or blocked")
        if overdue:
            parts.append(f"{overdue} overdue")
        if escalated:
            parts.append(f"{escalated} escalated")
        parts.append(f"by {GROUP_LABELS[self.group_by]} (g)")
        summary = Text(" · ".join(parts))
        if waiting:
            summary.stylize("bold yellow", 0, len(parts[0]))
        self.query_one("#dependencies-summary", Static).update(summary)

    def _show_confidence(self, session: Session) -> None:
        panel = self.query_one("#confidence", Static)
        vote = votes.latest(session)
        panel.display = vote is not None
        if vote is not None:
            panel.update(literal("\n".join(confidence_lines(vote)), one_line=False))

    # -- selection and detail ----------------------------------------------------------------

    def selected(self) -> Dependency | None:
        session = self.app.session
        if session is None:
            return None
        key = self.query_one("#dependencies-table", DependencyTable).cursor_key
        return next((d for d in session.dependencies if d.id == key), None)

    def on_dependency_table_highlighted(self, event: DependencyTable.Highlighted) -> None:
        self._show_detail()
        self.refresh_bindings()

    def on_dependency_table_selected(self, event: DependencyTable.Selected) -> None:
        event.stop()
        self.action_edit()

    def _show_detail(self) -> None:
        session, dependency = self.app.session, self.selected()
        detail = self.query_one("#dependency-detail", Static)
        if session is None or dependency is None:
            detail.update(literal("a: add a dependency · c: start a confidence vote"))
            return
        detail.update(literal(describe(dependency, session), one_line=False))

    # -- actions ---------------------------------------------------------------------------

    def can_run(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        dependency = self.selected()
        if action in ("edit", "delete", "cycle", "decide"):
            return True if dependency is not None else None
        if action == "outcome":
            return True if dependency is not None and deps.is_follow_up(dependency) else None
        if action == "escalate":
            session = self.app.session
            can = (
                dependency is not None
                and dependency.is_open
                and session is not None
                and next_rung(session.kind) is not None
            )
            return True if can else None
        if action == "vote":
            return True if self.app.session is not None and self.app.session.confidence else None
        return True

    def next_row(self) -> None:
        self.query_one("#dependencies-table", DependencyTable).action_move(1)

    def action_add(self) -> None:
        from poforum_tui.screens.dependencies.dependency_form import (
            DependencyDraft,
            DependencyForm,
        )

        def added(draft: DependencyDraft | None) -> None:
            if draft is not None:
                self._change(
                    lambda s: deps.add_dependency(
                        s, draft.text, draft.from_, draft.to, **draft.fields
                    ),
                    "Add dependency",
                )

        self.app.push_screen(DependencyForm(self.session), added)

    def action_edit(self) -> None:
        from poforum_tui.screens.dependencies.dependency_form import (
            DependencyDraft,
            DependencyForm,
        )

        dependency = self.selected()
        if dependency is None:
            return

        def edited(draft: DependencyDraft | None) -> None:
            if draft is not None:
                self._change(
                    lambda s: deps.edit_dependency(
                        s,
                        dependency.id,
                        text=draft.text,
                        from_=draft.from_,
                        to=draft.to,
                        **draft.fields,
                    ),
                    "Edit dependency",
                )

        self.app.push_screen(DependencyForm(self.session, dependency), edited)

    def action_delete(self) -> None:
        dependency = self.selected()
        if dependency is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(
                    lambda s: deps.delete_dependency(s, dependency.id), "Delete dependency"
                )

        who = f"{dependency.from_} needs from {dependency.to}"
        question = f"Delete this dependency?\n{who}: {dependency.text}"
        self.app.push_screen(ConfirmScreen(question), answered)

    def action_cycle(self) -> None:
        dependency = self.selected()
        if dependency is not None:
            self._change(lambda s: deps.cycle_status(s, dependency.id), "Status")

    def action_group(self) -> None:
        self.group_by = "from" if self.group_by == "to" else "to"
        self.show_session(self.session)

    def palette_commands(self):
        yield SystemCommand("Dependencies: add a dependency", "Same as a", self.action_add)
        yield SystemCommand(
            "Dependencies: group by who delivers / who needs it", "Same as g", self.action_group
        )
        yield SystemCommand(
            "Dependencies: start a confidence vote (fist of five)", "Same as c", self.action_ask
        )
