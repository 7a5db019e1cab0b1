"""Decisions: follow-ups carried from last time (each needing an outcome), then this session's
decisions, experiments and actions, with owners, due dates, status and linked topics."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.domain import Decision, Session
from poforum_tui.domain import decisions as ops
from poforum_tui.domain.models import DECISION_KINDS, DECISION_STATUSES
from poforum_tui.screens.base import SessionScreen
from poforum_tui.screens.decisions.decision_detail import KIND_MARKS, describe
from poforum_tui.screens.decisions.decision_form import DecisionDraft, DecisionForm
from poforum_tui.screens.decisions.keys import DECISIONS_KEYS
from poforum_tui.screens.decisions.outcome_form import OutcomeChoice, OutcomeScreen
from poforum_tui.store import SessionFileError, load
from poforum_tui.widgets.fitted_table import FittedTable
from poforum_tui.widgets.literal import cell, literal, quoted
from poforum_tui.widgets.words import plural

STATUS_MARKS = {"open": "○ open", "done": "✓ done", "dropped": "✗ dropped"}
OUTCOME_MARKS = {"done": "✓ done", "keep": "↻ keep", "drop": "✗ drop", "escalate": "⇡ "}
NEEDS_OUTCOME = "? outcome"
STATUS_FILTERS = ("all", *DECISION_STATUSES)
KIND_FILTERS = ("all", *DECISION_KINDS)
WITH_TOPIC = 96  # from this width the Topic column shows (narrower: in the detail pane)
WIDE_KIND = 120  # from this width the Kind column spells the kind beside its mark


class DecisionTable(FittedTable):
    """A table of decisions; up / down past its ends moves to the neighbouring table."""

    def action_cursor_down(self) -> None:
        if self.row_count and self.cursor_row < self.row_count - 1:
            super().action_cursor_down()
        elif self.id == "followups" and self.screen.query_one("#current", DataTable).row_count:
            self.screen.query_one("#current").focus()

    def action_cursor_up(self) -> None:
        if self.cursor_row > 0:
            super().action_cursor_up()
        elif self.id == "current" and self.screen.query_one("#followups", DataTable).row_count:
            self.screen.query_one("#followups").focus()


class DecisionsScreen(SessionScreen):
    """Every decision, experiment and action of the session, follow-ups first."""

    CSS_PATH = "decisions.tcss"
    HELP = """
## Decisions
**Follow-ups** carried over from the previous session come first: each needs an
outcome: *done*, *keep* (stays open and carries again), *drop*, or *escalate* to the next
MetaScrum or PO sync. Below them: what this session recorded.

Open items due before today are marked **overdue** (`!`), as in `poforum log`.
◆ decision · ⚗ experiment · ➤ action; the pane below spells out the highlighted one.
"""
    EDITING_ACTIONS = frozenset({"add", "edit", "delete", "cycle", "outcome"})
    BINDINGS = DECISIONS_KEYS

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = "all"
        self.kind_filter = "all"
        self._previous_titles: dict[Path, str] = {}
        self._known_ids: set[str] | None = None
        self._wanted: str | None = None

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome()
        yield Static(id="decisions-summary")
        with Vertical(id="decisions-body"):
            yield Static(id="followups-title", classes="section-title")
            yield DecisionTable(id="followups", cursor_type="row", zebra_stripes=True)
            yield Static(id="current-title", classes="section-title")
            yield DecisionTable(id="current", cursor_type="row", zebra_stripes=True)
        yield Static(id="decision-detail")
        yield from self.compose_footer()

    def on_fitted_table_width_changed(self, event: FittedTable.WidthChanged) -> None:
        if self.app.session is not None and self.is_current:
            self.show_session(self.app.session)

    # -- drawing ---------------------------------------------------------------------------

    def _visible(self, decision: Decision) -> bool:
        return (self.status_filter in ("all", decision.status)) and (
            self.kind_filter in ("all", decision.kind)
        )

    def show_session(self, session: Session) -> None:
        follow_ups = [d for d in session.decisions if ops.is_follow_up(d)]
        current = [d for d in session.decisions if not ops.is_follow_up(d)]
        shown_follow_ups = [d for d in follow_ups if self._visible(d)]
        shown_current = [d for d in current if self._visible(d)]
        topic_column = self._columns(self.query_one("#followups", FittedTable), session, True)
        self._columns(self.query_one("#current", FittedTable), session, False)
        self._fill("#followups", session, shown_follow_ups, topic_column, follow_up=True)
        self._fill("#current", session, shown_current, topic_column, follow_up=False)
        waiting = len(ops.awaiting_outcome(session))
        has_follow_ups = bool(follow_ups)
        for selector in ("#followups-title", "#followups"):
            self.query_one(selector).display = has_follow_ups
        self.query_one("#current").display = bool(shown_current)
        if has_follow_ups:
            verb = "needs" if waiting == 1 else "need"
            need = (
                f"{waiting} {verb} an outcome ({self.key_of('outcome')})"
                if waiting
                else ("all reviewed")
            )
            self.query_one("#followups-title", Static).update(
                literal(f"Follow-ups from {self._previous_title(session)} · {need}")
            )
        if not current:
            key = self.key_of("add")
            current_title = f"Nothing recorded this session yet: press {key} to record a decision"
        elif not shown_current:
            keys = f"{self.key_of('filter_status')} / {self.key_of('filter_kind')}"
            current_title = f"Recorded this session: none match the filter ({keys})"
        else:
            current_title = "Recorded this session"
        self.query_one("#current-title", Static).update(literal(current_title))
        self._summary(session, follow_ups, waiting)
        wanted, self._wanted = self._wanted, None
        self._place_focus(wanted or self._new_id(session))
        self._show_detail()
        self.refresh_bindings()  # e / delete / space / o depend on what is selected

    def focus_item(self, decision_id: str) -> None:
        """Select decision `decision_id` (a search hit), clearing filters that hide it."""
        self.status_filter = self.kind_filter = "all"
        self._wanted = decision_id
        if self.is_mounted and self.app.session is not None:
            self.show_session(self.app.session)

    def _new_id(self, session: Session) -> str | None:
        """The id of an item added since the last draw (to put the cursor on it)."""
        ids = [d.id for d in session.decisions]
        known, self._known_ids = self._known_ids, set(ids)
        if known is None:
            return None
        return next((i for i in reversed(ids) if i not in known), None)

    def _summary(self, session: Session, follow_ups: list[Decision], waiting: int) -> None:
        today = self.app.clock.now().date()
        overdue = sum(1 for d in session.decisions if ops.is_overdue(d, today))
        parts = []
        if follow_ups and not waiting:
            every = "its outcome" if len(follow_ups) == 1 else "an outcome each"
            parts.append(f"{plural(len(follow_ups), 'follow-up')}, {every}")
        elif follow_ups:
            lack = "lacks" if waiting == 1 else "lack"
            parts.append(f"{waiting} of {plural(len(follow_ups), 'follow-up')} {lack} an outcome")
        parts.append(f"{plural(len(session.decisions), 'item')} · {ops.open_count(session)} open")
        if overdue:
            parts.append(f"{overdue} overdue today ({today.isoformat()})")
        if self.status_filter != "all" or self.kind_filter != "all":
            parts.append(f"showing {self.status_filter} · {self.kind_filter} (f / k)")
        summary = Text(" · ".join(parts))
        if waiting:
            summary.stylize("bold yellow", 0, len(parts[0]))
        self.query_one("#decisions-summary", Static).update(summary)

    def _columns(self, table: FittedTable, session: Session, follow_up: bool) -> bool:
        """(Re)build the columns for the current width; True when the Topic column fits."""
        width = max(self.query_one("#decisions-body").size.width or self.size.width, 40)
        wide = width >= WIDE_KIND
        kind_width = 12 if wide else 1
        fixed = [kind_width, 16 if width >= WITH_TOPIC else 14, 11, 11]
        text_width = width - sum(fixed) - 2 * (len(fixed) + 1) - 2
        topic_width = max(18, (text_width - 2) // 3)
        with_topic = width >= WITH_TOPIC
        if with_topic:
            text_width -= topic_width + 2
        layout = (kind_width, text_width, with_topic, follow_up)
        if table.needs_columns(layout):
            table.add_column("Kind" if wide else "", key="kind", width=kind_width)
            table.add_column("Text", key="text", width=max(text_width, 10))
            table.add_column("Owner", key="owner", width=fixed[1])
            table.add_column("Due", key="due", width=11)
            table.add_column("Outcome" if follow_up else "Status", key="status", width=11)
            if with_topic:
                table.add_column("Topic", key="topic", width=topic_width)
        return with_topic

    def _fill(
        self,
        selector: str,
        session: Session,
        decisions: list[Decision],
        topic_column: bool,
        *,
        follow_up: bool,
    ) -> None:
        table = self.query_one(selector, FittedTable)
        selected = self._key_at(table)
        table.clear()
        topics = {topic.id: topic.title for topic in session.board.topics}
        wide = table.column_layout[0] > 1
        today = self.app.clock.now().date()
        for decision in decisions:
            overdue = ops.is_overdue(decision, today)
            kind = KIND_MARKS[decision.kind] + (f" {decision.kind}" if wide else "")
            due = decision.due.isoformat() if decision.due else ""
            row = [
                cell(kind),
                cell(decision.text, "dim" if decision.status != "open" else ""),
                cell(decision.owner or "—"),
                cell(due + ("!" if overdue else ""), "bold red" if overdue else ""),
                self._status_cell(decision, follow_up),
            ]
            if topic_column:
                row.append(cell(topics.get(decision.topic or "", "")))
            table.add_row(*row, key=decision.id)
        if selected is not None:
            keys = [d.id for d in decisions]
            if selected in keys:
                table.move_cursor(row=keys.index(selected), animate=False)

    @staticmethod
    def _status_cell(decision: Decision, follow_up: bool) -> Text:
        if not follow_up:
            return cell(STATUS_MARKS[decision.status], "dim" if decision.status != "open" else "")
        if decision.outcome is None:
            return cell(NEEDS_OUTCOME, "bold yellow")
        if decision.outcome == "escalate":
            return cell(OUTCOME_MARKS["escalate"] + (decision.escalate_to or ""), "bold magenta")
        return cell(OUTCOME_MARKS[decision.outcome], "green")

    def _previous_title(self, session: Session) -> str:
        """The title of the file named in `follows` (its name if it cannot be read)."""
        if not session.follows:
            return "the previous session"
        folder = self.app.path.parent if self.app.path is not None else self.app.folder
        path = folder / session.follows
        if path not in self._previous_titles:
            try:
                self._previous_titles[path] = load(path).title
            except SessionFileError:
                self._previous_titles[path] = session.follows
        return self._previous_titles[path]

    # -- selection and detail ----------------------------------------------------------------

    @staticmethod
    def _key_at(table: DataTable) -> str | None:
        if not table.row_count:
            return None
        row = min(table.cursor_row, table.row_count - 1)
        return table.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value

    def _place_focus(self, new_id: str | None = None) -> None:
        for table in self.query(DecisionTable):
            if new_id is not None and table.display and new_id in table.rows:
                table.focus()
                table.move_cursor(row=table.get_row_index(new_id), animate=False)
                return
        focused = self.focused
        if isinstance(focused, DecisionTable) and focused.display and focused.row_count:
            return
        for selector in ("#followups", "#current"):
            table = self.query_one(selector, DecisionTable)
            if table.display and table.row_count:
                table.focus()
                return
        self.query_one("#current").focus()

    def selected(self) -> Decision | None:
        """The decision under the cursor of the focused table."""
        session = self.app.session
        table = self.focused if isinstance(self.focused, DecisionTable) else None
        if session is None or table is None or not table.display:
            return None
        key = self._key_at(table)
        return next((d for d in session.decisions if d.id == key), None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_descendant_focus(self) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _show_detail(self) -> None:
        session, decision = self.app.session, self.selected()
        detail = self.query_one("#decision-detail", Static)
        if session is None or decision is None:
            detail.update(literal("a: record a decision, experiment or action"))
            return
        today = self.app.clock.now().date()
        detail.update(literal(describe(decision, session, today), one_line=False))

    # -- actions ---------------------------------------------------------------------------

    def can_run(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "edit", "delete", "cycle", "outcome") and self.app.read_only:
            return None
        if action in ("edit", "delete", "cycle"):
            return True if self.selected() is not None else None
        if action == "outcome":
            decision = self.selected()
            return True if decision is not None and ops.is_follow_up(decision) else None
        return True

    def action_add(self) -> None:
        self.app.record_decision()

    def action_edit(self) -> None:
        decision, session = self.selected(), self.app.session
        if decision is None or session is None or self.app.read_only:
            return

        def edited(draft: DecisionDraft | None) -> None:
            if draft is not None:
                self.app.change(
                    lambda s: ops.edit_decision(
                        s, decision.id, kind=draft.kind, text=draft.text, **draft.fields
                    ),
                    f"edit {decision.kind} {quoted(decision.text)}",
                )

        self.app.push_screen(DecisionForm(session, decision), edited)

    def action_delete(self) -> None:
        decision = self.selected()
        if decision is None or self.app.read_only:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.change(
                    lambda s: ops.delete_decision(s, decision.id),
                    f"delete {decision.kind} {quoted(decision.text)}",
                )

        self.app.push_screen(
            ConfirmScreen(f"Delete this {decision.kind}?\n{decision.text}"), answered
        )

    def action_cycle(self) -> None:
        decision = self.selected()
        if decision is not None:
            self.app.change(
                lambda s: ops.cycle_status(s, decision.id),
                f"status of {decision.kind} {quoted(decision.text)}",
            )

    def action_outcome(self) -> None:
        decision = self.selected()
        if decision is None or not ops.is_follow_up(decision) or self.app.read_only:
            return

        def picked(choice: OutcomeChoice | None) -> None:
            if choice is None:
                return
            changed = self.app.change(
                lambda s: ops.set_outcome(s, decision.id, choice.outcome, choice.escalate_to),
                f"outcome '{choice.outcome}' of {quoted(decision.text)}",
            )
            table = self.query_one("#followups", DataTable)
            if not changed:
                return
            said = f"{quoted(decision.text)}: {choice.outcome}"
            if self.focused is table and table.cursor_row < table.row_count - 1:
                table.action_cursor_down()  # on to the next follow-up under review
                following = self.selected()
                if following is not None:
                    said += f". Next follow-up: {quoted(following.text)}"
            self.app.notify(said, title="Outcome", timeout=4)

        self.app.push_screen(OutcomeScreen(decision.text), picked)

    def action_filter_status(self) -> None:
        self.status_filter = _next(STATUS_FILTERS, self.status_filter)
        if self.app.session is not None:
            self.show_session(self.app.session)

    def action_filter_kind(self) -> None:
        self.kind_filter = _next(KIND_FILTERS, self.kind_filter)
        if self.app.session is not None:
            self.show_session(self.app.session)

    def action_log(self) -> None:
        self.app.show_decision_log()


def _next(values: tuple[str, ...], current: str) -> str:
    return values[(values.index(current) + 1) % len(values)]
