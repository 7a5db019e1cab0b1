"""Agenda: run the meeting's timeboxed items live, with a timer a room can read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import ModalScreen

from poforum_tui.domain import Session
from poforum_tui.domain import agenda as ops
from poforum_tui.domain.agenda_plan import (
    Totals,
    meeting_clock,
    rebalance,
    rebalance_plan,
    totals,
)
from poforum_tui.domain.errors import DomainError
from poforum_tui.screens.agenda.agenda_table import AgendaTable, RowDoesNotExist
from poforum_tui.screens.agenda.keys import AGENDA_KEYS
from poforum_tui.screens.base import SessionScreen
from poforum_tui.widgets.heartbeat import every_second
from poforum_tui.widgets.item_timer import ItemTimer
from poforum_tui.widgets.line_text import LineText
from poforum_tui.widgets.literal import clean, quoted
from poforum_tui.widgets.meeting_clock import MeetingClockView
from poforum_tui.widgets.timefmt import mmss

if TYPE_CHECKING:
    from poforum_tui.screens.agenda.item_form import AgendaItemRequest

SELECTED = ("edit", "delete", "move", "skip", "reset")
CHANGES = ("toggle_timer", "next", "adjust", "add", "rebalance", *SELECTED)


class AgendaScreen(SessionScreen):
    """The agenda list, the current item's timer and the meeting clock."""

    EDITING_ACTIONS = frozenset(CHANGES)
    """Dimmed and refused (with a notice) while the session is open read-only."""
    RUNNING_CLOCK = False  # the big timer shows it

    CSS_PATH = "agenda.tcss"
    BINDINGS = AGENDA_KEYS
    HELP = """
## Agenda
**Digits**: time left in the current item; past zero they count up in red. One bell at
zero, a notice one minute before. Enter on a row runs that item now.

**Meeting clock**: the planned end (start + every timebox) is fixed when the first item
starts; projected end = now + what is left. Late or early is the difference. Rebalancing
shortens or lengthens the pending items to end on plan; undo takes it back.

A Lean Coffee pattern such as 7+5+3 asks "keep discussing?" at the end of each step.

Quit any time: a running item resumes from the wall clock.
"""

    def __init__(self) -> None:
        super().__init__()
        self._last_remaining: dict[tuple[str, str], int] = {}
        self._totals_shown = ""
        self._question: str | None = None
        self._asking = False
        self._active_id: str | None = None

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome()
        with Horizontal(id="agenda-top"):
            yield ItemTimer(id="agenda-timer")
            yield MeetingClockView(id="agenda-clock")
        yield AgendaTable(id="agenda-table")
        yield LineText(id="agenda-totals")
        yield from self.compose_footer()

    def on_mount(self) -> None:
        self.query_one("#agenda-top").border_title = "Agenda"
        super().on_mount()
        every_second(self, self.tick)  # the app's beat, just after each second turns

    # -- drawing -------------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        table = self.query_one(AgendaTable)
        selected = self.selected_id()
        now = self.app.clock.now()
        table.show_rows(session, now, self._representation(session))
        ids = [item.id for item in session.agenda]
        active = next((i.id for i in session.agenda if i.status in ops.ACTIVE), None)
        if active != self._active_id and active is not None:
            selected = active  # the meeting moved on: so does the cursor
        self._active_id = active
        if selected in ids:
            table.move_cursor(row=ids.index(selected), animate=False)
        self.show_time(session, now)
        self.refresh_bindings()

    def _representation(self, session: Session) -> str | None:
        """ "No one from Payments is here": a domain the dependencies or the previous session
        name has nobody present (Scrum@Scale asks every team's PO, or a proxy, to attend)."""
        if not (session.dependencies or session.follows):
            return None
        from poforum_tui.domain.representation import missing_domains, notice

        return notice(missing_domains(session, self.app.core.previous()))

    def on_agenda_table_resized(self) -> None:
        if self.app.session is not None:
            self.show_session(self.app.session)

    def show_time(self, session: Session, now: dt.datetime) -> None:
        """Redraw what moves with the clock: the timer, the meeting clock, the running rows."""
        timer = self.query_one(ItemTimer)
        current = ops.current_item(session)
        sums = totals(session, now)
        clock = meeting_clock(session, now)
        if current is not None:
            timer.show_item(current, now, keys=not self.app.read_only)
        elif session.agenda:
            timer.show_finished(sums)
        else:
            timer.show_empty()
        self.query_one(MeetingClockView).show(clock, sums)
        self.query_one(AgendaTable).show_running(session, now)
        totals_text = totals_line(sums)
        if totals_text != self._totals_shown:  # one line high: never a layout
            self._totals_shown = totals_text
            self.query_one("#agenda-totals", LineText).update(Content(totals_text))

    # -- the clock -----------------------------------------------------------------------------

    def tick(self) -> None:
        """Every second: alerts for the running item, and the moving numbers when visible.

        Never changes the session (no save per second)."""
        session = self.app.session
        if session is None:
            return
        now = self.app.clock.now()
        self._alerts(session, now)
        if self.visible_now():
            self.show_time(session, now)

    def visible_now(self) -> bool:
        """On screen: the current screen, or under dialogs only (presenter mode hides it)."""
        stack = self.app.screen_stack
        if self not in stack:
            return False
        above = stack[stack.index(self) + 1 :]
        return all(isinstance(screen, ModalScreen) for screen in above)

    def _alerts(self, session: Session, now: dt.datetime) -> None:
        """A notice at one minute left and one bell at zero, each once per crossing."""
        for item in session.agenda:
            if item.status != "running":
                continue
            left = ops.remaining_seconds(item, now)
            key = (str(self.app.path), item.id)
            before = self._last_remaining.get(key)
            self._last_remaining[key] = left
            if before is None:
                continue
            if before > 60 >= left > 0:
                self.app.notify(f"1 minute left for {clean(item.title)!r}", timeout=6)
            if before > 0 >= left:
                self.app.bell()
                self.app.notify(f"Time is up for {clean(item.title)!r}", severity="warning")
                if ops.next_step_minutes(item) is not None:
                    self._question = item.id
        self._ask_keep_discussing()

    def _ask_keep_discussing(self) -> None:
        session = self.app.session
        screen = self.app.screen
        shown = self in self.app.screen_stack and not isinstance(screen, ModalScreen)
        if self._question is None or self._asking or not shown or session is None:
            return  # asked when the agenda (or a view over it, like the presenter) is shown
        item_id, self._question = self._question, None
        item = next((i for i in session.agenda if i.id == item_id), None)
        step = ops.next_step_minutes(item) if item is not None else None
        if item is None or item.status not in ops.ACTIVE or step is None:
            return

        def answered(keep: bool | None) -> None:
            self._asking = False
            current = ops.current_item(self.app.session) if self.app.session else None
            if keep is None or current is None or current.id != item_id:
                return
            if keep:
                self.change(
                    lambda s: ops.keep_discussing(s, item_id),
                    f"keep discussing {quoted(current.title)}",
                )
            else:
                self.change(
                    lambda s: ops.next_item(s, self.app.clock.now()),
                    f"next item (after {quoted(current.title)})",
                )

        self._asking = True
        from poforum_tui.screens.agenda.item_form import KeepDiscussingScreen  # forms load on use

        self.app.push_screen(KeepDiscussingScreen(item.title, step), answered)

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self._ask_keep_discussing()

    # -- actions -------------------------------------------------------------------------------

    def focus_item(self, item_id: str) -> None:
        """Select an agenda item (e.g. a search hit) and give the list focus."""
        table = self.query_one(AgendaTable)
        try:
            table.move_cursor(row=table.get_row_index(item_id))
        except RowDoesNotExist:  # the item is gone (edited since the search)
            return
        table.focus()

    def selected_id(self) -> str | None:
        return self.query_one(AgendaTable).selected_key

    def change(self, operation: Callable[[Session], Session], what: str) -> bool:
        return self.app.change(operation, what)

    def can_run(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        session = self.app.session
        if action not in CHANGES or session is None:
            return True
        if self.app.read_only:
            return None
        if action in SELECTED:
            return True if self.selected_id() else None
        if action == "add":
            return True
        if action == "rebalance":
            return True if any(i.status == "pending" for i in session.agenda) else None
        return True if ops.current_item(session) is not None else None

    def action_toggle_timer(self) -> None:
        self.change(lambda s: ops.toggle(s, self.app.clock.now()), toggle_what(self.app.session))

    def action_next(self) -> None:
        what = next_what(self.app.session)
        if self.change(lambda s: ops.next_item(s, self.app.clock.now()), what):
            session = self.app.session
            if session is not None and ops.current_item(session) is None:
                self.app.notify("Agenda finished: planned vs actual is on the screen.")

    def action_adjust(self, delta: int) -> None:
        current = ops.current_item(self.app.session) if self.app.session else None
        if current is not None:
            self.change(
                lambda s: ops.adjust_timebox(s, current.id, delta),
                f"{delta:+d} min for {quoted(current.title)}",
            )

    def action_add(self) -> None:
        def added(request: AgendaItemRequest | None) -> None:
            if request is not None:
                after = self.selected_id()
                self.change(
                    lambda s: ops.add_item(
                        s, request.title, request.minutes, **_optional(request), after=after
                    ),
                    f"add agenda item {quoted(request.title)}",
                )
                session = self.app.session
                if session is not None and after is not None:
                    table = self.query_one(AgendaTable)
                    ids = [item.id for item in session.agenda]
                    table.move_cursor(row=min(ids.index(after) + 1, len(ids) - 1))

        from poforum_tui.screens.agenda.item_form import AgendaItemForm

        self.app.push_screen(AgendaItemForm(None, self._owners()), added)

    def action_edit(self) -> None:
        item_id, session = self.selected_id(), self.app.session
        if item_id is None or session is None:
            return

        def edited(request: AgendaItemRequest | None) -> None:
            if request is not None:
                self.change(
                    lambda s: ops.edit_item(s, item_id, **request.fields()),
                    f"edit agenda item {quoted(session.item(item_id).title)}",
                )

        from poforum_tui.screens.agenda.item_form import AgendaItemForm

        self.app.push_screen(AgendaItemForm(session.item(item_id), self._owners()), edited)

    def action_delete(self) -> None:
        item_id, session = self.selected_id(), self.app.session
        if item_id is None or session is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.change(lambda s: ops.delete_item(s, item_id), f"delete agenda item {title}")

        title = quoted(session.item(item_id).title)
        question = f"Delete the agenda item {title}?\n(ctrl+z brings it back.)"
        from poforum_tui.dialogs.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(question, yes="Delete", no="Keep"), confirmed)

    def action_move(self, delta: int) -> None:
        item_id = self.selected_id()
        if item_id is not None:  # the redraw keeps the cursor on the moved item
            title = quoted(self.session.item(item_id).title)
            direction = "up" if delta < 0 else "down"
            self.change(lambda s: ops.move_item(s, item_id, delta), f"move {title} {direction}")

    def action_skip(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            item = self.session.item(item_id)
            what = f"{'un-skip' if item.status == 'skipped' else 'skip'} {quoted(item.title)}"
            self.change(lambda s: ops.skip_item(s, item_id, self.app.clock.now()), what)

    def action_reset(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            what = f"reset the time of {quoted(self.session.item(item_id).title)}"
            self.change(lambda s: ops.reset_item(s, item_id), what)

    def action_rebalance(self) -> None:
        session = self.app.session
        if session is None:
            return
        now = self.app.clock.now()
        try:
            plan = rebalance_plan(session, now)
        except DomainError as error:
            self.app.notify(str(error), title="Rebalance", severity="warning")
            return
        if not plan:
            self.app.notify("The pending items already fit the planned end.", title="Rebalance")
            return
        if self.change(lambda s: rebalance(s, now), "rebalance the pending items"):
            lines = [
                f"{clean(session.item(item_id).title)}: {old} → {new} min"
                for item_id, (old, new) in plan.items()
            ]
            self.app.notify(
                "\n".join([*lines, "ctrl+z undoes it."]), title="Rebalanced", timeout=12
            )

    def on_agenda_table_row_selected(self, event: AgendaTable.RowSelected) -> None:
        """Enter on a row runs that item now."""
        event.stop()
        item_id = event.key
        what = f"start {quoted(self.session.item(item_id).title)}"
        self.change(lambda s: ops.start(s, item_id, self.app.clock.now()), what)

    def _owners(self) -> list[str]:
        session = self.app.session
        return [p.name for p in session.participants] if session is not None else []


def totals_line(sums: Totals) -> str:
    """`2 of 7 done · done: planned 20:00, actual 21:10 (+01:10) · all: planned ...`."""
    parts = [f"{sums.done} of {sums.items} done"]
    if sums.done:
        sign = "+" if sums.done_over > 0 else "-" if sums.done_over < 0 else "±"
        parts.append(
            f"done: planned {mmss(sums.done_planned)}, actual {mmss(sums.done_actual)} "
            f"({sign}{mmss(abs(sums.done_over))})"
        )
    parts.append(f"all: planned {mmss(sums.planned)}, actual {mmss(sums.actual)}")
    return " · ".join(parts)


def toggle_what(session: Session | None) -> str:
    """The undo step's name for space: "start 'X'", "pause 'X'" or "resume 'X'"."""
    current = ops.current_item(session) if session is not None else None
    if current is None:
        return "start / pause"
    verb = {"running": "pause", "paused": "resume"}.get(current.status, "start")
    return f"{verb} {quoted(current.title)}"


def next_what(session: Session | None) -> str:
    """The undo step's name for n: "next item (after 'X')"."""
    current = ops.current_item(session) if session is not None else None
    return f"next item (after {quoted(current.title)})" if current is not None else "next item"


def _optional(request: AgendaItemRequest) -> dict[str, str]:
    fields = {"owner": request.owner, "notes": request.notes, "pattern": request.pattern}
    return {key: value for key, value in fields.items() if value is not None}
