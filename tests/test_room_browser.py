"""The room in a real browser: Playwright driving Debian's Chromium against a real server.

Every server binds 127.0.0.1 on a free port and is stopped after its test.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from poforum_tui.domain import FakeClock
from poforum_tui.domain import agenda as agenda_ops
from poforum_tui.domain import room as room_ops
from poforum_tui.store import load
from tests.conftest import EXAMPLES, FORUM
from tests.room_browser import CHROMIUM_ARGS, ThreadedRoom, chromium_path
from tests.room_host import FakeHost

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 17, 10, 0, 0))


@pytest.fixture
def room(clock):
    running = ThreadedRoom(FakeHost(load(EXAMPLES / FORUM), clock))
    try:
        yield running
    finally:
        running.stop()


def joined_page(browser, room, name: str, viewport=(390, 844)):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.goto(room.url)
    page.get_by_label("Your name").fill(name)
    page.get_by_role("button", name="Join").click()
    expect(page.locator("#me-name")).to_have_text(name)
    return page


def test_a_phone_joins_adds_and_votes_until_refused(browser, room) -> None:
    from playwright.sync_api import expect

    page = joined_page(browser, room, "Ada Lovelace")
    page.get_by_label("Topic").fill("Who signs off a cross-team release?")
    page.get_by_role("button", name="Add").click()
    vote = page.get_by_role("button", name="Vote for Who signs off a cross-team release?")
    expect(vote).to_be_visible()
    topic = room.host.session.board.topics[-1]
    assert (topic.title, topic.author) == ("Who signs off a cross-team release?", "Ada Lovelace")
    for used in (1, 2, 3):
        vote.click()
        expect(page.locator("#votes-used")).to_have_text(f"{used} of 3 votes used")
    vote.click()
    expect(page.get_by_role("alert").filter(has_text="votes")).to_have_text(
        "Ada Lovelace has used 3 of 3 votes"
    )
    page.get_by_role("button", name="Take back a vote from Who signs off").click()
    expect(page.locator("#votes-used")).to_have_text("2 of 3 votes used")
    assert room.host.session.board.topics[-1].votes == {"Ada Lovelace": 2}
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    page.reload()  # the browser remembers the name
    expect(page.locator("#me-name")).to_have_text("Ada Lovelace")
    page.context.close()


def test_hostile_text_is_drawn_as_text(browser, room) -> None:
    from playwright.sync_api import expect

    page = joined_page(browser, room, "<b>Eve</b>", viewport=(1280, 800))
    title = '<img src=x onerror="document.title=1">[b]bold[/b]'
    page.get_by_label("Topic").fill(title)
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_text(title, exact=True)).to_be_visible()
    expect(page.locator("#me-name")).to_have_text("<b>Eve</b>")
    assert page.locator("#board img, #board b").count() == 0
    assert page.title() != "1"
    page.get_by_label("Topic").fill("x" * 2000)
    page.get_by_role("button", name="Add").click()
    expect(page.locator("#add-error")).to_have_text("Topic is 2,000 characters; at most 300 please")
    page.context.close()


def test_twelve_participants_add_twelve_topics_and_36_votes_nothing_lost(browser, room) -> None:
    from playwright.sync_api import expect

    names = [f"PO {n:02d}" for n in range(1, 13)]
    pages = [joined_page(browser, room, name) for name in names]
    for name, page in zip(names, pages, strict=True):
        page.get_by_label("Topic").fill(f"Dilemma of {name}")
        page.get_by_role("button", name="Add").click()
    for page in pages:  # every page sees every topic live
        expect(page.get_by_role("button", name=re.compile("^Vote for Dilemma of"))).to_have_count(
            12
        )
    for round_ in range(3):
        for index, page in enumerate(pages):
            target = names[(index + round_ + 1) % 12]
            page.get_by_role("button", name=f"Vote for Dilemma of {target}").click()
    for page in pages:
        expect(page.locator("#votes-used")).to_have_text("3 of 3 votes used")
    board = room.host.session.board
    added = [t for t in board.topics if t.title.startswith("Dilemma of")]
    assert sorted(t.author for t in added) == names
    assert sum(t.vote_total for t in added) == 36
    assert all(board.votes_used(name) == 3 for name in names)
    assert all(t.vote_total == 3 for t in added)
    for page in pages:
        page.context.close()


def test_the_page_counts_the_running_item_down_and_shows_overrun(browser, room, clock) -> None:
    from playwright.sync_api import expect

    session = room.host.session
    first = session.agenda[0]
    room.run(lambda: room.host.change(lambda s: agenda_ops.start(s, first.id, clock.now())))
    page = joined_page(browser, room, "Ada Lovelace", viewport=(1280, 800))
    expect(page.locator("#item-title")).to_have_text(first.title)
    shown = page.locator("#item-clock").text_content()
    assert shown == f"{first.minutes}:00"
    expect(page.locator("#item-clock")).not_to_have_text(shown)  # counting down, no reload
    assert page.locator("#item-clock").text_content().startswith(f"{first.minutes - 1}:5")
    clock.advance(minutes=first.minutes + 1, seconds=5)
    # The next state the page is sent (here after a topic lands) carries the server's clock.
    room.run(lambda: room.host.change(lambda s: room_ops.add_topic(s, "Bea", "Late idea")))
    expect(page.locator("#item-clock")).to_have_text(re.compile(r"^\+1:0[5-9]$"))
    expect(page.locator("#item-state")).to_have_text("Over time")
    page.context.close()


FAKE_AUDIO = """
window.__beeps = 0;
window.AudioContext = class {
  constructor() { this.currentTime = 0; this.destination = {}; }
  createOscillator() {
    return { frequency: {}, connect: (node) => node, start: () => { window.__beeps += 1; },
             stop: () => {} };
  }
  createGain() {
    return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
             connect: (node) => node };
  }
};
"""


def test_the_sound_at_zero_is_off_until_the_participant_opts_in(browser, room, clock) -> None:
    from playwright.sync_api import expect

    item = room.host.session.agenda[0]
    started = clock.now() - dt.timedelta(seconds=item.minutes * 60 - 2)  # 2 s left
    room.run(lambda: room.host.change(lambda s: agenda_ops.start(s, item.id, started)))
    quiet = joined_page(browser, room, "Quiet One")
    quiet.add_init_script(FAKE_AUDIO)
    quiet.reload()
    expect(quiet.locator("#sound")).not_to_be_checked()
    page = joined_page(browser, room, "Listener")
    page.add_init_script(FAKE_AUDIO)
    page.reload()
    expect(page.locator("#item-clock")).to_have_text(re.compile(r"^0:0[0-2]$"))
    page.get_by_label("Sound when the timebox ends").check()
    page.wait_for_function("() => window.__beeps === 1")
    expect(page.locator("#item-clock")).to_have_text(re.compile(r"^\+0:0\d$"))
    quiet.wait_for_function(
        "() => document.getElementById('item-clock').textContent.startsWith('+')"
    )
    assert quiet.evaluate("window.__beeps") == 0
    for each in (page, quiet):
        each.context.close()


def test_the_page_says_so_when_the_room_closes(browser, clock) -> None:
    from playwright.sync_api import expect

    room = ThreadedRoom(FakeHost(load(EXAMPLES / FORUM), clock))
    try:
        page = joined_page(browser, room, "Ada Lovelace")
        expect(page.locator("#connection")).to_have_text("Live")
    finally:
        room.stop()
    expect(page.locator("#connection")).to_have_text("Room unreachable: retrying…")
    page.context.close()


def test_an_old_link_after_the_room_reopens_says_to_ask_for_the_new_one(browser, clock) -> None:
    from playwright.sync_api import expect

    first = ThreadedRoom(FakeHost(load(EXAMPLES / FORUM), clock))
    port = first.server.url.split(":")[2].split("/")[0]
    try:
        page = joined_page(browser, first, "Ada Lovelace")
        expect(page.locator("#connection")).to_have_text("Live")
    finally:
        first.stop()
    again = ThreadedRoom(FakeHost(load(EXAMPLES / FORUM), clock), port=int(port))
    try:
        assert again.url != first.url  # a new token
        expect(page.locator("#connection")).to_have_text(
            "This room has closed: ask the facilitator for the new link.", timeout=15_000
        )
    finally:
        again.stop()
    page.context.close()


def test_silent_writing_shows_own_topics_and_a_count_until_revealed(browser, room) -> None:
    from playwright.sync_api import expect

    room.run(lambda: room.host.change(lambda s: room_ops.set_setting(s, "cards_hidden", True)))
    others = len(room.host.session.board.topics)
    ada = joined_page(browser, room, "Ada Lovelace")
    bea = joined_page(browser, room, "Bea Fischer")
    ada.get_by_label("Topic").fill("Ada's silent idea")
    ada.get_by_role("button", name="Add").click()
    expect(ada.get_by_text("Ada's silent idea", exact=True)).to_be_visible()
    expect(ada.locator("#board .card")).to_have_count(1)
    expect(ada.locator("#board-note")).to_contain_text(f"{others} more from others")
    expect(bea.locator("#board-note")).to_contain_text(f"{others + 1} more from others")
    assert bea.locator("#board .card").count() == 0
    room.run(lambda: room.host.change(lambda s: room_ops.set_setting(s, "cards_hidden", False)))
    expect(bea.get_by_text("Ada's silent idea", exact=True)).to_be_visible()
    expect(bea.locator("#board .card")).to_have_count(others + 1)
    expect(bea.locator("#board-note")).to_be_hidden()
    for page in (ada, bea):
        page.context.close()
