"""The live meeting at 80x24 and 200x50: help, presenter mode, the board with a running item."""

from __future__ import annotations

import datetime as dt
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


LONG = (
    "Who decides when two domain priorities clash and neither PO will give way before the "
    "quarterly planning?"
)


def long_titles_board():
    """Eight columns (some off screen at 80x24): short ones with long titles and details, one
    with more cards than rows."""
    from poforum_tui.domain import Board, Column, Participant, Session, Topic

    columns = tuple(Column(id=f"c{n}", title=f"Column {n}") for n in range(1, 9))
    topics = [
        Topic(id="t1", title=LONG, column="c1", author="Priya Natarajan", category="priorities"),
        Topic(
            id="t2",
            title="How do we split stories that span two teams without a shared backlog?",
            column="c2",
            author="Jonas Weber",
            category="user stories and splitting",
            votes={"Jonas Weber": 2},
        ),
        *(
            Topic(id=f"m{n}", title=f"{LONG} ({n})", column="c3", author="Sam O'Neill")
            for n in range(1, 9)
        ),
        *(
            Topic(id=f"s{n}", title=f"Short topic {n}", column=f"c{n}", category="tools")
            for n in range(4, 9)
        ),
    ]
    return Session(
        title="Long titles",
        kind="po-forum",
        date=dt.date(2026, 11, 17),
        participants=(Participant(name="Jonas Weber"),),
        board=Board(columns=columns, topics=tuple(topics)),
    )


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_board_with_long_titles_and_hidden_columns(snap_compare, sessions_dir: Path, size) -> None:
    """Titles wrap to the column's width; a column that fits shows every word, one that does
    not shows compact cards and "+N more"; columns off screen are marked."""
    from poforum_tui.store import save

    save(long_titles_board(), sessions_dir / "2026-11-17-board.toml")
    app = make_app(sessions_dir, "2026-11-17-board.toml", clock=FakeClock())
    assert snap_compare(app, press=["2", "right"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_board_during_a_voting_round(snap_compare, sessions_dir: Path, size) -> None:
    """The round's bar names the voter and what the last key did; its keys lead the footer."""
    app = make_app(sessions_dir, FORUM, clock=FakeClock())
    assert snap_compare(app, press=["2", "V", "enter", "down"], terminal_size=size)
