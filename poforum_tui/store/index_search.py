"""Search through the folder's index: FTS5 trigrams where this SQLite has them, else LIKE."""

from __future__ import annotations

from typing import TYPE_CHECKING

from poforum_tui.store.discovery import Entry, SessionSummary
from poforum_tui.store.search import Found, Hit, hit, terms

if TYPE_CHECKING:
    from poforum_tui.store.index import SessionIndex


def search_index(index: SessionIndex, query: str, limit: int, count_up_to: int) -> Found:
    """What `SessionIndex.search` answers (see there)."""
    words = terms(query)
    if not words:
        return Found([], 0, 0)
    where, params = _where(words, fts=index.fts)
    total, sessions = index.db.execute(
        "SELECT count(*), count(DISTINCT name) FROM "
        f"(SELECT items.name AS name FROM items WHERE {where} LIMIT ?)",
        (*params, count_up_to + 1),
    ).fetchone()
    # Many matches: walk the items newest first and stop at `limit`; few: sort them.
    walk = "INDEXED BY items_by_date" if total > limit else ""
    found = index.db.execute(
        f"SELECT {index.QUALIFIED}, items.kind, items.item_id, items.text, items.detail "
        f"FROM items {walk} JOIN files ON files.name = items.name WHERE {where} "
        "ORDER BY items.date DESC, items.name DESC, items.ord LIMIT ?",
        (*params, limit),
    )
    width = index.WIDTH
    hits: list[Hit] = []
    summaries: dict[str, Entry] = {}
    for row in found:
        summary = summaries.get(row[0])
        if summary is None:
            summary = summaries[row[0]] = index.make_entry(row[:width])
        assert isinstance(summary, SessionSummary)
        kind, item_id, text, detail = row[width:]
        found_hit = hit(summary, (kind, text, item_id, detail), words)
        if found_hit is not None:  # SQLite and `match` fold text the same way
            hits.append(found_hit)
    more = total > count_up_to
    return Found(hits, min(total, count_up_to), sessions, more)


def _where(words: list[str], *, fts: bool) -> tuple[str, list[str]]:
    """SQL matching every word: FTS5 trigrams for words of 3+ characters, LIKE otherwise."""
    clauses: list[str] = []
    params: list[str] = []
    long_words = [w for w in words if len(w) >= 3] if fts else []
    if long_words:
        clauses.append("items.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
        params.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in long_words))
    for word in words:
        if word not in long_words:
            clauses.append("items.folded LIKE ? ESCAPE '\\'")
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
    return " AND ".join(clauses), params
