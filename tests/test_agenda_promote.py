"""`t` fits the meeting: a promoted topic goes after the running item or into the "Discuss"
block (taking its minutes), so the planned end does not move; Lean Coffee cards follow."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from poforum_tui.domain import AgendaItem, Board, Column, Session, Topic
from poforum_tui.domain import agenda as agenda_ops
from poforum_tui.domain import board as ops
from poforum_tui.domain.agenda_plan import meeting_clock
from poforum_tui.store.templates import from_template

NOW = dt.datetime(2026, 11, 17, 10, 0)


def meeting(*items: tuple[str, str, int], kind: str = "po-forum") -> Session:
    columns = (Column(id="new", title="New"), Column(id="top", title="Top"))
    topics = tuple(Topic(id=f"t{n}", title=f"Topic {n}", column="new") for n in range(1, 5))
    agenda = tuple(AgendaItem(id=i, title=title, minutes=m) for i, title, m in items)
    return Session(
        title="Forum",
        date=NOW.date(),
        kind=kind,
        board=Board(columns=columns, topics=topics),
        agenda=agenda,
    )


def ids(session: Session) -> list[str]:
    return [item.id for item in session.agenda]


def planned(session: Session) -> int:
    return sum(item.minutes for item in session.agenda if item.status != "skipped")


def test_without_a_block_it_goes_right_after_the_running_item_in_promotion_order() -> None:
    s = meeting(("open", "Open", 5), ("news", "News", 10), ("close", "Close", 5))
    s = agenda_ops.start(s, "open", NOW)
    s = ops.send_to_agenda(s, "t1", "10", NOW)
    s = ops.send_to_agenda(s, "t2", "10", NOW)
    assert ids(s) == ["open", "discuss-t1", "discuss-t2", "news", "close"]


def test_between_items_it_goes_after_the_last_finished_one() -> None:
    s = meeting(("open", "Open", 5), ("news", "News", 10), ("close", "Close", 5))
    s = agenda_ops.finish(agenda_ops.start(s, "open", NOW), "open", NOW)
    assert ids(ops.send_to_agenda(s, "t1")) == ["open", "discuss-t1", "news", "close"]


def test_before_the_meeting_without_a_block_it_is_appended() -> None:
    s = meeting(("open", "Open", 5), ("close", "Close", 5))
    assert ids(ops.send_to_agenda(s, "t1")) == ["open", "close", "discuss-t1"]


def test_a_pending_discuss_block_gives_its_minutes_and_goes_when_it_has_none_left() -> None:
    s = meeting(("open", "Open", 5), ("discuss", "Discuss the top topics", 25), ("close", "X", 5))
    s = agenda_ops.start(s, "open", NOW)
    end = s.end
    s = ops.send_to_agenda(s, "t1", "10", NOW)
    s = ops.send_to_agenda(s, "t2", "10", NOW)
    assert ids(s) == ["open", "discuss-t1", "discuss-t2", "discuss", "close"]
    assert s.item("discuss").minutes == 5 and planned(s) == 35 and s.end == end
    s = ops.send_to_agenda(s, "t3", "10", NOW)  # only 5 minutes left in the block
    assert ids(s) == ["open", "discuss-t1", "discuss-t2", "discuss-t3", "close"]
    assert s.item("discuss-t3").minutes == 5 and planned(s) == 35
    s = ops.send_to_agenda(s, "t4", "10", NOW)  # no block left: after the running item's queue
    assert ids(s)[-2:] == ["discuss-t4", "close"] and planned(s) == 45


def test_a_running_block_keeps_what_it_has_used_and_the_topic_follows_it() -> None:
    s = meeting(("discuss", "Discuss", 30), ("close", "Close", 5))
    s = agenda_ops.start(s, "discuss", NOW)
    later = NOW + dt.timedelta(minutes=12, seconds=10)
    before = meeting_clock(s, later)
    s = ops.send_to_agenda(s, "t1", "10", later)
    s = ops.send_to_agenda(s, "t2", "10", later)
    assert ids(s) == ["discuss", "discuss-t1", "discuss-t2", "close"]
    assert s.item("discuss").minutes == 13  # 12:10 used, rounded up to 13
    assert [s.item("discuss-t1").minutes, s.item("discuss-t2").minutes] == [10, 7]
    after = meeting_clock(s, later)
    assert (after.planned_end, after.projected_end) == (before.planned_end, before.projected_end)


def test_a_pattern_longer_than_what_the_block_has_left_becomes_plain_minutes() -> None:
    s = meeting(("discuss", "Discuss", 5), kind="lean-coffee")
    item = ops.send_to_agenda(s, "t1", "7+5+3").item("discuss-t1")
    assert (item.minutes, item.pattern) == (5, None)
    kept = ops.send_to_agenda(meeting(("discuss", "Discuss", 40)), "t1", "7+5+3")
    assert (kept.item("discuss-t1").minutes, kept.item("discuss-t1").pattern) == (7, "7+5+3")


def test_the_kickoff_template_keeps_its_planned_end_when_the_top_topics_are_promoted() -> None:
    s = from_template("po-forum-kickoff", title="Kickoff", date=NOW.date())
    s = ops.add_topic(s, s.board.columns[0].id, "Who owns the DoD?")
    topic = s.board.topics[-1].id
    s = agenda_ops.start(s, s.agenda[0].id, NOW)
    clock = meeting_clock(s, NOW)
    promoted = ops.send_to_agenda(s, topic, "10", NOW)
    assert planned(promoted) == planned(s)
    after = meeting_clock(promoted, NOW)
    assert (after.planned_end, after.projected_end) == (clock.planned_end, clock.projected_end)
    block = ops.discussion_block(s)
    assert block is not None
    assert ids(promoted).index(f"discuss-{topic}") == ids(promoted).index(block.id) - 1


@given(st.lists(st.integers(1, 40), min_size=1, max_size=6), st.integers(1, 90))
def test_promoting_into_a_block_never_moves_the_planned_total(asks: list[int], block: int) -> None:
    s = meeting(("open", "Open", 5), ("discuss", "Discuss", block), ("close", "Close", 5))
    total = planned(s)
    for n, minutes in enumerate(asks[:4], start=1):
        had_block = ops.discussion_block(s) is not None
        s = ops.send_to_agenda(s, f"t{n}", str(minutes))
        assert planned(s) == total if had_block else planned(s) == total + minutes
        total = planned(s)


def test_lean_coffee_cards_move_to_discussing_and_discussed_with_their_item() -> None:
    s = from_template("lean-coffee", title="LC", date=NOW.date())
    s = ops.add_topic(s, "to-discuss", "Pairing across teams")
    topic = s.board.topics[-1].id
    s = ops.send_to_agenda(s, topic)
    item = next(i for i in s.agenda if i.topic == topic)
    column = lambda session: next(t.column for t in session.board.topics if t.id == topic)  # noqa: E731
    assert column(s) == "to-discuss"
    s = agenda_ops.start(s, item.id, NOW)
    assert column(s) == "discussing"
    s = agenda_ops.next_item(s, NOW + dt.timedelta(minutes=7))
    assert column(s) == "discussed"


def test_other_kinds_of_session_leave_the_cards_where_they_are() -> None:
    s = ops.send_to_agenda(meeting(("open", "Open", 5)), "t1")
    s = agenda_ops.next_item(agenda_ops.start(s, "discuss-t1", NOW), NOW)
    assert next(t.column for t in s.board.topics if t.id == "t1") == "new"


async def test_t_on_the_board_fills_the_discuss_block_and_says_so(tmp_path) -> None:
    from poforum_tui.domain import FakeClock
    from poforum_tui.screens.board.handoff_forms import TimeboxForm
    from poforum_tui.store.create import create_session_file
    from tests.conftest import make_app, notice_texts

    s = from_template("po-forum-kickoff", title="Kickoff", date=NOW.date())
    s = ops.add_topic(s, s.board.columns[0].id, "Who owns the DoD?")
    path = create_session_file(tmp_path, s)
    clock = FakeClock(NOW)
    app = make_app(tmp_path, path.name, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        clock.advance(minutes=3)
        before = meeting_clock(app.session, clock.now())
        block = ops.discussion_block(app.session)
        await pilot.press("2", "t")
        assert isinstance(app.screen, TimeboxForm)
        await pilot.press("enter")
        agenda = app.session.agenda
        index = next(i for i, item in enumerate(agenda) if item.topic == s.board.topics[-1].id)
        assert agenda[index + 1].id == block.id
        assert agenda[index + 1].minutes == block.minutes - agenda[index].minutes
        after = meeting_clock(app.session, clock.now())
        assert (after.planned_end, after.projected_end) == (
            before.planned_end,
            before.projected_end,
        )
        assert "the planned end stays" in notice_texts(app)[-1]
