"""The room's settings and the requests participants send from their browsers, as pure operations.

The settings are optional `[board]` keys, written only when they differ from their defaults, so
a session that never opened a room saves byte for byte as before:

    collecting = false     # the facilitator is not taking new topics from the room
    voting = false         # the facilitator is not taking votes from the room
    cards_hidden = true    # silent writing: a participant sees only their own topics
"""

from __future__ import annotations

from dataclasses import dataclass

from poforum_tui.domain import board as board_ops
from poforum_tui.domain import participants as participant_ops
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.models import Board, Session

MAX_NAME = 80
"""Longest name a participant may join with."""
MAX_TITLE = 300
"""Longest topic title the room accepts (a sticky note, not an essay)."""

MAX_PARTICIPANTS = 200
"""Participants a room may add: a flood of names must not make the file unloadable."""
MAX_TOPICS = 1_000
"""Topics on a board the room still adds to (the file holds at most store.limits.MAX_ITEMS)."""

SETTINGS: dict[str, bool] = {"collecting": True, "voting": True, "cards_hidden": False}
"""Each room setting's key under `[board]` and its default (the value never written)."""

COLLECTION_CLOSED = "Collection is closed: the facilitator is not taking new topics right now."
VOTING_CLOSED = "Voting is closed: the facilitator is not taking votes right now."


@dataclass(frozen=True)
class RoomSettings:
    collecting: bool = True
    voting: bool = True
    cards_hidden: bool = False


def settings(board: Board) -> RoomSettings:
    """The board's room settings, defaults for keys that are not set."""
    extra = board.model_extra or {}
    return RoomSettings(**{key: extra.get(key, default) for key, default in SETTINGS.items()})


def set_setting(session: Session, key: str, value: bool) -> Session:
    """Set one room setting; its default value removes the key from the file."""
    if key not in SETTINGS:
        raise DomainError(f"no room setting {key!r}")
    board = session.board.model_copy(update={key: bool(value)})
    if value == SETTINGS[key] and board.__pydantic_extra__ is not None:
        board.__pydantic_extra__.pop(key, None)  # a fresh copy: nothing else holds this dict
    return session.model_copy(update={"board": board})


def toggle_setting(session: Session, key: str) -> Session:
    return set_setting(session, key, not getattr(settings(session.board), key))


def clean_text(text: str, *, what: str, limit: int) -> str:
    """`text` stripped, refused when empty, too long, or holding control characters."""
    text = " ".join(text.split())  # newlines and tabs become spaces
    if not text:
        raise DomainError(f"{what} must not be empty")
    if any(ord(char) < 32 or 127 <= ord(char) < 160 for char in text):
        raise DomainError(f"{what} must not hold control characters")
    if len(text) > limit:
        raise DomainError(f"{what} is {len(text):,} characters; at most {limit} please")
    return text


def join(session: Session, name: str) -> Session:
    """A participant joins by name: a new name is added to the participants, a known one is kept."""
    name = clean_text(name, what="Your name", limit=MAX_NAME)
    if any(p.name == name for p in session.participants):
        return session
    if len(session.participants) >= MAX_PARTICIPANTS:
        raise DomainError(f"The room is full: {MAX_PARTICIPANTS} participants have joined.")
    return participant_ops.add_participant(session, name)


def add_topic(session: Session, author: str, title: str, category: str | None = None) -> Session:
    """A participant's topic, at the end of the board's first column, refused while closed."""
    if not settings(session.board).collecting:
        raise DomainError(COLLECTION_CLOSED)
    if not session.board.columns:
        raise DomainError("The board has no column yet: ask the facilitator to add one.")
    title = clean_text(title, what="Topic", limit=MAX_TITLE)
    if len(session.board.topics) >= MAX_TOPICS:
        raise DomainError(f"The board is full: it holds {MAX_TOPICS:,} topics.")
    if category is not None and not category.strip():
        category = None
    if category is not None and category not in board_ops.categories(session.board):
        raise DomainError(f"{category!r} is not one of the board's categories")
    fields = {"author": author, **({"category": category} if category else {})}
    return board_ops.add_topic(session, session.board.columns[0].id, title, **fields)


def vote(session: Session, topic_id: str, voter: str) -> Session:
    """One dot from a participant: the board's own rule and budget, refused while closed."""
    if not settings(session.board).voting:
        raise DomainError(VOTING_CLOSED)
    _visible_to(session, topic_id, voter)
    return board_ops.vote(session, topic_id, voter)


def unvote(session: Session, topic_id: str, voter: str) -> Session:
    """Take one dot back (allowed while voting is open)."""
    if not settings(session.board).voting:
        raise DomainError(VOTING_CLOSED)
    return board_ops.unvote(session, topic_id, voter)


def _visible_to(session: Session, topic_id: str, voter: str) -> None:
    """While cards are hidden, a participant can vote only on a topic they can see (their own)."""
    topic = next((t for t in session.board.topics if t.id == topic_id), None)
    if topic is None:
        raise DomainError("That topic is no longer on the board.")
    if settings(session.board).cards_hidden and topic.author != voter:
        raise DomainError("Cards are hidden: vote once the facilitator reveals them.")


def roster(session: Session, names: list[str]) -> list[tuple[str, int, int]]:
    """(name, votes used, budget) for each name, in the order given (who joined the room)."""
    budget = session.board.vote_budget()
    used = session.board.votes_by_voter()
    return [(name, used.get(name, 0), budget) for name in names]
