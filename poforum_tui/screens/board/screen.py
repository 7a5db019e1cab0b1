"""Board: capture the forum's dilemmas, classify them in columns, dot vote, hand off the top ones.

All columns are drawn by one line-API widget (`BoardView`): a key repaints its lines, with no
layout and no focus change, so a board of 1,000 topics answers a key as fast as a board of ten.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.content import Content
from textual.widgets import Input, Static

from poforum_tui.domain import Column, Session, Topic
from poforum_tui.domain import board as ops
from poforum_tui.screens.board.board_view import BoardView, ColumnView
from poforum_tui.screens.board.column_actions import ColumnActions
from poforum_tui.screens.board.handoff_actions import HandOffActions
from poforum_tui.screens.board.keys import BOARD_KEYS
from poforum_tui.screens.board.room_actions import ROOM_ACTIONS, ROOM_CHANGES, RoomActions
from poforum_tui.screens.board.round_actions import ROUND_KEYS, RoundActions
from poforum_tui.screens.board.topic_actions import TopicActions
from poforum_tui.screens.board.voting_actions import VotingActions
from poforum_tui.widgets.literal import clean, literal, quoted
from poforum_tui.widgets.voter_panel import VoterPanel
from poforum_tui.widgets.words import plural

TOPIC_ACTIONS = {
    "edit",
    "delete",
    "move",
    "reorder",
    "vote",
    "unvote",
    "to_agenda",
    "decision",
    "to_dependency",
    "round_vote",
}
COLUMN_ACTIONS = {"add_column", "rename_column", "move_column", "delete_column"}
CHANGES = (
    (TOPIC_ACTIONS - {"decision"})
    | COLUMN_ACTIONS
    | {"add", "budget", "toggle_hidden", "sort", "voting_round"}
)


class BoardScreen(
    RoomActions, RoundActions, VotingActions, TopicActions, HandOffActions, ColumnActions
):
    """Kanban columns of topic cards, with dot voting."""

    CSS_PATH = "board.tcss"
    HELP = """
## Board
The forum's backlog of dilemmas, in columns. Arrows move between the cards and the
columns; the line under the board spells out the highlighted topic.

**Dot voting**: each person has a budget of votes (automatic, or set for the board) and
may put several on one topic. Hide the tallies while people vote so nobody anchors on the
leaders, then reveal them and sort the column.

**Voting round**: when people do not vote from a browser, the round walks the participants
marked present, one at a time. The line above the board names the voter and their votes
left; move the cursor to their choice and give the dot, or let them pass. Once their votes
are used up the next person's turn comes by itself; ending the round says how many voted.

**To the agenda**: a topic becomes a timeboxed agenda item (minutes, or a Lean Coffee
pattern such as 7+5+3). With a "Discuss" block on the agenda it takes its minutes from
that block, so the planned end stays; otherwise it comes right after the running item.

A column is deleted from the command palette; its topics move to a column you pick.

**The room**: while it is open, participants add topics and vote from their browsers; the
room's keys open and close collection and voting, hide the cards while people write
silently, and show the panel with the join URL, its QR code and who has joined.
"""
    BINDINGS = BOARD_KEYS

    AUTO_FOCUS = "BoardView"
    EDITING_ACTIONS = frozenset(CHANGES | ROOM_CHANGES)
    """Dimmed and refused by the app while the session is open read-only."""

    def __init__(self) -> None:
        super().__init__()
        self.view = BoardView(id="board-view")
        self.picker = VoterPanel(id="voter-panel")
        self.filter_text = ""
        self.last_voter: str | None = None
        self._was_empty = False
        self._hidden = (0, 0)
        self._wanted: str | None = None

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome()
        yield Static(id="board-summary")
        yield Static(id="voting-round")
        field = Input(placeholder="Filter by text or category", id="board-filter")
        field.display = False
        yield field
        yield self.view
        yield Static(id="board-detail")
        yield from self.compose_footer()
        yield self.picker

    def on_resize(self) -> None:
        if self.picker.is_open:
            self.picker.fit()
        self.call_after_refresh(self._count_hidden_columns)  # once the board has its width

    def on_key(self, event: events.Key) -> None:
        """Keys typed right after `v`, before the picker's field has the focus, go to it."""
        picker = self.picker
        if picker.is_open and self.focused is not picker:
            event.stop()
            event.prevent_default()
            picker.take_key(event)

    # -- drawing ------------------------------------------------------------------------------

    def show_session(self, session: Session) -> None:
        board = session.board
        groups: dict[str, list[Topic]] = {column.id: [] for column in board.columns}
        for topic in board.topics:
            groups[topic.column].append(topic)
        query = self.filter_text
        views = []
        for column in board.columns:
            topics = tuple(groups[column.id])
            shown = tuple(t for t in topics if ops.matches(t, query)) if query else topics
            views.append(ColumnView(column, topics, shown))
        self.view.show(views, board.votes_hidden, bool(query))
        if self._wanted is not None:
            self.call_after_refresh(self._focus_wanted)
        self._show_summary(session)
        self.show_round(session)
        self._show_detail()

    def _show_summary(self, session: Session) -> None:
        board = session.board
        budget = board.vote_budget()
        auto = " (auto)" if board.votes_per_person is None else ""
        parts = [plural(len(board.topics), "topic"), f"{plural(budget, 'vote')} each{auto}"]
        parts.append("tallies hidden: h reveals" if board.votes_hidden else "tallies shown")
        if self.last_voter is not None:
            used = board.votes_used(self.last_voter)
            parts.append(f"{clean(self.last_voter)}: {used} of {budget} used")
        left, right = self._hidden = self.view.hidden_columns()
        if left or right:
            sides = [f"‹ {left} more" if left else "", f"{right} more ›" if right else ""]
            parts.append(" ".join(side for side in sides if side) + " (←/→)")
        if self.filter_text:
            parts.append(f"filter “{clean(self.filter_text)}”: escape clears")
        if self.app.room_open:
            parts.append(self.room_summary(board))
        # Fixed size (board.tcss): repaint only, no layout of the whole screen.
        self.query_one("#board-summary", Static).update(Content(" · ".join(parts)), layout=False)

    def _show_detail(self) -> None:
        topic = self.current_topic()
        detail = self.query_one("#board-detail", Static)
        if topic is None:
            detail.update(
                Content.styled("No topic here: a adds one, c adds a column", "dim"), layout=False
            )
            return
        about = [part for part in (topic.author, topic.category) if part]
        if self.app.session is not None and self.session.board.votes_hidden:
            about.append("votes hidden")
        elif topic.votes:
            voters = ", ".join(f"{name} {count}" for name, count in topic.votes.items())
            about.append(f"● {topic.vote_total} ({voters})")
        else:
            about.append("no votes")
        detail.update(
            Content.assemble(literal(topic.title, "bold"), "\n", literal(" · ".join(about), "dim")),
            layout=False,
        )

    # -- focus ----------------------------------------------------------------------------

    def _focus(self, column_id: str, topic_id: str | None = None) -> None:
        """Put the cursor in `column_id` (on `topic_id` if given) and the keys on the board."""
        self.view.select(column_id, topic_id)
        self.view.focus()

    def focus_item(self, topic_id: str) -> None:
        """Select a topic (e.g. a search hit) once the board is drawn; the filter gives way."""
        self._wanted = topic_id
        self.call_after_refresh(self._focus_wanted)

    def _focus_wanted(self) -> None:
        session, topic_id = self.app.session, self._wanted
        topic = (
            next((t for t in session.board.topics if t.id == topic_id), None) if session else None
        )
        if topic is None or topic.column not in self.view.columns:
            return  # not drawn yet: show_session calls again
        self._wanted = None
        if self.filter_text and not ops.matches(topic, self.filter_text):
            self.action_clear_filter()
        self._focus(topic.column, topic.id)

    def focused_column(self) -> Column | None:
        """The column the cursor is in (kept while a field has the focus)."""
        cards = self.view.focused_cards
        return cards.column if cards is not None else None

    def current_topic(self) -> Topic | None:
        return self.view.current

    def on_board_view_highlighted(self, event: BoardView.Highlighted) -> None:
        self._show_detail()
        self._count_hidden_columns()
        if (event.topic is None) != self._was_empty:
            self._was_empty = event.topic is None
            self.refresh_bindings()

    def _count_hidden_columns(self) -> None:
        """Redraw the summary's "‹ 2 more" when the columns off screen changed."""
        if self.view.hidden_columns() != self._hidden and self.app.session is not None:
            self._show_summary(self.app.session)

    def action_focus_column(self, delta: int) -> None:
        self.view.focus_column(delta)

    # -- topics ---------------------------------------------------------------------------

    def can_run(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.picker.is_open:
            return False  # a key that raced the picker open is not a board key
        if action in ROOM_ACTIONS:
            return self.app.room_open  # shown only while the room is open
        if action in ROUND_KEYS and self.voting_round is None:
            return False  # shown only during a voting round
        if action == "decision" and (
            not hasattr(self.app, "record_decision") or self.app.read_only
        ):
            return None  # recording a decision changes the session: dimmed in a review
        if action in TOPIC_ACTIONS and self.current_topic() is None:
            return None
        if action == "clear_filter":
            return bool(self.filter_text) or self.query_one("#board-filter", Input).display
        return True

    def action_move(self, delta: int) -> None:
        column, topic = self.focused_column(), self.current_topic()
        if column is None or topic is None:
            return
        ids = list(self.view.columns)
        target = ids.index(column.id) + delta
        if not 0 <= target < len(ids):
            return
        to = next(c.title for c in self.session.board.columns if c.id == ids[target])
        what = f"move topic {quoted(topic.title)} to {quoted(to)}"
        if self._change(lambda s: ops.move_topic(s, topic.id, delta), what):
            self._focus(ids[target], topic.id)

    def action_reorder(self, delta: int) -> None:
        topic = self.current_topic()
        if topic is not None:
            direction = "up" if delta < 0 else "down"
            self._change(
                lambda s: ops.reorder_topic(s, topic.id, delta),
                f"move topic {quoted(topic.title)} {direction}",
            )

    def action_sort(self) -> None:
        if self.session.board.votes_hidden:
            key = self.key_of("toggle_hidden")
            self.notify(f"Reveal the tallies first ({key}): a sorted column shows the ranking.")
            return
        column = self.focused_column()
        if column is None:
            return
        if ops.sort_column(self.session, column.id).board.topics == self.session.board.topics:
            self.notify(f"{quoted(column.title)} is already sorted by votes.", timeout=3)
            return
        if self._change(
            lambda s: ops.sort_column(s, column.id), f"sort column {quoted(column.title)}"
        ):
            self.view.action_jump(False)

    def action_toggle_hidden(self) -> None:
        what = "reveal tallies" if self.session.board.votes_hidden else "hide tallies"
        self._change(ops.toggle_hidden, what)

    # -- filter ---------------------------------------------------------------------------

    def action_filter(self) -> None:
        field = self.query_one("#board-filter", Input)
        field.display = True
        field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "board-filter":
            self.filter_text = event.value.strip()
            if self.app.session is not None:
                self.show_session(self.app.session)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "board-filter":
            if not self.filter_text:
                event.input.display = False
            self._focus_current()

    def action_clear_filter(self) -> None:
        field = self.query_one("#board-filter", Input)
        field.value = ""
        field.display = False
        self.filter_text = ""
        if self.app.session is not None:
            self.show_session(self.app.session)
        self._focus_current()

    def _focus_current(self) -> None:
        column = self.focused_column()
        if column is not None:
            self._focus(column.id)

    def palette_commands(self) -> Iterator[SystemCommand]:
        """What has no key (the palette lists every key's command itself)."""
        yield SystemCommand(
            "Board: delete the column", "Delete the focused column", self.action_delete_column
        )
        yield SystemCommand(
            "Board: clear all votes",
            "Start the dot vote again (asks first)",
            self.action_clear_votes,
        )
