"""Find the line of a key path (`agenda[2].minutes`) in TOML text, for error messages.

A light scan, not a parser: it follows `[table]` and `[[array]]` headers and `key =` lines,
which is how session files are written by hand and by poforum.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_\-.]+)\s*=\s*""")


def _clean(key: str) -> str:
    key = key.strip()
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


def key_positions(text: str) -> dict[str, tuple[int, int]]:
    """Map each key path (1-based array indexes) to where its value starts (line, column)."""
    positions: dict[str, tuple[int, int]] = {}
    counts: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            name = ".".join(_clean(part) for part in header.group(2).split("."))
            parent, _, last = name.rpartition(".")
            prefix = _resolve(parent, counts)
            if header.group(1) == "[[":
                counts[name] = counts.get(name, 0) + 1
                table = f"{prefix}.{last}" if prefix else last
                table = f"{table}[{counts[name]}]"
            else:
                table = f"{prefix}.{last}" if prefix else last
            positions.setdefault(table, (number, line.index("[") + 1))
            continue
        key = _KEY.match(line)
        if key:
            path = f"{table}.{_clean(key.group(1))}" if table else _clean(key.group(1))
            positions.setdefault(path, (number, key.end() + 1))
    return positions


def _resolve(name: str, counts: dict[str, int]) -> str:
    """`board.topics` → `board.topics[3]` when inside the third `[[board.topics]]`."""
    if not name:
        return ""
    parts = name.split(".")
    resolved = []
    for i, part in enumerate(parts):
        so_far = ".".join(parts[: i + 1])
        resolved.append(f"{part}[{counts[so_far]}]" if so_far in counts else part)
    return ".".join(resolved)


def locate(text: str, path: str) -> tuple[int, int]:
    """The line and column of `path`, else of its nearest enclosing table, else 1:1."""
    positions = key_positions(text)
    while path:
        if path in positions:
            return positions[path]
        path = re.sub(r"(\[\d+\]|\.[^.\[\]]*|^[^.\[\]]*)$", "", path)
    return (1, 1)
