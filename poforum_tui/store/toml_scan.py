"""The statements of a TOML text that a parser has accepted: headers, keys and where values end.

A light scanner, not a parser: it runs on text `tomli` has already read, to find what a person
wrote where (comments, blank lines, key order) so a save can change only what changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

try:
    import tomli as tomllib
except ImportError:  # pragma: no cover
    import tomllib  # type: ignore[no-redef]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = re.compile(r"[ \t]*")
_DOTTED = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*"
_STR = r'"(?:[^"\\\n]|\\[^\n])*"(?!")'
_LINE = re.compile(
    r"(?P<simple>[ \t]*(?P<key>[A-Za-z0-9_-]+)[ \t]*=[ \t]*"
    rf"(?P<value>{_STR}|[0-9a-z+:.-]+"
    rf"|\[(?:[^\[\]{{}}\"'#\n]|{_STR})*\]|\{{(?:[^\[\]{{}}\"'#\n]|{_STR})*\}})"
    r"[ \t]*(?:#[^\n]*)?(?:\n|\Z))"
    r"|(?P<blank>[ \t]*(?:\r?\n|\Z))"
    r"|(?P<comment>[ \t]*#[^\n]*(?:\n|\Z))"
    rf"|(?P<table>[ \t]*(?:\[\[(?P<aot>{_DOTTED})\]\]|\[(?P<plain>{_DOTTED})\](?!\]))"
    r"[ \t]*(?:#[^\n]*)?(?:\n|\Z))"
    r"|(?P<header>[ \t]*\[)"
)
"""One line: a one-line `key = value` (the common case, read without the slow path), a
blank line, a comment line, or the start of a table header."""
_SCALAR = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?"
    r"|[^\s,\]\}#]+"
)


@dataclass
class Entry:
    """`key = value`: offsets into the text of the key, the value and the end of its line."""

    key: tuple[str, ...]
    start: int
    value_start: int
    value_end: int
    line_end: int  # just after the newline (or the end of the text)


@dataclass
class Block:
    """A table: its header (None for the top level), its entries and its span of text.

    `start` includes the comment lines written right above the header; `end` is where the
    next block starts."""

    header: tuple[str, ...] | None
    array: bool
    start: int
    end: int = 0
    body_start: int = 0  # just after the header line
    entries: list[Entry] = field(default_factory=list)


def scan(text: str) -> list[Block]:
    """The blocks of `text`, in order; the first is the top level (maybe empty)."""
    blocks = [Block(None, False, 0)]
    entries = blocks[0].entries
    pos, size = 0, len(text)
    comments_from: int | None = None  # start of the comment lines right above this line
    line = _LINE.match
    while pos < size:
        found = line(text, pos)
        if found is None:  # a key whose value spans lines, or a quoted or dotted key
            entry = _entry(text, pos)
            entries.append(entry)
            comments_from = None
            pos = entry.line_end
            continue
        kind = found.lastgroup
        if kind == "simple":
            entries.append(
                Entry((found["key"],), pos, found.start("value"), found.end("value"), found.end())
            )
            comments_from = None
            pos = found.end()
        elif kind == "blank":
            comments_from = None
            pos = found.end()
        elif kind == "comment":
            comments_from = pos if comments_from is None else comments_from
            pos = found.end()
        elif kind == "table":
            start = comments_from if comments_from is not None else pos
            blocks[-1].end = start
            array = found["aot"] is not None
            key = tuple((found["aot"] if array else found["plain"]).split("."))
            blocks.append(Block(key, array, start, body_start=found.end()))
            entries = blocks[-1].entries
            comments_from = None
            pos = found.end()
        elif kind == "header":
            at = found.end() - 1
            array = text.startswith("[[", at)
            key, _ = read_key(text, at + (2 if array else 1))
            start = comments_from if comments_from is not None else pos
            blocks[-1].end = start
            line_end = text.find("\n", at)
            line_end = size if line_end < 0 else line_end + 1
            blocks.append(Block(key, array, start, body_start=line_end))
            entries = blocks[-1].entries
            comments_from = None
            pos = line_end
    blocks[-1].end = size
    return blocks


def _entry(text: str, pos: int) -> Entry:
    """The `key = value` statement starting on the line at `pos`, read the slow way."""
    key, after = read_key(text, _skip_space(text, pos))
    after = _skip_space(text, after)
    if text[after] != "=":
        raise ValueError(f"expected '=' at offset {after}")
    value_start = _skip_space(text, after + 1)
    value_end = skip_value(text, value_start)
    end = text.find("\n", value_end)
    end = len(text) if end < 0 else end + 1
    return Entry(key, pos, value_start, value_end, end)


def _skip_space(text: str, pos: int) -> int:
    found = _SPACE.match(text, pos)
    return found.end() if found else pos


def read_key(text: str, pos: int) -> tuple[tuple[str, ...], int]:
    """A dotted key starting at `pos` (spaces allowed around dots) and the offset after it."""
    parts = []
    while True:
        pos = _skip_space(text, pos)
        char = text[pos]
        if char == '"':
            end = _basic_string_end(text, pos)
            parts.append(tomllib.loads(f"k = {text[pos:end]}")["k"])
        elif char == "'":
            end = text.index("'", pos + 1) + 1
            parts.append(text[pos + 1 : end - 1])
        else:
            found = _BARE.match(text, pos)
            if not found:
                raise ValueError(f"expected a key at offset {pos}")
            end = found.end()
            parts.append(found.group())
        pos = _skip_space(text, end)
        if pos < len(text) and text[pos] == ".":
            pos += 1
            continue
        return tuple(parts), pos


def skip_value(text: str, pos: int) -> int:
    """The offset just after the value that starts at `pos`."""
    if text.startswith('"""', pos):
        return _multiline_end(text, pos, '"""')
    if text.startswith("'''", pos):
        return _multiline_end(text, pos, "'''")
    char = text[pos]
    if char == '"':
        return _basic_string_end(text, pos)
    if char == "'":
        return text.index("'", pos + 1) + 1
    if char in "[{":
        return _bracket_end(text, pos)
    found = _SCALAR.match(text, pos)
    if not found:
        raise ValueError(f"expected a value at offset {pos}")
    return found.end()


def _basic_string_end(text: str, pos: int) -> int:
    i = pos + 1
    while True:
        char = text[i]
        if char == "\\":
            i += 2
        elif char == '"':
            return i + 1
        else:
            i += 1


def _multiline_end(text: str, pos: int, quotes: str) -> int:
    i = pos + 3
    while True:
        if quotes == '"""' and text[i] == "\\":
            i += 2
            continue
        if text.startswith(quotes, i):
            end = i + 3
            while end < len(text) and text[end] == quotes[0] and end - i < 5:
                end += 1  # up to two quotes may close the string's content
            return end
        i += 1


def _bracket_end(text: str, pos: int) -> int:
    """After the `]` or `}` matching the one at `pos` (strings and comments skipped)."""
    depth, i = 0, pos
    while True:
        char = text[i]
        if char in "[{":
            depth += 1
            i += 1
        elif char in "]}":
            depth -= 1
            i += 1
            if depth == 0:
                return i
        elif char in "\"'":
            i = skip_value(text, i)
        elif char == "#":
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline
        else:
            i += 1
