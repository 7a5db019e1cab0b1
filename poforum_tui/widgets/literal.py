"""User text shown literally: never parsed as markup, control characters made visible.

Rules for every screen: show user text with `literal()` (Content), `cell()` (DataTable) or
`clean()` (plain str for titles, Input values, notifications); never build markup from it.
Long text is cut with an ellipsis by `clip()` (`cell()` does it at CELL_WIDTH by default).
"""

from __future__ import annotations

import re

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.content import Content

# C0/C1 controls, and the bidi overrides/isolates that can reorder the rest of a line.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile(r"\s*[\n\r\t]+\s*")

CELL_WIDTH = 60
"""The widest a DataTable cell grows before it is cut with an ellipsis."""


def clean(text: str, *, one_line: bool = True) -> str:
    """`text` safe for a terminal cell: control characters as U+FFFD, one line by default."""
    if one_line:
        text = _BREAKS.sub(" ", text)
    return _CONTROL.sub("\ufffd", text)


def clip(text: str, width: int) -> str:
    """`text` cut to at most `width` terminal cells, ending in an ellipsis when cut."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)).rstrip() + "…"


def literal(
    text: str, style: str = "", *, one_line: bool = True, width: int | None = None
) -> Content:
    """Content that shows `text` exactly, e.g. `[bold]x[/]` stays those characters."""
    shown = clean(text, one_line=one_line)
    if width is not None:
        shown = clip(shown, width)
    return Content.styled(shown, style) if style else Content(shown)


def cell(text: str, style: str = "", *, width: int = CELL_WIDTH) -> Text:
    """A DataTable cell (Rich Text, which DataTable does not parse as markup)."""
    return Text(clip(clean(text), width), style=style, no_wrap=True, overflow="ellipsis")


def quoted(text: str, width: int = 40) -> str:
    """`'text'` for a notice or an undo step's name: one clean line, cut at `width` cells."""
    return f"'{clip(clean(text), width)}'"
