"""The one size limit of a session: what an operation may add is what a file may hold.

Loading counts the parsed file's items the same way (store/limits.py), so the app never builds
a session it would then refuse to open: an add that would pass the limit is refused, with the
reason. The limit fits a 10,000-topic board with its votes, agenda and decisions (about 23,000
items) with room to spare; it exists so that a stuffed file cannot freeze the screen.
"""

from __future__ import annotations

from typing import Any

from poforum_tui.domain.errors import DomainError

MAX_ITEMS = 50_000
"""Agenda items, topics, decisions, participants, columns, list entries and votes, in all."""


def count_items(value: Any) -> int:
    """Entries of every list, plus votes, counted recursively in parsed TOML (dicts and lists)
    or in a session's models alike; stops counting once over MAX_ITEMS."""
    from pydantic import BaseModel  # loaded already where a file or a session is counted

    containers = (BaseModel, dict, list, tuple)
    total = 0
    stack = [value]
    while stack and total <= MAX_ITEMS:
        current = stack.pop()
        if isinstance(current, BaseModel):
            fields = current.__dict__
            extra = current.__pydantic_extra__
            current = {**fields, **extra} if extra else fields
        if isinstance(current, dict):
            votes = current.get("votes")
            total += len(votes) if isinstance(votes, dict) else 0
            stack.extend(v for v in current.values() if isinstance(v, containers))
        elif isinstance(current, (list, tuple)):
            total += len(current)
            stack.extend(v for v in current if isinstance(v, containers))
    return total


def within_limit(session: Any, adding: str) -> Any:
    """`session` (the result of adding `adding`), or a DomainError if it holds too much."""
    if count_items(session) > MAX_ITEMS:
        raise DomainError(
            f"no room for {adding}: a session holds up to {MAX_ITEMS:,} items (topics, votes, "
            "agenda items, decisions, people); start the next session or remove some"
        )
    return session
