"""The app's one beat a second (issue 18): every clock-driven widget moves on the same wake-up,
just after the wall clock's second turns, and a widget that closed is no longer called."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from poforum_tui.widgets.heartbeat import (
    AFTER_THE_SECOND,
    Heartbeat,
    delay_to_next_beat,
    heartbeat,
)


@pytest.mark.parametrize(
    ("now", "delay"),
    [(100.0, AFTER_THE_SECOND), (100.5, 0.52), (100.02, 1.0), (100.03, 0.99)],
)
def test_the_beat_comes_just_after_the_second_turns(now: float, delay: float) -> None:
    assert delay_to_next_beat(now) == pytest.approx(delay)


class Ticking(Static):
    def __init__(self, name: str, calls: list[str]) -> None:
        super().__init__(id=name)
        self.calls = calls

    def tick(self) -> None:
        self.calls.append(self.id or "")


class Two(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def compose(self) -> ComposeResult:
        yield Ticking("a", self.calls)
        yield Ticking("b", self.calls)


async def test_one_beat_calls_each_listener_once_and_forgets_closed_ones() -> None:
    app = Two()
    async with app.run_test() as pilot:
        beat = Heartbeat(app)
        a, b = app.query_one("#a", Ticking), app.query_one("#b", Ticking)
        beat.listen(a, a.tick)
        beat.listen(b, b.tick)
        assert beat._timer is not None  # the next second's beat is set
        beat._timer.stop()  # this test beats by hand
        beat.call_listeners()
        assert app.calls == ["a", "b"]
        await a.remove()
        await pilot.pause()
        beat.call_listeners()
        assert app.calls == ["a", "b", "b"]
        assert heartbeat(app) is heartbeat(app)  # one per app
