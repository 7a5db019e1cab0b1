"""User text shown literally: never parsed as markup, control characters made visible."""

from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BREAKS = re.compile(r"\s*[\n\r\t]+\s*")


def clean(text: str, *, one_line: bool = True) -> str:
    """`text` safe for a terminal cell: control characters as U+FFFD, one line by default."""
    if one_line:
        text = _BREAKS.sub(" ", text)
    return _CONTROL.sub("\ufffd", text)


def literal(text: str, style: str = "", *, one_line: bool = True) -> Content:
    """Content that shows `text` exactly, e.g. `[bold]x[/]` stays those characters."""
    return (
        Content.styled(clean(text, one_line=one_line), style)
        if style
        else Content(clean(text, one_line=one_line))
    )


def cell(text: str, style: str = "") -> Text:
    """A DataTable cell (Rich Text, which DataTable does not parse as markup)."""
    return Text(clean(text), style=style, no_wrap=True, overflow="ellipsis")
