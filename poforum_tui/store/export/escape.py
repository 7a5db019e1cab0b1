"""Markdown escaping of user text: it stays text, never a heading, link, HTML or a broken table."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Inline syntax: code, emphasis, links and images, HTML and autolinks, table cells,
# strikethrough, math, mentions (`@maya` would notify someone on GitHub); the backslash first
# so escapes stay escapes.
_INLINE = re.compile(r"([\\`*_\[\]<>|~$@])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# GFM turns bare `https://x` and `www.x` into links (and `a@b.c`, whose `@` is escaped above);
# an escape breaks the trigger.
_AUTOLINK = re.compile(r"(?<=\w)(:)(?=//)|(?<![\w.])(?i:www)(\.)")
# What turns the start of a line into a block: heading, list, quote (`>` is already escaped),
# setext underline, ordered list.
_BLOCK_START = re.compile(r"^(#|[-+=]|\d+(?=[.)]))")


def md(text: str | None) -> str:
    """`text` as inline Markdown that renders exactly as typed; line breaks become `<br>`."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("\ufffd", text)
    lines = [line.strip() for line in text.split("\n")]
    escaped = [_line(line) for line in lines if line]
    return "<br>".join(escaped)


def md_line(text: str | None) -> str:
    """Like `md`, on one line (for headings): line breaks become spaces."""
    return md(" ".join((text or "").split()))


def _line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line)
    line = _ENTITY.sub(r"\\&", line)
    line = _AUTOLINK.sub(_escape_autolink, line)
    return _BLOCK_START.sub(_escape_block, line, count=1)


def _escape_autolink(found: re.Match[str]) -> str:
    if found.group(2):
        return found.group(0)[:-1] + "\\."
    return "\\" + found.group(0)


def _escape_block(found: re.Match[str]) -> str:
    marker = found.group(1)
    if marker.isdigit():
        return marker + "\\"  # `1.` -> `1\.`
    return "\\" + marker
