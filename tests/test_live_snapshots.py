"""The live meeting at 80x24 and 200x50: help, presenter mode, the board with a running item."""

from __future__ import annotations

from pathlib import Path

import pytest

from poforum_tui.domain import FakeClock
from tests.conftest import FORUM, make_app

SIZES = [(80, 24), (200, 50)]
IDS = ["80x24", "200x50"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_help_on_the_board(snap_compare, sessions_dir: Path, size) -> None:
    app = make_app(sessions_dir, FORUM, clock=FakeClock())
    assert snap_compare(app, press=["2", "question_mark"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_presenter_mode_while_an_item_runs(snap_compare, sessions_dir: Path, size) -> None:
    clock = FakeClock()

    async def run(pilot) -> None:
        await pilot.press("space")
        clock.advance(minutes=4, seconds=20)
        await pilot.press("p")
        await pilot.pause()

    app = make_app(sessions_dir, FORUM, clock=clock)
    assert snap_compare(app, run_before=run, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_board_header_shows_the_running_item(snap_compare, sessions_dir: Path, size) -> None:
    clock = FakeClock()

    async def run(pilot) -> None:
        await pilot.press("space")
        clock.advance(minutes=4, seconds=20)  # no alert crossed: no toast races the snapshot
        await pilot.press("2")
        await pilot.pause()

    app = make_app(sessions_dir, FORUM, clock=clock)
    assert snap_compare(app, run_before=run, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_board_with_hidden_columns(snap_compare, sessions_dir: Path, size) -> None:
    from benchmarks.board import generated
    from poforum_tui.store import save

    save(generated(40, columns=8), sessions_dir / "2026-11-17-board.toml")
    app = make_app(sessions_dir, "2026-11-17-board.toml", clock=FakeClock())
    assert snap_compare(app, press=["2", "right", "right", "right", "right"], terminal_size=size)
