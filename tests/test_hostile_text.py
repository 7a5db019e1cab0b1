"""Hostile text in every field: it round-trips through save/load and renders literally."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from poforum_tui.domain import AgendaItem, Board, Column, Decision, Participant, Session, Topic
from poforum_tui.screens.agenda.agenda_table import AgendaTable
from poforum_tui.store import dumps, parse, save
from poforum_tui.widgets.literal import CELL_WIDTH, clean, clip
from tests.conftest import make_app

TEXT = st.text(min_size=1, max_size=40).filter(str.strip)
OPTIONAL = st.none() | st.text(min_size=1, max_size=40)
FILE_NAME = st.text(
    st.characters(exclude_characters="/\\", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=30,
).filter(lambda n: n.strip() and n not in (".", "..") and n[0] != "~" and n[1:2] != ":")


@st.composite
def sessions(draw) -> Session:
    """A one-of-everything session whose every text field is arbitrary Unicode."""
    column, topic = draw(TEXT), draw(TEXT)
    return Session(
        title=draw(TEXT),
        kind="po-forum",
        date=dt.date(2026, 12, 1),
        facilitators=(draw(TEXT),),
        follows=draw(st.none() | FILE_NAME),
        working_agreement=(draw(TEXT), draw(TEXT)),
        participants=(Participant(name=draw(TEXT), domain=draw(OPTIONAL)),),
        agenda=(
            AgendaItem(
                id=draw(TEXT),
                title=draw(TEXT),
                minutes=draw(st.integers(1, 480)),
                owner=draw(OPTIONAL),
                notes=draw(OPTIONAL),
                pattern=None,  # a pattern is shown beside the title: see test_agenda_*
            ),
        ),
        board=Board(
            categories=(draw(TEXT),),
            columns=(Column(id=column, title=draw(TEXT)),),
            topics=(
                Topic(
                    id=topic,
                    title=draw(TEXT),
                    column=column,
                    author=draw(OPTIONAL),
                    category=draw(OPTIONAL),
                    votes={draw(TEXT): draw(st.integers(1, 9))},
                ),
            ),
        ),
        decisions=(
            Decision(
                id=draw(TEXT),
                kind="experiment",
                text=draw(TEXT),
                owner=draw(OPTIONAL),
                topic=topic,
                carried_from=draw(st.none() | FILE_NAME),
                rationale=draw(OPTIONAL),
                decided_by=draw(OPTIONAL),
                hypothesis=draw(OPTIONAL),
                measure=draw(OPTIONAL),
                escalate_to=draw(OPTIONAL),
            ),
        ),
    )


@settings(max_examples=300, deadline=None)
@given(sessions())
def test_any_unicode_round_trips(session: Session) -> None:
    text = dumps(session)
    assert parse(text.encode("utf-8"), "hypothesis.toml") == session
    assert dumps(parse(text.encode("utf-8"), "hypothesis.toml")) == text


async def visit_every_screen(folder: Path, session: Session) -> None:
    path = folder / "hostile.toml"
    save(session, path)
    app = make_app(folder, path.name)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("1", "2", "3", "0", "1"):
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running
        table = app.screen.query_one(AgendaTable)
        shown = str(table.get_row_at(0)[1])  # the title, then the item's pattern if it has one
        assert shown.startswith(clip(clean(session.agenda[0].title), CELL_WIDTH).removesuffix("…"))
        assert cell_len(shown) <= CELL_WIDTH
        assert app.title == clip(clean(session.title), 200)
        await pilot.press("ctrl+q")


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@pytest.mark.slow  # a sweep of every screen: the slow tier (make test-all, CI)
@given(sessions())
def test_any_unicode_renders_on_every_screen(session: Session) -> None:
    folder = Path(tempfile.mkdtemp(prefix="poforum-hostile-"))
    try:
        asyncio.run(visit_every_screen(folder, session))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


HOSTILE = {
    "markup": "[bold]x[/] [/oops] [@click=app.quit]q[/]",
    "control": "ctl\x07\x1b[31mred\x00\x7f\x85end",
    "rtl": "مرحبا بالعالم \u202eevil\u202c",
    "emoji and CJK": "😀👩‍👩‍👧‍👦🏳️‍🌈 中文字符テスト한국어",
    "2,000 characters": "W" * 2000,
    "spaces around": "   x   ",
    "line breaks": "tab\there\nnew\r\nline",
}


async def test_the_issue_s_hostile_cases_render_literally_at_80x24(tmp_path: Path) -> None:
    from poforum_tui.domain import agenda, board, decisions

    session = Session(
        title=HOSTILE["markup"],
        kind="po-forum",
        date=dt.date(2026, 12, 1),
        board=Board(columns=(Column(id="c", title=HOSTILE["rtl"]),)),
    )
    for text in HOSTILE.values():
        session = agenda.add_item(session, text, 480, owner=text)
        session = board.add_topic(session, "c", text, author=text, category=text)
        session = decisions.add_decision(session, "action", text, owner=text)
    path = tmp_path / "hostile.toml"
    save(session, path)
    app = make_app(tmp_path, path.name)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(AgendaTable)
        titles = [str(table.get_row_at(row)[1]) for row in range(table.row_count)]
        assert titles[0] == HOSTILE["markup"]  # shown literally, not styled, no click action
        assert titles[1] == "ctl\ufffd\ufffd[31mred\ufffd\ufffd\ufffdend"
        assert titles[2] == "مرحبا بالعالم \ufffdevil\ufffd"
        assert titles[4] == "W" * (CELL_WIDTH - 1) + "…"
        assert titles[6] == "tab here new line"
        for key in ("2", "3", "0", "1"):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running and app.title == HOSTILE["markup"]


async def test_a_screen_s_notice_shows_user_text_literally(tmp_path: Path) -> None:
    """Screens' notices are not read as markup (Textual's Screen.notify reads markup)."""
    from poforum_tui.domain import board
    from tests.conftest import notices

    session = Session(
        title="Hostile",
        kind="po-forum",
        date=dt.date(2026, 12, 1),
        board=Board(columns=(Column(id="c", title=HOSTILE["markup"]),)),
    )
    session = board.add_topic(session, "c", "Only topic")
    save(session, tmp_path / "hostile.toml")
    app = make_app(tmp_path, "hostile.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "s")  # "'…' is already sorted by votes."
        shown = notices(app)[-1]
        assert HOSTILE["markup"] in shown.message and not shown.markup
