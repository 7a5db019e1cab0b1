"""What one participant may see of the session, as the JSON the page draws.

Tallies stay hidden while the board hides them (a participant sees only their own dots), and
while cards are hidden a participant sees their own topics and a count of everyone else's.
"""

from __future__ import annotations

from typing import Any

from poforum_tui.domain import agenda as agenda_ops
from poforum_tui.domain import board as board_ops
from poforum_tui.domain import room as room_ops
from poforum_tui.domain.clock import Clock
from poforum_tui.domain.models import Session, Topic


def participant_view(session: Session, name: str | None, clock: Clock) -> dict[str, Any]:
    """The state of the board and agenda for `name` (None: not joined yet)."""
    board = session.board
    settings = room_ops.settings(board)
    tallies = not board.votes_hidden
    columns = []
    others_hidden = 0
    for column in board.columns:
        topics = []
        for topic in board.topics_in(column.id):
            mine = name is not None and topic.author == name
            if settings.cards_hidden and not mine:
                others_hidden += 1
                continue
            topics.append(_topic(topic, name, mine=mine, tallies=tallies))
        columns.append({"id": column.id, "title": column.title, "topics": topics})
    return {
        "title": session.title,
        "name": name,
        "participants": [p.name for p in session.participants],
        "categories": board_ops.categories(board),
        "columns": columns,
        "others_hidden": others_hidden,
        "budget": board.vote_budget(),
        "used": board.votes_used(name) if name else 0,
        "tallies_hidden": not tallies,
        "collecting": settings.collecting,
        "voting": settings.voting,
        "cards_hidden": settings.cards_hidden,
        "item": _item(session, clock),
    }


def _topic(topic: Topic, name: str | None, *, mine: bool, tallies: bool) -> dict[str, Any]:
    return {
        "id": topic.id,
        "title": topic.title,
        "author": topic.author,
        "category": topic.category,
        "mine": mine,
        "my_votes": topic.votes.get(name, 0) if name else 0,
        "votes": topic.vote_total if tallies else None,
    }


def _item(session: Session, clock: Clock) -> dict[str, Any] | None:
    """The current agenda item and its seconds left at this moment (negative: overrun)."""
    item = agenda_ops.current_item(session)
    if item is None:
        return None
    return {
        "title": item.title,
        "status": item.status,
        "minutes": item.minutes,
        "remaining": agenda_ops.remaining_seconds(item, clock.now()),
        "running": item.status == "running",
    }
