"""The join URL as a QR code: half-block text lines for the terminal, SVG for the page."""

from __future__ import annotations

import io

import segno

QUIET_ZONE = 2
"""Light modules around the code (a terminal's own margin adds to it)."""


def _matrix(url: str) -> list[list[bool]]:
    code = segno.make(url, error="m", micro=False)
    return [[bool(cell) for cell in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


def half_block_lines(url: str) -> list[str]:
    """Two QR rows per text line, drawn dark on light with ▀ ▄ █ and spaces.

    The lines are meant to be shown with a light background and a dark foreground: a space is
    a light pair, █ a dark pair, ▀ dark above light, ▄ light above dark.
    """
    rows = _matrix(url)
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    glyphs = {(False, False): " ", (True, True): "█", (True, False): "▀", (False, True): "▄"}
    return [
        "".join(glyphs[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    ]


def svg(url: str) -> str:
    """The code as an SVG document (dark on white, with a quiet zone)."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        out, kind="svg", scale=6, border=4, dark="#111", light="#fff", xmldecl=False
    )
    return out.getvalue().decode("utf-8")
