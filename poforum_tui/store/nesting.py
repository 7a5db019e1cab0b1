"""Nesting limit: a value nested hundreds of levels deep is refused at load, with its place.

Python writes nested values recursively, so such a value would make every later save fail;
no session needs more than a few levels (a topic's votes are four levels down). The same walk
counts the items for the size limit (limits.MAX_ITEMS), so a file is walked once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.keylines import locate
from poforum_tui.store.limits import MAX_ITEMS, too_many

MAX_DEPTH = 32
"""Tables and arrays inside each other, counted from the top of the file."""


def check_depth_and_items(data: dict[str, Any], text: str, path: Path | str) -> None:
    """Raise SessionFileError at the key holding a value nested deeper than MAX_DEPTH, or for
    more than MAX_ITEMS list entries and votes in all (as `limits.count_items` counts them)."""
    total = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth >= MAX_DEPTH:
            _too_deep(data, text, path)
        if type(value) is dict:
            votes = value.get("votes")
            if type(votes) is dict:
                total += len(votes)
            stack.extend((v, depth + 1) for v in value.values() if type(v) in (dict, list))
        else:
            total += len(value)
            stack.extend((v, depth + 1) for v in value if type(v) in (dict, list))
        if total > MAX_ITEMS:
            raise too_many(path, f"{total:,}")


def _too_deep(data: dict[str, Any], text: str, path: Path | str) -> None:
    """Find where the deep value is (a second walk, only for a file that is refused)."""
    stack: list[tuple[Any, int, str]] = [(data, 0, "")]
    while stack:
        value, depth, where = stack.pop()
        if depth >= MAX_DEPTH:
            line, col = locate(text, where)
            raise SessionFileError(
                path,
                line,
                col,
                f"{where}: nested more than {MAX_DEPTH} levels deep (arrays or tables inside "
                "each other); poforum cannot keep such a value",
            )
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, (dict, list)):
                    stack.append((inner, depth + 1, f"{where}.{key}" if where else str(key)))
        elif isinstance(value, list):
            for number, inner in enumerate(value, start=1):
                if isinstance(inner, (dict, list)):
                    stack.append((inner, depth + 1, f"{where}[{number}]"))
