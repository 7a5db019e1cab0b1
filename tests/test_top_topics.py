"""Ranking across the board: `T` lists every column's topics by votes; `s` says when the
column was already sorted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import OptionList

from poforum_tui.domain import Board, Column, Session, Topic
from poforum_tui.domain import board as ops
from poforum_tui.screens.board.screen import BoardScreen
from poforum_tui.screens.board.top_topics import TopTopicsScreen
from tests.conftest import FORUM, make_app, notice_texts


def test_ranked_topics_span_columns_most_votes_first_ties_in_board_order() -> None:
    columns = (Column(id="a", title="A"), Column(id="b", title="B"))
    topics = (
        Topic(id="t1", title="One", column="b", votes={"x": 2}),
        Topic(id="t2", title="Two", column="a", votes={"x": 2}),
        Topic(id="t3", title="Three", column="a", votes={"x": 3}),
        Topic(id="t4", title="Four", column="a"),
    )
    board = Session(
        title="S", date=dt.date(2026, 12, 1), board=Board(columns=columns, topics=topics)
    ).board
    assert [t.id for t in ops.ranked_topics(board)] == ["t3", "t2", "t1"]


async def test_t_ranks_the_whole_board_and_enter_goes_to_the_topic(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "T")
        assert "No votes yet" in notice_texts(app)[-1] and isinstance(app.screen, BoardScreen)
        last_column = app.session.board.columns[-2].id  # Discussed
        target = app.session.board.topics_in(last_column)[-1]
        for voter in ("Maya Goldberg", "Noa Barak"):
            app.change(lambda s, v=voter: ops.vote(s, target.id, v))
        app.change(lambda s: ops.vote(s, app.session.board.topics[0].id, "Tomás Reyes"))
        await pilot.press("T")
        assert isinstance(app.screen, TopTopicsScreen)
        options = app.screen.query_one(OptionList)
        first = str(options.get_option_at_index(0).prompt)
        assert target.title[:20] in first and "● 2" in first and "Discussed" in first
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert app.screen.current_topic().id == target.id


async def test_sort_says_when_the_column_was_already_in_order(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        before = len(app.undo_stack)
        await pilot.press("s")
        assert "already sorted by votes" in notice_texts(app)[-1]
        assert len(app.undo_stack) == before  # nothing changed, nothing to undo
