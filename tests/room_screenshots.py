"""Screenshots of the room for docs/: `python -m tests.room_screenshots` (needs chromium).

A running item, a participant who joined, added a topic and voted, at 390x844 and 1280x800.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from poforum_tui.domain import FakeClock
from poforum_tui.domain import agenda as agenda_ops
from poforum_tui.domain import room as room_ops
from poforum_tui.store import load
from tests.conftest import EXAMPLES, FORUM
from tests.room_browser import CHROMIUM_ARGS, ThreadedRoom
from tests.room_host import FakeHost

SIZES = {"phone": (390, 844), "laptop": (1280, 800)}
NAMES = {"phone": "Aisha Bello", "laptop": "Lars Eriksen"}


def main(folder: Path) -> int:
    clock = FakeClock(dt.datetime(2026, 11, 17, 10, 3, 20))
    session = load(EXAMPLES / FORUM)
    start = dt.datetime(2026, 11, 17, 10, 0, 0)
    session = agenda_ops.start(session, session.agenda[0].id, start)
    for voter, topic in [("Maya Goldberg", 0), ("Noa Barak", 0), ("Tomás Reyes", 2)]:
        session = room_ops.vote(session, session.board.topics[topic].id, voter)
    room = ThreadedRoom(FakeHost(session, clock))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            for kind, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                page.goto(room.url)
                page.get_by_label("Your name").fill(NAMES[kind])
                page.get_by_role("button", name="Join").click()
                if kind == "phone":
                    page.get_by_label("Topic").fill("Who decides when two teams need one API?")
                    page.get_by_role("button", name="Add").click()
                first = room.host.session.board.topics[0].title
                page.get_by_role("button", name=f"Vote for {first}").click()
                expect(page.locator("#votes-used")).to_have_text("1 of 3 votes used")
                page.get_by_label("Topic").fill("")
                page.evaluate("window.scrollTo(0, 0); document.activeElement.blur()")
                page.screenshot(path=str(folder / f"room-{kind}.png"))
                context.close()
            browser.close()
    finally:
        room.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs")))
