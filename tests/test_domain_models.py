"""Model validation and the foundation's pure operations."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from poforum_tui.domain import AgendaItem, Board, Column, DomainError, Session, Topic
from poforum_tui.domain import agenda as agenda_ops
from poforum_tui.domain import board as board_ops
from poforum_tui.domain import decisions as decision_ops
from poforum_tui.domain import participants as participant_ops
from poforum_tui.domain.ids import next_id, slugify

DAY = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 12, 1, 10, 0, 0)


def session() -> Session:
    return Session(
        title="Forum",
        date=DAY,
        agenda=(
            AgendaItem(id="a", title="Intro", minutes=10),
            AgendaItem(id="b", title="Dilemmas", minutes=20),
        ),
        board=Board(
            columns=(Column(id="c1", title="Collected"), Column(id="c2", title="Discussed")),
            topics=(
                Topic(id="t1", title="Split stories", column="c1"),
                Topic(id="t2", title="DoD owner", column="c1", votes={"Dana": 1}),
                Topic(id="t3", title="Tools", column="c2"),
            ),
        ),
    )


@pytest.mark.parametrize("minutes", [0, -3, 481, 10**12])
def test_timebox_out_of_range_is_refused(minutes: int) -> None:
    with pytest.raises(ValidationError, match=r"must be 1\.\.480"):
        AgendaItem(id="a", title="A", minutes=minutes)


@pytest.mark.parametrize("value", ["10", 10.5, True])
def test_timebox_must_be_a_whole_number(value) -> None:
    with pytest.raises(ValidationError):
        AgendaItem(id="a", title="A", minutes=value)


@pytest.mark.parametrize("title", ["", "   ", "\t\n"])
def test_blank_titles_are_refused(title: str) -> None:
    with pytest.raises(ValidationError, match="must not be empty"):
        Topic(id="t", title=title, column="c")


def test_blank_optional_text_means_absent() -> None:
    assert Topic(id="t", title="x", column="c", author="  ").author is None


def test_running_item_needs_started_at() -> None:
    with pytest.raises(ValidationError, match="needs started_at"):
        AgendaItem(id="a", title="A", minutes=5, status="running")


def test_vote_budget_defaults_to_a_third_of_topics() -> None:
    assert session().board.vote_budget() == 1
    assert Board(votes_per_person=5).vote_budget() == 5
    topics = tuple(Topic(id=f"t{i}", title="x", column="c") for i in range(7))
    assert Board(columns=(Column(id="c", title="C"),), topics=topics).vote_budget() == 3


def test_ids_and_slugs() -> None:
    assert next_id("t", ["t1", "t9", "intro", "tx"]) == "t10"
    assert slugify("PO Forum #2 — Q1 / 2027!") == "po-forum-2-q1-2027"
    assert slugify("—") == "session"


def test_agenda_timer_start_pause_next() -> None:
    s = agenda_ops.toggle(session(), NOW)
    assert s.agenda[0].status == "running" and s.agenda[0].started_at == NOW
    later = NOW + dt.timedelta(minutes=3)
    s = agenda_ops.toggle(s, later)
    assert s.agenda[0].status == "paused" and s.agenda[0].spent_seconds == 180
    s = agenda_ops.toggle(s, later + dt.timedelta(minutes=5))
    s = agenda_ops.next_item(s, later + dt.timedelta(minutes=6))
    assert s.agenda[0].status == "done" and s.agenda[0].spent_seconds == 240
    assert s.agenda[1].status == "running"
    assert agenda_ops.remaining_seconds(s.agenda[1], later + dt.timedelta(minutes=27)) == -60


def test_agenda_edit_refuses_bad_timebox_with_reason() -> None:
    with pytest.raises(DomainError, match="shortest timebox, 1 minute"):
        agenda_ops.adjust_timebox(session(), "a", -10)
    with pytest.raises(DomainError, match=r"minutes: must be 1\.\.480"):
        agenda_ops.edit_item(session(), "a", minutes=0)


def test_board_move_reorder_sort_vote() -> None:
    s = board_ops.move_topic(session(), "t1", +1)
    assert s.topic("t1").column == "c2"
    assert board_ops.move_topic(s, "t1", +1) is s  # last column: nothing moves
    s = board_ops.reorder_topic(session(), "t2", -1)
    assert [t.id for t in s.board.topics_in("c1")] == ["t2", "t1"]
    s = board_ops.sort_column(board_ops.vote(session(), "t1", "Eli"), "c1")
    assert [t.id for t in s.board.topics_in("c1")] == ["t1", "t2"]  # tie keeps order


def test_vote_budget_is_enforced_with_who_used_how_many() -> None:
    s = board_ops.vote(session(), "t1", "Eli")
    with pytest.raises(DomainError, match=r"Eli has used 1 of 1 vote$"):
        board_ops.vote(s, "t3", "Eli")
    s = board_ops.unvote(s, "t1", "Eli")
    assert s.topic("t1").votes == {}


def test_deleting_a_topic_unlinks_decisions() -> None:
    s = decision_ops.add_decision(session(), "action", "Write DoD", topic="t2")
    s = board_ops.delete_topic(s, "t2")
    assert s.decisions[0].topic is None
    Session.model_validate(s.model_dump(by_alias=True))


def test_delete_column_with_topics_needs_a_destination() -> None:
    with pytest.raises(DomainError, match="choose another column"):
        board_ops.delete_column(session(), "c1")
    s = board_ops.delete_column(session(), "c1", move_to="c2")
    assert [t.column for t in s.board.topics] == ["c2", "c2", "c2"]


def test_decision_status_cycles() -> None:
    s = decision_ops.add_decision(session(), "decision", "Adopt story mapping")
    statuses = []
    for _ in range(3):
        s = decision_ops.cycle_status(s, "d1")
        statuses.append(s.decisions[0].status)
    assert statuses == ["done", "dropped", "open"]


def test_decision_must_link_an_existing_topic() -> None:
    with pytest.raises(DomainError, match="'t9' is not a topic"):
        decision_ops.add_decision(session(), "action", "x", topic="t9")


def test_participants() -> None:
    s = participant_ops.add_participant(session(), " Dana Levi ", role="chief-po")
    assert s.participants[0].name == "Dana Levi"
    with pytest.raises(DomainError, match="already a participant"):
        participant_ops.add_participant(s, "Dana Levi")
    s = participant_ops.set_working_agreement(s, ["Cameras on", " ", "Timebox everything"])
    assert s.working_agreement == ("Cameras on", "Timebox everything")


@pytest.mark.parametrize("pattern", ["0", "7", "7+x", "0+5", "400+100"])
def test_bad_lean_coffee_patterns_are_refused_in_the_file(pattern: str) -> None:
    with pytest.raises(ValidationError):
        AgendaItem(id="a", title="A", minutes=7, pattern=pattern)
    assert AgendaItem(id="a", title="A", minutes=7, pattern=" 7 + 5 + 3 ").pattern == " 7 + 5 + 3 "
