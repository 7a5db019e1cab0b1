"""Nesting limit: a value nested hundreds of levels deep is refused at load, with its place.

Python writes nested values recursively, so such a value would make every later save fail;
no session needs more than a few levels (a topic's votes are four levels down).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.keylines import locate

MAX_DEPTH = 32
"""Tables and arrays inside each other, counted from the top of the file."""


def check_depth(data: dict[str, Any], text: str, path: Path | str) -> None:
    """Raise SessionFileError at the key holding a value nested deeper than MAX_DEPTH."""
    stack: list[tuple[Any, int, str]] = [(data, 0, "")]
    while stack:
        value, depth, where = stack.pop()
        if depth > MAX_DEPTH:
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
