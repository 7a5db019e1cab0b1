"""The facilitator's room controls on the Board: collection, voting, hidden cards, the panel.

BoardScreen's BINDINGS name these actions; they show only while the room is
open. Each setting is a pure operation (domain/room.py) through `app.change`, so it is undone,
saved and sent to every participant's page like any other change.
"""

from __future__ import annotations

from poforum_tui.domain import room as room_ops
from poforum_tui.domain.models import Board
from poforum_tui.screens.board.base import BoardBase

ROOM_ACTIONS = frozenset({"room_collecting", "room_voting", "room_cards", "room_panel"})
ROOM_CHANGES = frozenset({"room_collecting", "room_voting", "room_cards"})

_SAID = {
    ("collecting", True): "Collection is open: participants can add topics.",
    ("collecting", False): "Collection is closed: participants cannot add topics.",
    ("voting", True): "Voting is open in the room.",
    ("voting", False): "Voting is closed in the room.",
    ("cards_hidden", True): "Cards are hidden: each participant sees only their own topics.",
    ("cards_hidden", False): "Cards are revealed to every participant.",
}


class RoomActions(BoardBase):
    """Board screen actions for the open room (mixed into BoardScreen)."""

    def on_mount(self) -> None:  # Textual calls each class's own on_mount: no super()
        self.watch(self.app, "room_open", self._room_opened_or_closed, init=False)

    def _room_opened_or_closed(self, _open: bool) -> None:
        if self.app.session is not None and self.is_mounted:
            self.show_session(self.app.session)

    def room_summary(self, board: Board) -> str:
        """The board summary's room part: the settings participants are under now."""
        settings = room_ops.settings(board)
        return "room: " + ", ".join(
            [
                "collecting" if settings.collecting else "collection closed",
                "voting" if settings.voting else "voting closed",
                "cards hidden" if settings.cards_hidden else "cards shown",
            ]
        )

    def _room_toggle(self, key: str, what: str) -> None:
        if self.app.change(lambda s: room_ops.toggle_setting(s, key), what):
            session = self.app.session
            if session is None:
                return
            value = getattr(room_ops.settings(session.board), key)
            self.notify(_SAID[key, value], timeout=3)

    def action_room_collecting(self) -> None:
        self._room_toggle("collecting", "Room: collection open/closed")

    def action_room_voting(self) -> None:
        self._room_toggle("voting", "Room: voting open/closed")

    def action_room_cards(self) -> None:
        self._room_toggle("cards_hidden", "Room: cards hidden/revealed")

    def action_room_panel(self) -> None:
        self.app.show_room_panel()
