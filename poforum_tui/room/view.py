"""What one participant may see of the session, as the JSON the page draws.

Tallies stay hidden while the board hides them (a participant sees only their own dots), and
while cards are hidden a participant sees their own topics and a count of everyone else's.

A state is three parts, so a change costs one serialization of the board, not one per page:
`shared_view` (the same for everyone; `SharedCache` serializes it once per session),
`own_view` (one participant's name, votes and hidden topics) and `item_view` (the current
agenda item at this moment). `merge` joins them into `participant_view`'s shape; the page's
script (static/room.js, `merge`) does the same with what the live stream sends.
"""

from __future__ import annotations

import json
from typing import Any

from poforum_tui.domain import agenda as agenda_ops
from poforum_tui.domain import board as board_ops
from poforum_tui.domain import room as room_ops
from poforum_tui.domain.clock import Clock
from poforum_tui.domain.models import Session, Topic


def participant_view(session: Session, name: str | None, clock: Clock) -> dict[str, Any]:
    """The state of the board and agenda for `name` (None: not joined yet)."""
    return merge(shared_view(session), own_view(session, name), item_view(session, clock))


def shared_view(session: Session) -> dict[str, Any]:
    """What every participant sees alike (no topics at all while cards are hidden)."""
    board = session.board
    settings = room_ops.settings(board)
    tallies = not board.votes_hidden
    columns = [
        {
            "id": column.id,
            "title": column.title,
            "topics": []
            if settings.cards_hidden
            else [_topic(t, tallies) for t in board.topics_in(column.id)],
        }
        for column in board.columns
    ]
    return {
        "title": session.title,
        "participants": [p.name for p in session.participants],
        "categories": board_ops.categories(board),
        "columns": columns,
        "topic_count": len(board.topics),
        "budget": board.vote_budget(),
        "tallies_hidden": not tallies,
        "collecting": settings.collecting,
        "voting": settings.voting,
        "cards_hidden": settings.cards_hidden,
    }


def own_view(session: Session, name: str | None) -> dict[str, Any]:
    """One participant's part: their dots per topic, and their own topics while cards hide."""
    board = session.board
    votes = {t.id: t.votes[name] for t in board.topics if name and name in t.votes}
    own = []
    if name and room_ops.settings(board).cards_hidden:
        tallies = not board.votes_hidden
        own = [{**_topic(t, tallies), "column": t.column} for t in board.topics if t.author == name]
    return {"name": name, "used": sum(votes.values()), "votes": votes, "own": own}


def item_view(session: Session, clock: Clock) -> dict[str, Any] | None:
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


def merge(shared: dict[str, Any], own: dict[str, Any], item: dict[str, Any] | None) -> dict:
    """The three parts as one participant's state (static/room.js's `merge` mirrors it)."""
    name, votes = own["name"], own["votes"]
    if shared["cards_hidden"]:
        columns = [
            {
                "id": column["id"],
                "title": column["title"],
                "topics": [
                    _mark({k: v for k, v in t.items() if k != "column"}, True, votes)
                    for t in own["own"]
                    if t["column"] == column["id"]
                ],
            }
            for column in shared["columns"]
        ]
        others_hidden = shared["topic_count"] - len(own["own"])
    else:
        columns = [
            {
                **column,
                "topics": [
                    _mark(t, bool(name) and t["author"] == name, votes) for t in column["topics"]
                ],
            }
            for column in shared["columns"]
        ]
        others_hidden = 0
    state = {key: value for key, value in shared.items() if key != "topic_count"}
    state.update(
        name=name, columns=columns, others_hidden=others_hidden, used=own["used"], item=item
    )
    return state


class SharedCache:
    """`shared_view` as JSON, serialized once per session (sessions are immutable values)."""

    def __init__(self) -> None:
        self._session: Session | None = None
        self._json = ""

    def json(self, session: Session) -> str:
        if session is not self._session:
            self._session = session
            self._json = json.dumps(shared_view(session), ensure_ascii=False)
        return self._json


def stream_message(cache: SharedCache, session: Session, name: str | None, clock: Clock) -> str:
    """One server-sent event: the shared part (cached) and this participant's parts."""
    own = json.dumps(own_view(session, name), ensure_ascii=False)
    item = json.dumps(item_view(session, clock), ensure_ascii=False)
    return f'data: {{"shared":{cache.json(session)},"own":{own},"item":{item}}}\n\n'


def _topic(topic: Topic, tallies: bool) -> dict[str, Any]:
    return {
        "id": topic.id,
        "title": topic.title,
        "author": topic.author,
        "category": topic.category,
        "votes": topic.vote_total if tallies else None,
    }


def _mark(topic: dict[str, Any], mine: bool, votes: dict[str, int]) -> dict[str, Any]:
    return {**topic, "mine": mine, "my_votes": votes.get(topic["id"], 0)}
