"""The join URL's QR code: the terminal's half-block lines are the code's modules, exactly."""

from __future__ import annotations

import segno

from poforum_tui.room import qr

URL = "http://192.168.1.20:8765/r/AfImiRydynOJOmcxajiGGQ"
GLYPH = {" ": (False, False), "█": (True, True), "▀": (True, False), "▄": (False, True)}


def test_half_block_lines_hold_every_module_with_a_quiet_zone() -> None:
    lines = qr.half_block_lines(URL)
    decoded = []
    for line in lines:
        top, bottom = zip(*(GLYPH[char] for char in line), strict=True)
        decoded += [list(top), list(bottom)]
    code = segno.make(URL, error="m", micro=False)
    expected = [[bool(c) for c in row] for row in code.matrix_iter(scale=1, border=qr.QUIET_ZONE)]
    assert decoded[: len(expected)] == expected
    assert all(not any(row) for row in decoded[len(expected) :])  # the padding row is light
    for edge in (decoded[0], decoded[1], [row[0] for row in decoded], [row[1] for row in decoded]):
        assert not any(edge)  # light around the code
    assert len(lines) <= 20 and len(lines[0]) <= 40  # fits beside the roster at 100x30


def test_svg_is_dark_on_light() -> None:
    svg = qr.svg(URL)
    assert svg.startswith("<svg") and 'fill="#fff"' in svg and 'stroke="#111"' in svg
