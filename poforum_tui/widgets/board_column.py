"""One board column: its title with topic count and vote total, above its cards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from poforum_tui.domain import Column, Topic
from poforum_tui.widgets.card_list import CardList
from poforum_tui.widgets.literal import literal
from poforum_tui.widgets.topic_card import vote_mark


class BoardColumn(Vertical):
    """A column of the board; `show()` updates it only when its cards changed."""

    DEFAULT_CSS = """
    BoardColumn {
        width: 30;
        height: 1fr;
        margin-right: 1;
        & > .board-column-title {
            height: 1;
            padding: 0 1;
            background: $panel;
        }
        & > .board-column-title.-focused {
            background: $primary;
            color: $text;
        }
    }
    """

    def __init__(self, column: Column) -> None:
        super().__init__()
        self.column = column
        self._key: tuple | None = None
        self._title = Static(classes="board-column-title")
        self.cards = CardList("Empty: press a")

    def compose(self) -> ComposeResult:
        yield self._title
        yield self.cards

    # The class goes on the title only: on the column it would restyle every card list too.
    def on_descendant_focus(self) -> None:
        self._title.add_class("-focused")

    def on_descendant_blur(self) -> None:
        self._title.remove_class("-focused")

    def show(
        self,
        column: Column,
        topics: tuple[Topic, ...],
        shown: tuple[Topic, ...],
        hidden: bool,
        filtering: bool,
    ) -> None:
        """Draw `shown` (the topics matching the filter) out of the column's `topics`."""
        self.column = column
        total = sum(topic.vote_total for topic in topics)
        key = (column.title, len(topics), len(shown), total, hidden, filtering)
        if key != self._key:
            self._key = key
            counted = f"{len(shown)} of {len(topics)}" if filtering else str(len(topics))
            votes = vote_mark(total, hidden).replace(" ", "")
            tail = f" {counted}" + (f" {votes}" if votes else "")
            title = Content.assemble(literal(column.title, "bold"), (tail, "dim"))
            self._title.update(title, layout=False)  # its size is fixed by CSS
        cards = self.cards
        cards.empty_text = "No match" if filtering and topics else "Empty: press a"
        cards.set_topics(shown, hidden)
