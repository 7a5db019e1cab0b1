"""`BoardBase`: what the board's key actions (voting, hand-off, columns) may use of the board.

`BoardScreen` implements it; `VotingActions`, `HandOffActions` and `ColumnActions` build on it,
so every attribute an action touches is declared here and checked by mypy.
"""

from __future__ import annotations

from collections.abc import Callable

from poforum_tui.domain import Session
from poforum_tui.domain.models import Column, Topic
from poforum_tui.screens.base import SessionScreen
from poforum_tui.screens.board.board_view import BoardView
from poforum_tui.widgets.voter_panel import VoterPanel


class BoardBase(SessionScreen):
    """The board as its actions see it: the view, the voter picker and the focus."""

    view: BoardView
    picker: VoterPanel
    last_voter: str | None
    """Who voted last: the voter picker starts there."""

    def current_topic(self) -> Topic | None:
        """The topic under the cursor (None in an empty column)."""
        raise NotImplementedError

    def focused_column(self) -> Column | None:
        """The column the cursor is in (kept while a field has the focus)."""
        raise NotImplementedError

    def focus_item(self, topic_id: str) -> None:
        """Select a topic once the board is drawn; a filter that hides it gives way."""
        raise NotImplementedError

    def _focus(self, column_id: str, topic_id: str | None = None) -> None:
        """Put the cursor on `topic_id` in `column_id` (or on the column)."""
        raise NotImplementedError

    def _show_summary(self, session: Session) -> None:
        """Redraw the line above the board (counts, budget, who voted last)."""
        raise NotImplementedError

    def _change(self, operation: Callable[[Session], Session], what: str) -> bool:
        return self.app.change(operation, what)
