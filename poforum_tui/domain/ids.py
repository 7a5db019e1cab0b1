"""Short, readable ids for new items (`t16`, `d4`, ...)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SLUG = re.compile(r"[^a-z0-9]+")


def next_id(prefix: str, existing: Iterable[str]) -> str:
    """The first `prefix<N>` above every existing `prefix<N>`."""
    taken = set(existing)
    highest = 0
    for item_id in taken:
        if item_id.startswith(prefix) and item_id[len(prefix) :].isdigit():
            highest = max(highest, int(item_id[len(prefix) :]))
    return f"{prefix}{highest + 1}"


def slugify(text: str, *, fallback: str = "session", limit: int = 48) -> str:
    """Lower-case ASCII words joined by dashes, for file names and ids."""
    slug = _SLUG.sub("-", text.lower()).strip("-")[:limit].strip("-")
    return slug or fallback
