"""What a second of the running timer repaints (issue 18: idle CPU while the meeting runs):
the bar only when a half cell moves, the text only the lines that changed, the block digits
only the glyphs that changed, and never the digits hidden behind them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Digits

from poforum_tui.domain import FakeClock
from poforum_tui.widgets.big_digits import BigDigits, block_lines, changed_columns
from poforum_tui.widgets.item_timer import ItemTimer
from poforum_tui.widgets.line_text import LineText
from poforum_tui.widgets.timer_bar import TimerBar, half_cells
from tests.conftest import FORUM, make_app

START = dt.datetime(2026, 11, 17, 10, 0, 0)


class Bench(App[None]):
    """One widget, 40 cells wide, whose repaints are recorded."""

    CSS = "Screen > * { width: 40; }"

    def __init__(self, widget) -> None:
        super().__init__()
        self.widget = widget
        self.repaints: list[tuple[Region, ...]] = []
        real = widget.refresh

        def refresh(*regions, **kwargs):
            self.repaints.append(regions)
            return real(*regions, **kwargs)

        widget.refresh = refresh

    def compose(self) -> ComposeResult:
        yield self.widget


def test_half_cells_round_down_like_the_progress_bar() -> None:
    assert [half_cells(done, 40) for done in (0, 0.012, 0.0125, 0.5, 1, 1.5)] == [
        0,
        0,
        1,
        40,
        80,
        80,
    ]


async def test_the_bar_repaints_only_when_a_half_cell_or_its_colour_changes() -> None:
    bar = TimerBar()
    app = Bench(bar)
    async with app.run_test() as pilot:
        await pilot.pause()
        bar.show(0.0)
        app.repaints.clear()
        bar.show(0.01)  # 0.8 of a half cell: nothing to draw
        assert app.repaints == []
        bar.show(0.0125)  # the first half cell
        assert len(app.repaints) == 1
        await pilot.pause()
        bar.show(1.0)
        bar.show(1.0, overrun=True)  # full, then into the error colour
        assert len(app.repaints) == 3


async def test_text_repaints_only_the_lines_that_changed() -> None:
    text = LineText()
    app = Bench(text)
    async with app.run_test() as pilot:
        text.update(Content("00:04 of 10:00\n09:56 left\nspace pauses"))
        await pilot.pause()
        app.repaints.clear()
        text.update(Content("00:05 of 10:00\n09:55 left\nspace pauses"))
        assert app.repaints == [(Region(0, 0, 40, 1), Region(0, 1, 40, 1))]
        app.repaints.clear()
        styled = Content.assemble("00:05 of 10:00\n", ("09:55 left", "bold"), "\nspace pauses")
        text.update(styled)  # the same words, bold: a style change repaints too
        assert app.repaints == [(Region(0, 1, 40, 1),)]
        assert str(text.render()) == "00:05 of 10:00\n09:55 left\nspace pauses"


def test_changed_columns_are_those_of_the_glyphs_that_changed() -> None:
    before, after = block_lines("04:12"), block_lines("04:11")
    first, last = changed_columns(before, after)
    assert first == 6 + 2 + 6 + 2 + 2 + 2 + 6 + 2  # "0", "4", ":", "1", each with its gap
    assert last == len(before[0]) == first + 6
    assert changed_columns(before, before) is None


async def test_block_digits_repaint_the_changed_glyph_only() -> None:
    digits = BigDigits("04:12")
    app = Bench(digits)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.repaints.clear()
        digits.update("04:11")
        ((region,),) = app.repaints
        assert (region.y, region.height) == (0, 5) and region.x > 20
        assert digits.value == "04:11"


async def test_the_digits_behind_the_block_digits_are_left_alone(sessions_dir: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:  # tall enough: block digits
        await pilot.press("space")
        clock.advance(100)
        app.screen.tick()
        timer = app.screen.query_one(ItemTimer)
        assert timer.digits == "13:20" == app.screen.query_one(BigDigits).value
        assert app.screen.query_one(Digits).value == "--:--"  # hidden: never drawn
        await pilot.resize_terminal(100, 24)  # too short for block digits
        await pilot.pause()
        app.screen.tick()
        assert app.screen.query_one(Digits).value == "13:20" == timer.digits
