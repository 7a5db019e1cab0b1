"""Board: the forum's topics in kanban columns, with their votes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalScroll, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from poforum_tui.domain import Column, Session, Topic
from poforum_tui.screens.base import SessionScreen
from poforum_tui.widgets.literal import clean, clip, literal

TITLE_WIDTH = 160
"""A card shows at most this many cells of its title (a few wrapped lines), then an ellipsis."""


def topic_prompt(topic: Topic, hidden: bool) -> Content:
    """A card: the title, then author · category and the vote count."""
    details = " · ".join(clip(clean(p), 60) for p in (topic.author, topic.category) if p)
    votes = "" if hidden else f"● {topic.vote_total}" if topic.vote_total else ""
    lines = [literal(topic.title, "bold", width=TITLE_WIDTH)]
    if details or votes:
        lines.append(Content.assemble((details, "dim"), "  " if details and votes else "", votes))
    return Content("\n").join(lines)


class BoardScreen(SessionScreen):
    """Kanban columns of topic cards."""

    CSS_PATH = "board.tcss"
    HELP = """
## Board
The forum's topics in columns. Each card shows its title, author, category and votes
(hidden while the facilitator keeps tallies secret).
"""

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome()
        yield Static(id="board-summary")
        yield HorizontalScroll(id="board-columns")
        yield from self.compose_footer()

    def show_session(self, session: Session) -> None:
        board = session.board
        hidden = board.votes_hidden
        container = self.query_one("#board-columns", HorizontalScroll)
        with self.app.batch_update():
            container.remove_children()
            container.mount_all(self._column(column, session, hidden) for column in board.columns)
        tally = "hidden" if hidden else f"{board.vote_budget()} per person"
        self.query_one("#board-summary", Static).update(
            f"{len(board.topics)} topics in {len(board.columns)} columns · votes: {tally}"
        )

    def _column(self, column: Column, session: Session, hidden: bool) -> Vertical:
        topics = session.board.topics_in(column.id)
        total = sum(t.vote_total for t in topics)
        counts = f"{len(topics)}" + ("" if hidden else f" · ● {total}")
        title = Content.assemble(literal(column.title, "bold"), ("  " + counts, "dim"))
        options = OptionList(
            *(Option(topic_prompt(t, hidden), id=t.id) for t in topics),
            classes="board-cards",
        )
        return Vertical(
            Static(title, classes="board-column-title"), options, classes="board-column"
        )
