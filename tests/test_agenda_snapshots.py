"""Agenda snapshots on a fake clock: a running item, an overrun item, a finished agenda."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from poforum_tui.domain import FakeClock
from tests.conftest import FORUM, make_app

START = dt.datetime(2026, 11, 17, 10, 0, 0)
SIZES = [(100, 30), (80, 24)]


async def _run(pilot, clock: FakeClock, steps: list[tuple[str, int]]) -> None:
    """Press each key after moving the clock on; then redraw the time and drop notices."""
    for key, seconds in steps:
        clock.advance(seconds)
        await pilot.press(key)
    pilot.app.screen.tick()
    await pilot.pause()  # let any notice arrive, then drop it: snapshots show no toasts
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_running_item(snap_compare, sessions_dir: Path, size: tuple[int, int]) -> None:
    clock = FakeClock(START + dt.timedelta(minutes=2))
    app = make_app(sessions_dir, FORUM, clock)
    steps = [("space", 0), ("n", 15 * 60 + 40), ("space", 7 * 60 + 40)]  # paused at 7:40
    steps += [("space", 0)]  # and running again

    async def run_before(pilot) -> None:
        await _run(pilot, clock, steps)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_overrun_item(snap_compare, sessions_dir: Path, size: tuple[int, int]) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    steps = [("space", 0), ("n", 14 * 60), ("down", 12 * 60 + 15)]

    async def run_before(pilot) -> None:
        await _run(pilot, clock, steps)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_finished_agenda(snap_compare, sessions_dir: Path, size: tuple[int, int]) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    minutes = [16, 9, 22, 15, 12, 15]
    steps = [("space", 0)] + [("n", m * 60 + 7) for m in minutes]

    async def run_before(pilot) -> None:
        await _run(pilot, clock, steps)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
