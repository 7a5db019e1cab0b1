"""Undo and redo say what they undid, from any screen; undoing "next item" says the clock moved."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.domain import FakeClock
from poforum_tui.widgets.literal import quoted
from tests.conftest import FORUM, make_app, notice_texts


async def test_undo_of_a_deleted_topic_from_another_screen_names_it(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        topic = app.screen.current_topic()
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert topic not in app.session.board.topics
        await pilot.press("0", "ctrl+z")
        assert topic in app.session.board.topics
        assert f"Undid: delete topic {quoted(topic.title)}" in notice_texts(app)[-1]
        await pilot.press("ctrl+y")
        assert f"Redid: delete topic {quoted(topic.title)}" in notice_texts(app)[-1]
        assert "clock" not in notice_texts(app)[-1]  # the agenda did not move


async def test_undoing_next_item_says_the_clock_moved_back(sessions_dir: Path) -> None:
    clock = FakeClock()
    app = make_app(sessions_dir, FORUM, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        first, second = app.session.agenda[0], app.session.agenda[1]
        await pilot.press("space")
        clock.advance(minutes=2)
        await pilot.press("n")
        assert app.session.agenda[1].status == "running"
        await pilot.press("2", "ctrl+z")
        assert app.session.agenda[0].status == "running"
        text = notice_texts(app)[-1]
        assert f"Undid: next item (after {quoted(first.title)})" in text
        assert f"The clock moved back: {quoted(first.title)} runs" in text
        await pilot.press("ctrl+y")
        assert f"The clock moved on: {quoted(second.title)} runs" in notice_texts(app)[-1]


async def test_undo_names_a_decision_status_changed_on_the_decisions_screen(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        decision = app.screen.selected()
        assert decision is not None
        await pilot.press("space")
        await pilot.press("0", "ctrl+z")
        assert f"Undid: status of {decision.kind} {quoted(decision.text)}" in notice_texts(app)[-1]
