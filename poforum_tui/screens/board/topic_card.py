"""How a topic card is laid out in a column: wrapped title lines, then its details.

A card has three shapes, from roomiest to most compact (`FITS`): everything wrapped; the whole
title with the details on one line; at most TITLE_LINES title lines. The column picks the
roomiest shape whose cards all fit its rows. Layout is plain text (no widgets) and cached, so
a column of 1,000 cards costs a few lookups.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal, NamedTuple

from rich.cells import cell_len, set_cell_size
from textual.content import Content

from poforum_tui.domain import Topic
from poforum_tui.widgets.literal import clean

TITLE_LINES = 3
"""A compact card shows at most this many title lines; the detail bar shows the whole title."""

Role = Literal["title", "details", "votes"]


class Fit(NamedTuple):
    """A card's shape: how many title lines (None: all) and whether the details wrap."""

    title_lines: int | None
    wrap_details: bool


FITS = (Fit(None, True), Fit(None, False), Fit(TITLE_LINES, False))
"""The shapes a column tries, roomiest first; the last one is the compact card."""
COMPACT = FITS[-1]


class CardLine(NamedTuple):
    """One line of a card: (text, role) parts that together fill the line's width."""

    parts: tuple[tuple[str, Role], ...]


def vote_mark(total: int, hidden: bool) -> str:
    """`● 3` for a topic's tally; nothing when hidden or when nobody voted."""
    return "" if hidden or not total else f"● {total}"


def card_lines(topic: Topic, width: int, hidden: bool, fit: Fit = COMPACT) -> tuple[CardLine, ...]:
    """The lines of `topic`'s card at `width` cells in shape `fit` (the caller adds a gap)."""
    return _layout(
        topic.title, topic.author or "", topic.category or "", topic.vote_total, hidden, width, fit
    )


@lru_cache(maxsize=16384)
def _layout(
    title: str, author: str, category: str, total: int, hidden: bool, width: int, fit: Fit
) -> tuple[CardLine, ...]:
    width = max(width, 4)
    lines = [CardLine(((line, "title"),)) for line in _title_lines(title, width, fit.title_lines)]
    parts = [clean(part) for part in (author, category) if part]
    details = " · ".join(parts)
    votes = vote_mark(total, hidden)
    if not (details or votes):
        return tuple(lines)
    after = cell_len(votes) + 1 if votes else 0
    if fit.wrap_details and parts and cell_len(details) + after > width:
        # each part on its own lines (no "·" starting a line), the tally beside the last
        wrapped = [line.rstrip() for part in parts for line in _wrapped(part, width)]
        if cell_len(wrapped[-1]) + after > width:  # no room beside the last line
            wrapped.append("")
        lines += [CardLine(((set_cell_size(line, width), "details"),)) for line in wrapped[:-1]]
        details = wrapped[-1]
    else:
        details = _ellipsis(details, width - after)
    gap = " " * (width - cell_len(details) - cell_len(votes))
    lines.append(CardLine(((details + gap, "details"), (votes, "votes"))))
    return tuple(lines)


@lru_cache(maxsize=16384)
def _title_lines(title: str, width: int, most: int | None) -> tuple[str, ...]:
    """The title wrapped at `width`, at most `most` lines (None: all), each padded to `width`."""
    wrapped = [line.rstrip() for line in _wrapped(clean(title), width)]
    if most is not None and len(wrapped) > most:
        wrapped = wrapped[:most]
        last = wrapped[-1]
        wrapped[-1] = set_cell_size(last, min(cell_len(last), width - 1)) + "…"
    return tuple(set_cell_size(line, width) for line in wrapped)


def _wrapped(text: str, width: int) -> list[str]:
    """`text` wrapped at word boundaries into lines of `width` cells (long words split)."""
    return [line.plain for line in Content(text).wrap(width)] or [""]


def _ellipsis(text: str, width: int) -> str:
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…"
