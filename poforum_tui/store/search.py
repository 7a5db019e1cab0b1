"""Search titles, agenda items, topics and decisions across sessions.

Every word of the query must occur in one item (case and accents ignored). Hits keep the
text they matched, on one line, with the spans that matched, for highlighting. The folder's
index (store/index.py) stores each session's `items_of` and finds the items with SQLite;
`match` then marks the spans of the hits shown.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from poforum_tui.store.discovery import SessionSummary

if TYPE_CHECKING:
    from poforum_tui.domain.models import Session

Span = tuple[int, int]


@dataclass(frozen=True)
class Hit:
    """One matching item: which session, what kind of item, its text and the matched spans."""

    summary: SessionSummary
    where: str
    """`title`, `agenda`, `topic`, `decision`, `experiment` or `action`."""
    text: str
    spans: tuple[Span, ...]
    item_id: str | None = None
    detail: str = ""
    """Context shown beside the text: owner, status, column."""


@dataclass(frozen=True)
class Found:
    """The first hits of a search (newest session first) and how many items and sessions match."""

    hits: list[Hit]
    total: int
    sessions: int
    """Sessions among the `total` items counted."""
    more: bool = False
    """More items match than were counted."""


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """`text` for comparison: case and accents removed (`Tomás` -> `tomas`)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def terms(query: str) -> list[str]:
    """The query's words, folded; an empty list matches nothing."""
    return [fold(word) for word in query.split()]


def one_line(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=50_000)
def _folded(text: str) -> tuple[str, tuple[int, ...] | None]:
    """`text` folded, and for each folded character the index of the character it came from
    (None when they line up one to one, as in ASCII text)."""
    if text.isascii():
        return text.lower(), None
    folded, owner = [], []
    for index, char in enumerate(text):
        part = _fold_char(char)
        folded.append(part)
        owner.extend([index] * len(part))
    return "".join(folded), tuple(owner)


def match(text: str, words: list[str]) -> tuple[Span, ...] | None:
    """The spans of `text` where the words occur, or None unless every word occurs."""
    haystack, folded_owner = _folded(text)
    owner: Sequence[int] = range(len(text)) if folded_owner is None else folded_owner
    spans: list[Span] = []
    for word in words:
        at = haystack.find(word)
        if at < 0 or not word:
            return None
        while at >= 0:
            spans.append((owner[at], owner[at + len(word) - 1] + 1))
            at = haystack.find(word, at + len(word))
    return tuple(sorted(set(spans)))


def items_of(session: Session) -> Iterator[Item]:
    """What search looks in: the title, agenda items, topics, decisions and dependencies."""
    yield "title", session.title, None, ""
    for item in session.agenda:
        yield "agenda", item.title, item.id, item.owner or ""
    columns = {column.id: column.title for column in session.board.columns}
    for topic in session.board.topics:
        total = topic.vote_total
        votes = f"{total} vote{'' if total == 1 else 's'} · " if total else ""
        yield "topic", topic.title, topic.id, votes + columns.get(topic.column, topic.column)
    for decision in session.decisions:
        detail = " · ".join(part for part in (decision.owner, decision.status) if part)
        yield decision.kind, decision.text, decision.id, detail
    for dependency in session.dependencies:
        teams = f"{dependency.from_} needs from {dependency.to}"
        detail = " · ".join(part for part in (teams, dependency.owner, dependency.status) if part)
        yield "dependency", dependency.text, dependency.id, detail


Item = tuple[str, str, str | None, str]
"""(kind of item, its text, its id, the context shown beside it)"""


def hit(summary: SessionSummary, item: Item, words: list[str]) -> Hit | None:
    """The item as a hit with its spans, or None unless every word occurs in it."""
    where, text, item_id, detail = item
    text = one_line(text)
    spans = match(text, words) or match(f"{text} {detail}", words)
    if spans is None:
        return None
    visible = tuple(span for span in spans if span[1] <= len(text))
    return Hit(summary, where, text, visible, item_id, detail)


def search(summaries: Iterable[SessionSummary], query: str) -> list[Hit]:
    """Every item of the given sessions that matches all words of `query`, newest session
    first, found through each folder's index (`SessionIndex.search` returns the first few)."""
    from poforum_tui.store.index import SessionIndex

    wanted: dict[Path, set[Path]] = {}
    for summary in summaries:
        wanted.setdefault(summary.path.parent, set()).add(summary.path)
    hits: list[Hit] = []
    for folder, paths in wanted.items():
        with SessionIndex(folder) as index:
            found = index.search(query, limit=-1, count_up_to=0)
        hits += [hit for hit in found.hits if hit.summary.path in paths]
    return hits


def walk(summaries: Iterable[SessionSummary], query: str) -> list[Hit]:
    """`search` by reading every session: what the index must agree with (tests)."""
    words = terms(query)
    if not words:
        return []
    hits = []
    for summary in summaries:
        session = summary.session
        if session is None:
            continue
        for item in items_of(session):
            found = hit(summary, item, words)
            if found is not None:
                hits.append(found)
    return hits
