"""Smaller edges seen at 80x24 (issue 16.12): every key says what it did, in words that read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.domain import FakeClock
from poforum_tui.domain import agenda as agenda_ops
from poforum_tui.domain import board as board_ops
from poforum_tui.domain import decisions as decision_ops
from poforum_tui.screens.agenda.item_form import KeepDiscussingScreen
from poforum_tui.widgets.footer import KeyFooter
from poforum_tui.widgets.literal import quoted
from tests.conftest import FORUM, make_app, notice_texts


async def test_home_and_end_go_to_the_first_and_last_row(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one("#agenda-table")
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("0")
        sessions = app.screen.query_one("#sessions-table")
        await pilot.press("end")
        assert sessions.cursor_row == sessions.row_count - 1 > 0
        await pilot.press("home")
        assert sessions.cursor_row == 0


async def test_ctrl_c_names_the_quit_key_in_plain_words(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert "Press ^q to quit the app" in notice_texts(app)[-1]
        assert "[b]" not in notice_texts(app)[-1]


async def test_deleting_a_topic_says_what_loses_its_link(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        topic = next(t for t in app.session.board.topics if t.id == "t5")  # on the agenda
        app.change(lambda s: board_ops.vote(s, "t5", "Maya Goldberg"))
        app.change(lambda s: decision_ops.add_decision(s, "action", "Draft a roadmap", topic="t5"))
        await pilot.press("2")
        app.screen.focus_item(topic.id)
        await pilot.pause()
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        text = app.screen.question
        assert "Its 1 vote goes with it" in text
        assert f"agenda item {quoted('Discuss: No shared roadmap view across domains')}" in text
        assert "no longer links to it" in text
        assert f"decision {quoted('Draft a roadmap')} no longer links to it" in text


async def test_the_keep_discussing_question_is_not_covered_by_toasts(sessions_dir: Path) -> None:
    clock = FakeClock(dt.datetime(2026, 11, 17, 9, 30))
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.change(lambda s: agenda_ops.edit_item(s, "follow-ups", minutes=7, pattern="7+5+3"))
        await pilot.press("space")
        agenda = app.screen
        agenda.tick()
        clock.advance(7 * 60)
        agenda.tick()  # "time is up", then the question
        await pilot.pause()
        assert isinstance(app.screen, KeepDiscussingScreen)
        assert notice_texts(app) == [], notice_texts(app)  # no toast lies over the question


async def test_counts_read_as_words_and_hints_name_the_live_key(sessions_dir: Path) -> None:
    from poforum_tui.store.settings import Settings, save_settings

    save_settings(Settings(keys={"decisions-outcome": "u"}))
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        follow_ups = [d for d in app.session.decisions if d.carried_from]
        for decision in follow_ups[:-1]:
            app.change(lambda s, d=decision: decision_ops.set_outcome(s, d.id, "done", None))
        await pilot.pause()
        title = str(app.screen.query_one("#followups-title").render())
        summary = str(app.screen.query_one("#decisions-summary").render())
        assert "1 needs an outcome (u)" in title
        assert summary.startswith(f"1 of {len(follow_ups)} follow-ups lacks an outcome")


async def test_the_agenda_footer_keeps_the_screens_and_help_at_100_columns(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = app.screen.query_one(KeyFooter).render_line(0).text
        for key in ("space Start/Pause", "n Next", "0 1 2 3 4 Screens ? Help"):
            assert key in text, text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        text = app.screen.query_one(KeyFooter).render_line(0).text
        assert "n Next" in text and "0 1 2 3 4 Screens ? Help" in text, text


def test_one_vote_is_one_vote_in_search_and_the_dependencies_export() -> None:
    """Wording: "1 vote", not "1 votes" (issue 16.12)."""
    import datetime as dt

    from poforum_tui.domain import Board, Column, Session, Topic
    from poforum_tui.domain.records import ConfidenceVote
    from poforum_tui.store.export.markdown_dependencies import sections
    from poforum_tui.store.search import items_of

    session = Session(
        title="S",
        kind="po-forum",
        date=dt.date(2026, 12, 1),
        board=Board(
            columns=(Column(id="c", title="C"),),
            topics=(Topic(id="t1", title="T", column="c", votes={"Dana": 1}),),
        ),
        confidence=(ConfidenceVote(id="c1", question="Will we make it?", votes={"Dana": 4}),),
    )
    details = [detail for kind, _, _, detail in items_of(session) if kind == "topic"]
    assert details == ["1 vote · C"]
    assert "(1 vote, average 4.0)" in "\n".join(sections(session))
