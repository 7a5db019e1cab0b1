"""Presenter mode: what the room sees, with the facilitator's timer keys still working."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.domain import FakeClock
from poforum_tui.screens.agenda.screen import AgendaScreen
from poforum_tui.screens.presenter.screen import PresenterScreen, top_topics
from poforum_tui.store import load
from tests.conftest import FORUM, KICKOFF, make_app


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def test_top_topics_most_votes_first_and_none_when_hidden(sessions_dir: Path) -> None:
    session = load(sessions_dir / KICKOFF)
    top = top_topics(session)
    assert [t.vote_total for t in top] == sorted((t.vote_total for t in top), reverse=True)
    assert len(top) == 5
    hidden = session.model_copy(
        update={"board": session.board.model_copy(update={"votes_hidden": True})}
    )
    assert top_topics(hidden) == []


async def test_p_presents_and_timer_keys_work_behind_it(sessions_dir: Path, clock) -> None:
    app = make_app(sessions_dir, FORUM, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PresenterScreen)
        await pilot.press("space")
        assert app.session.agenda[0].status == "running"
        clock.advance(minutes=16)
        app.screen.tick()
        await pilot.pause()
        assert "+01:00 over" in text(app, "#timer-text")
        await pilot.press("plus")
        assert app.session.agenda[0].minutes == 16
        await pilot.press("w")
        assert app.screen.query_one("#presenter-agreement").has_class("-shown")
        assert app.session.working_agreement[0] in text(app, "#presenter-agreement")
        await pilot.press("p")
        assert isinstance(app.screen, AgendaScreen)
    assert load(sessions_dir / FORUM).agenda[0].minutes == 16


async def test_presenter_shows_the_topic_focused_on_the_board(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, KICKOFF, clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        topic = app.screen.current_topic()
        assert topic is not None
        await pilot.press("p")
        shown = text(app, "#presenter-topics")
        assert "Discussing" in shown and topic.title in shown


def test_presenter_snapshot(sessions_dir: Path, snap_compare) -> None:
    app = make_app(sessions_dir, KICKOFF, clock=FakeClock())
    assert snap_compare(app, press=["p"], terminal_size=(80, 24))
