"""Board layouts at 100x30 and 80x24: voted, hidden tallies, wider than the screen, 60 topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.board import generated
from poforum_tui.domain import Session
from poforum_tui.domain import board as ops
from poforum_tui.store import load, save
from tests.conftest import FORUM, make_app

SIZES = [(100, 30), (80, 24)]


def voted(session: Session) -> Session:
    """The example forum after a dot vote by three participants."""
    ballots = {
        "Maya Goldberg": ["t5", "t5", "t14"],
        "Tomás Reyes": ["t14", "t7", "t5"],
        "Aisha Bello": ["t3", "t14", "t14"],
    }
    for voter, topics in ballots.items():
        for topic in topics:
            session = ops.vote(session, topic, voter)
    return session


def board_app(folder: Path, session: Session):
    name = "2026-11-17-board.toml"
    save(session, folder / name)
    return make_app(folder, name)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_voted_board(snap_compare, sessions_dir: Path, size) -> None:
    app = board_app(sessions_dir, voted(load(sessions_dir / FORUM)))
    assert snap_compare(app, press=["2", "down"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_hidden_tallies(snap_compare, sessions_dir: Path, size) -> None:
    app = board_app(sessions_dir, ops.toggle_hidden(voted(load(sessions_dir / FORUM))))
    assert snap_compare(app, press=["2"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_board_wider_than_the_screen_scrolls_to_the_focused_column(
    snap_compare, sessions_dir: Path, size
) -> None:
    app = board_app(sessions_dir, generated(40, columns=8))
    keys = ["2", *["right"] * 6, "down"]
    assert snap_compare(app, press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "80x24"])
def test_board_with_60_topics(snap_compare, sessions_dir: Path, size) -> None:
    app = board_app(sessions_dir, generated(60, columns=4))
    assert snap_compare(app, press=["2", "end"], terminal_size=size)
