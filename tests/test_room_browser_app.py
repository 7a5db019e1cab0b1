"""The facilitator's TUI (Pilot) shows, live, a topic a participant typed in a real browser.

Its own module: Playwright's sync API runs here in a worker thread, beside the app's loop,
which cannot share a module with test_room_browser.py's module-wide browser.
"""

from __future__ import annotations

import datetime as dt

import pytest

from poforum_tui.domain import FakeClock
from tests.conftest import FORUM
from tests.room_browser import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.slow


async def test_the_facilitators_board_shows_a_topic_typed_in_a_browser(sessions_dir) -> None:
    import asyncio

    from tests.conftest import make_app

    path = chromium_path()
    clock = FakeClock(dt.datetime(2026, 11, 17, 10, 0, 0))
    app = make_app(sessions_dir, FORUM, clock, room_host="127.0.0.1", room_port=0)

    def participant(url: str) -> str:
        from playwright.sync_api import expect, sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 390, "height": 844})
                page.goto(url)
                page.get_by_label("Your name").fill("Priya Natarajan")
                page.get_by_role("button", name="Join").click()
                page.get_by_label("Topic").fill("Typed on a phone")
                page.get_by_role("button", name="Add").click()
                expect(page.get_by_role("button", name="Vote for Typed on a phone")).to_be_visible()
                return page.locator("#votes-used").text_content()
            finally:
                browser.close()

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "j")
        await pilot.pause()
        used = await asyncio.to_thread(participant, app.room_server.url)
        assert used == "0 of 3 votes used"
        await pilot.press("escape")
        await pilot.pause()
        topic = app.session.board.topics[-1]
        assert (topic.title, topic.author) == ("Typed on a phone", "Priya Natarajan")
        app.screen.focus_item(topic.id)
        await pilot.pause()
        detail = str(app.screen.query_one("#board-detail").render())
        assert detail.startswith("Typed on a phone\nPriya Natarajan")
