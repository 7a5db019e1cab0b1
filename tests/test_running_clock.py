"""The running item's clock in every screen's header (and over forms), cheap per tick."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.domain import FakeClock
from poforum_tui.screens.board.topic_form import TopicForm
from poforum_tui.widgets.running_clock import RunningClock
from tests.conftest import FORUM, make_app


def clock_text(app) -> str:
    """What the current screen's running clock shows ("" when it is hidden)."""
    widget = app.screen.query_one(RunningClock)
    return widget.render().plain.strip() if widget.display else ""


async def test_the_running_item_is_shown_on_every_screen_and_over_forms(
    sessions_dir: Path,
) -> None:
    clock = FakeClock()
    app = make_app(sessions_dir, FORUM, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        assert clock_text(app) == ""  # nothing runs yet
        await pilot.press("1", "space")
        clock.advance(seconds=65)
        for key in ("2", "3", "0"):
            await pilot.press(key)
            assert clock_text(app) == "▶ Follow-ups 13:55", key
        await pilot.press("2", "a")
        assert isinstance(app.screen, TopicForm)
        assert clock_text(app) == "▶ Follow-ups 13:55"


async def test_overrun_counts_up_in_the_error_colour_and_pause_dims(sessions_dir: Path) -> None:
    clock = FakeClock()
    app = make_app(sessions_dir, FORUM, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space", "2")
        widget = app.screen.query_one(RunningClock)
        clock.advance(minutes=15, seconds=30)
        widget.tick()
        await pilot.pause()
        text = widget.render()
        assert text.plain.strip() == "▶ Follow-ups +00:30"
        overrun = [span for span in text.spans if "$error" in str(span.style)]
        assert [text.plain[s.start : s.end] for s in overrun] == ["+00:30"]
        await pilot.press("1", "space", "2")
        assert app.screen.query_one(RunningClock).render().plain.strip().startswith("⏸")


async def test_a_tick_repaints_its_own_line_without_a_layout(sessions_dir: Path) -> None:
    clock = FakeClock()
    app = make_app(sessions_dir, FORUM, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space", "2")
        widget = app.screen.query_one(RunningClock)
        calls: list[dict] = []
        original = widget.refresh

        def spy(*regions, **kwargs):
            calls.append(kwargs)
            return original(*regions, **kwargs)

        widget.refresh = spy
        widget.tick()
        assert calls == []  # same second: nothing to repaint
        clock.advance(seconds=1)
        widget.tick()
        assert len(calls) == 1 and not calls[0].get("layout")
