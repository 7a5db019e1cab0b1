"""Presenter mode fills the screen: big digits when there is room, the follow-ups during
"Follow-ups", and `w` shows the working agreement large in place of the topics."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from poforum_tui.domain import FakeClock
from poforum_tui.domain import decisions as decision_ops
from poforum_tui.screens.presenter.screen import PresenterScreen
from poforum_tui.widgets.item_timer import ItemTimer
from tests.conftest import FORUM, make_app


async def test_follow_ups_are_shown_while_the_follow_ups_item_runs(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        carried = decision_ops.follow_ups(app.session)
        app.change(lambda s: decision_ops.set_outcome(s, carried[0].id, "done", None))
        await pilot.press("space", "p")
        assert isinstance(app.screen, PresenterScreen)
        text = str(app.screen.query_one("#presenter-topics", Static).render())
        assert f"Follow-ups: 1 of {len(carried)} reviewed" in text
        assert "✓ done" in text and "… waiting" in text and "No votes yet" not in text
        assert app.screen.query_one(ItemTimer).has_class("-big")  # 5-row digits at 80x24
        await pilot.press("n")  # the next item: topics again
        text = str(app.screen.query_one("#presenter-topics", Static).render())
        assert "reviewed" not in text


async def test_w_shows_the_agreement_large_in_place_of_the_topics(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "w")
        screen = app.screen
        agreement = screen.query_one("#presenter-agreement")
        assert agreement.display and not screen.query_one("#presenter-topics").display
        text = str(agreement.render())
        for line in app.session.working_agreement:
            assert line in text
        await pilot.pause()
        assert agreement.size.height >= len(app.session.working_agreement) + 1  # all of it
        await pilot.press("w")
        assert not agreement.display and screen.query_one("#presenter-topics").display
