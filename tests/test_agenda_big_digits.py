"""The block-digit font of the room-readable timer."""

from __future__ import annotations

from poforum_tui.widgets.big_digits import block_lines


def test_digits_are_five_rows_of_blocks() -> None:
    assert block_lines("10") == [
        "  ██    ██████",
        "████    ██  ██",
        "  ██    ██  ██",
        "  ██    ██  ██",
        "██████  ██████",
    ]


def test_scale_doubles_both_ways_and_overrun_sign_shows() -> None:
    small, big = block_lines("+02:15"), block_lines("+02:15", 2)
    assert len(small) == 5 and len(big) == 10
    # glyphs double, the two-column gaps between them do not
    assert (max(map(len, small)), max(map(len, big))) == (42, 74)
    assert small[2].startswith("██████")  # the + bar
