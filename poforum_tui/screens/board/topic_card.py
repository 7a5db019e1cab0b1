"""How a topic card is laid out in a column: wrapped title lines, then a details line.

Layout is plain text (no widgets) and cached, so a column of 1,000 cards costs a few lookups.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal, NamedTuple

from rich.cells import cell_len, set_cell_size
from textual.content import Content

from poforum_tui.domain import Topic
from poforum_tui.widgets.literal import clean

TITLE_LINES = 3
"""A card shows at most this many title lines; the detail bar shows the whole title."""

Role = Literal["title", "details", "votes"]


class CardLine(NamedTuple):
    """One line of a card: (text, role) parts that together fill the line's width."""

    parts: tuple[tuple[str, Role], ...]


def vote_mark(total: int, hidden: bool) -> str:
    """`● 3` for a topic's tally; nothing when hidden or when nobody voted."""
    return "" if hidden or not total else f"● {total}"


def card_lines(topic: Topic, width: int, hidden: bool) -> tuple[CardLine, ...]:
    """The lines of `topic`'s card at `width` cells (the caller adds a gap below)."""
    return _layout(
        topic.title, topic.author or "", topic.category or "", topic.vote_total, hidden, width
    )


@lru_cache(maxsize=16384)
def _layout(
    title: str, author: str, category: str, total: int, hidden: bool, width: int
) -> tuple[CardLine, ...]:
    width = max(width, 4)
    lines = [CardLine(((line, "title"),)) for line in _title_lines(title, width)]
    details = " · ".join(clean(part) for part in (author, category) if part)
    votes = vote_mark(total, hidden)
    if details or votes:
        room = width - (cell_len(votes) + 1 if votes else 0)
        details = _ellipsis(details, room)
        gap = " " * (width - cell_len(details) - cell_len(votes))
        lines.append(CardLine(((details + gap, "details"), (votes, "votes"))))
    return tuple(lines)


@lru_cache(maxsize=16384)
def _title_lines(title: str, width: int) -> tuple[str, ...]:
    """The title wrapped at `width`, at most TITLE_LINES lines, each padded to `width`."""
    wrapped = [line.plain.rstrip() for line in Content(clean(title)).wrap(width)]
    if len(wrapped) > TITLE_LINES:
        wrapped = wrapped[:TITLE_LINES]
        last = wrapped[-1]
        wrapped[-1] = set_cell_size(last, min(cell_len(last), width - 1)) + "…"
    return tuple(set_cell_size(line, width) for line in wrapped)


def _ellipsis(text: str, width: int) -> str:
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…"
