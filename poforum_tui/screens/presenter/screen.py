"""Presenter mode (`p`): a calm full-screen view for the shared screen.

The current agenda item and its big timer, the meeting clock, then the topic the
facilitator had focused on the board (else the current item's linked topic, else the
top-voted topics), and the working agreement on request. The facilitator's timer keys
keep working behind it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from poforum_tui.domain import Session, Topic
from poforum_tui.domain import agenda as ops
from poforum_tui.domain.agenda_plan import meeting_clock, totals
from poforum_tui.domain.decisions import follow_ups
from poforum_tui.screens.agenda.screen import next_what, toggle_what
from poforum_tui.screens.host import HostedScreen
from poforum_tui.widgets.footer import KeyFooter
from poforum_tui.widgets.heartbeat import every_second
from poforum_tui.widgets.item_timer import ItemTimer
from poforum_tui.widgets.literal import literal, quoted
from poforum_tui.widgets.meeting_clock import MeetingClockView
from poforum_tui.widgets.words import plural

TOP_TOPICS = 5
PRESENTER_BIG = 22
"""From this terminal height presenter mode shows the 5-row digits (the Agenda: 30)."""
PRESENTER_HUGE = 40
"""... and the 10-row ones (the Agenda: 45)."""
ROOMY = 40
"""From this terminal height the agreement's lines are spaced apart."""
OUTCOME_MARKS = {"done": "✓ done", "keep": "↻ keep", "drop": "✗ drop", "escalate": "⇧ escalate"}


def is_follow_ups_item(title: str) -> bool:
    """The agenda item where last session's follow-ups are reviewed ("Follow-ups")."""
    return title.casefold().startswith(("follow-ups", "follow ups", "followups"))


def top_topics(session: Session, count: int = TOP_TOPICS) -> list[Topic]:
    """The most-voted topics, ties in board order; none while tallies are hidden."""
    if session.board.votes_hidden:
        return []
    voted = [t for t in session.board.topics if t.vote_total]
    return sorted(voted, key=lambda t: -t.vote_total)[:count]


class PresenterScreen(HostedScreen):
    """What the room sees; `p` or `escape` returns to the facilitator's screen."""

    CSS_PATH = "presenter.tcss"
    BINDINGS = [
        Binding("p,escape", "leave", "Back", id="presenter-leave"),
        Binding("space", "toggle_timer", "Start/Pause", id="presenter-toggle"),
        Binding("n", "next", "Next item", id="presenter-next"),
        Binding("plus,equals_sign", "adjust(1)", "+1 min", id="presenter-plus", key_display="+"),
        Binding("minus", "adjust(-1)", "-1 min", id="presenter-minus", key_display="-"),
        Binding("w", "toggle_agreement", "Agreement", id="presenter-agreement"),
        Binding("ctrl+z", "app.undo", "Undo", id="presenter-undo", show=False),
        Binding("ctrl+y", "app.redo", "Redo", id="presenter-redo", show=False),
    ]
    HELP = """
## Presenter mode
A calm view for the shared screen: the current item's timer, the meeting clock, the focused
or top-voted topics. The timer keys keep working here.
"""

    def __init__(self, topic_id: str | None = None) -> None:
        super().__init__()
        self.topic_id = topic_id

    def compose(self) -> ComposeResult:
        with Vertical(id="presenter"):
            yield Static(id="presenter-title")
            with Horizontal(id="presenter-top"):
                yield ItemTimer(
                    big_from=PRESENTER_BIG, huge_from=PRESENTER_HUGE, id="presenter-timer"
                )
                yield MeetingClockView(id="presenter-clock")
            yield Static(id="presenter-topics")
            yield Static(id="presenter-agreement")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "session", self._redraw, init=True)
        every_second(self, self.tick)  # the same beat as the Agenda's: one wake-up

    def tick(self) -> None:
        if self.app.session is not None:
            self._draw_time(self.app.session)

    def _redraw(self, session: Session | None) -> None:
        if session is None:
            return
        self.query_one("#presenter-title", Static).update(
            Content.assemble(literal(session.title, "bold"), (f"  ·  {session.date}", "dim"))
        )
        self._draw_time(session)
        self._draw_topics(session)
        self._draw_agreement(session)

    def _draw_time(self, session: Session) -> None:
        now = self.app.clock.now()
        timer = self.query_one(ItemTimer)
        current = ops.current_item(session)
        if current is not None:
            timer.show_item(current, now, keys=not self.app.read_only)
        elif session.agenda:
            timer.show_finished(totals(session, now))
        else:
            timer.show_empty()
        self.query_one(MeetingClockView).show(meeting_clock(session, now), totals(session, now))

    def _draw_topics(self, session: Session) -> None:
        current = ops.current_item(session)
        carried = follow_ups(session)
        if current is not None and carried and is_follow_ups_item(current.title):
            self._draw_follow_ups(session)
            return
        wanted = self.topic_id or (current.topic if current is not None else None)
        focused = next((t for t in session.board.topics if t.id == wanted), None)
        hidden = session.board.votes_hidden
        if focused is not None:
            lines = [Content.styled("Discussing", "dim"), literal(focused.title, "bold")]
            details = [p for p in (focused.author, focused.category) if p]
            if details:
                lines.append(literal(" · ".join(details), "dim"))
            if not hidden and focused.vote_total:
                lines.append(Content(f"● {plural(focused.vote_total, 'vote')}"))
        else:
            top = top_topics(session)
            heading = "Top topics" if top else "Votes are hidden" if hidden else "No votes yet"
            lines = [Content.styled(heading, "dim")]
            lines += [
                Content.assemble((f"{t.vote_total:>3} ● ", "bold"), literal(t.title)) for t in top
            ]
        self.query_one("#presenter-topics", Static).update(Content("\n").join(lines))

    def _draw_follow_ups(self, session: Session) -> None:
        """During "Follow-ups": what the last session left open and the outcome of each."""
        carried = follow_ups(session)
        reviewed = sum(1 for d in carried if d.outcome is not None)
        lines = [Content.styled(f"Follow-ups: {reviewed} of {len(carried)} reviewed", "dim")]
        for decision in carried:
            mark = OUTCOME_MARKS.get(decision.outcome or "", "… waiting")
            style = "dim" if decision.outcome else "bold"
            owner = f" — {decision.owner}" if decision.owner else ""
            lines.append(
                Content.assemble((f"{mark:<11}", style), literal(decision.text + owner, style))
            )
        self.query_one("#presenter-topics", Static).update(Content("\n").join(lines))

    def _draw_agreement(self, session: Session) -> None:
        lines = [Content.styled("STOP THE LINE — our working agreement", "bold $warning")]
        spaced = self.app.size.height >= ROOMY  # a blank line between lines when there is room
        for n, line in enumerate(session.working_agreement, 1):
            lines += (
                [Content(""), literal(f"{n}. {line}", "bold")]
                if spaced
                else [literal(f"{n}. {line}", "bold")]
            )
        if not session.working_agreement:
            lines.append(Content.styled("(none yet)", "dim"))
        self.query_one("#presenter-agreement", Static).update(Content("\n").join(lines))

    def action_leave(self) -> None:
        self.app.pop_screen()

    def on_resize(self) -> None:
        if self.app.session is not None:
            self._draw_agreement(self.app.session)

    def action_toggle_agreement(self) -> None:
        """The agreement, large, in place of the topics (w again: the topics)."""
        shown = self.query_one("#presenter-agreement").toggle_class("-shown").has_class("-shown")
        self.query_one("#presenter-topics").display = not shown

    def action_toggle_timer(self) -> None:
        self.app.change(
            lambda s: ops.toggle(s, self.app.clock.now()), toggle_what(self.app.session)
        )

    def action_next(self) -> None:
        self.app.change(
            lambda s: ops.next_item(s, self.app.clock.now()), next_what(self.app.session)
        )

    def action_adjust(self, delta: int) -> None:
        session = self.app.session
        current = ops.current_item(session) if session else None
        if current is not None:
            self.app.change(
                lambda s: ops.adjust_timebox(s, current.id, delta),
                f"{delta:+d} min for {quoted(current.title)}",
            )
