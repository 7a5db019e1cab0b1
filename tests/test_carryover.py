"""Carry-over rules: what moves to the next session, what stays behind, ids and counts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poforum_tui.domain import DomainError
from poforum_tui.domain import decisions as ops
from poforum_tui.domain.carryover import (
    next_session,
    suggest_date,
    suggest_title,
    with_escalations,
)
from poforum_tui.store import dumps, from_template, load, parse, save, template_names
from poforum_tui.store.carryover import session_after
from poforum_tui.store.create import create_session_file
from tests.conftest import EXAMPLES, FORUM, KICKOFF, METASCRUM
from tests.test_store_save import sessions

NEXT = dt.date(2026, 11, 17)


@pytest.fixture
def kickoff():
    return load(EXAMPLES / KICKOFF)


def carry(previous, template="po-forum", name=KICKOFF, title="PO Forum #2", date=NEXT):
    return next_session(previous, name, from_template(template) if template else None, title, date)


def test_open_items_carry_with_same_id_source_and_count(kickoff) -> None:
    session = carry(kickoff)
    open_ids = [d.id for d in kickoff.decisions if d.status == "open"]
    assert [d.id for d in session.decisions] == open_ids == ["d1", "d2", "d3", "d4", "d5", "d7"]
    assert all(d.carried_from == KICKOFF and d.carried == 1 for d in session.decisions)
    assert session.decision("d3").hypothesis == kickoff.decision("d3").hypothesis
    assert session.decision("d1").rationale == kickoff.decision("d1").rationale
    assert len(ops.awaiting_outcome(session)) == 6


def test_done_and_dropped_stay_behind_and_counts_grow(kickoff) -> None:
    second = carry(kickoff)
    second = ops.set_outcome(second, "d2", "done")
    second = ops.set_outcome(second, "d7", "drop")
    second = ops.set_outcome(second, "d3", "keep")
    second = ops.set_outcome(second, "d4", "escalate", "metascrum")
    second = ops.add_decision(second, "action", "Draft the roadmap page", owner="Lars Eriksen")
    third = carry(second, name="2026-11-17-po-forum-2.toml", title="PO Forum #3")
    by_id = {d.id: d for d in third.decisions}
    assert sorted(by_id) == ["d1", "d3", "d4", "d5", "d8"]
    assert (by_id["d3"].carried, by_id["d8"].carried) == (2, 1)
    assert all(d.carried_from == "2026-11-17-po-forum-2.toml" for d in third.decisions)
    assert all(d.outcome is None for d in third.decisions)  # reviewed afresh
    assert by_id["d4"].escalate_to == "metascrum"  # the escalation mark stays visible


def test_session_fields_people_and_agenda(kickoff) -> None:
    session = carry(kickoff)
    assert (session.title, session.date, session.kind) == ("PO Forum #2", NEXT, "po-forum")
    assert session.follows == KICKOFF
    assert session.start == kickoff.start
    assert session.facilitators == kickoff.facilitators
    assert session.working_agreement == kickoff.working_agreement
    assert [p.name for p in session.participants] == [p.name for p in kickoff.participants]
    assert all(p.present for p in session.participants)  # Keiko missed the kickoff only
    first = session.agenda[0]
    assert (first.id, first.title, first.status) == ("follow-ups", "Follow-ups", "pending")
    assert first.notes == "6 items carried from PO Forum #1 — kickoff: an outcome for each"
    assert all(i.status == "pending" and i.spent_seconds == 0 for i in session.agenda)


def test_board_topics_move_to_first_column_votes_cleared_most_voted_first(kickoff) -> None:
    session = carry(kickoff)
    board = session.board
    assert board.column_ids() == ["collected", "prioritized", "discussed", "parked"]
    assert all(t.votes == {} for t in board.topics)
    parked = {t.id for t in kickoff.board.topics if t.column == "parked"}
    carried = [t.id for t in board.topics]
    assert parked.isdisjoint(carried)  # t13 stays behind: no open item links it
    assert len(carried) == len(kickoff.board.topics) - len(parked)
    assert all(t.column == "collected" for t in board.topics)
    assert carried[:4] == ["t4", "t1", "t6", "t5"]  # 6, 4, 3, 2 votes last time
    assert board.votes_per_person == kickoff.board.votes_per_person
    assert {d.topic for d in session.decisions if d.topic} <= set(carried)


def test_a_parked_topic_linked_by_an_open_item_comes_along_parked(kickoff) -> None:
    linked = ops.add_decision(kickoff, "action", "Ask HR about value streams", topic="t13")
    session = carry(linked)
    t13 = session.topic("t13")
    assert t13.column == "parked" and t13.votes == {}
    assert session.decisions[-1].topic == "t13"


def test_follow_ups_item_is_added_when_the_template_has_none(kickoff) -> None:
    session = carry(kickoff, template="lean-coffee", title="Lean Coffee")
    assert session.kind == "lean-coffee"
    assert session.agenda[0].title == "Follow-ups"
    assert len({i.id for i in session.agenda}) == len(session.agenda)


def test_without_a_template_the_previous_agenda_is_reset(kickoff) -> None:
    session = carry(kickoff, template=None)
    assert session.kind == "po-forum"
    assert session.agenda[0].title == "Follow-ups"
    titles = [i.title for i in session.agenda[1:]]
    assert titles == [i.title for i in kickoff.agenda]
    assert all(i.status == "pending" and i.spent_seconds == 0 for i in session.agenda)
    assert session.board.column_ids() == kickoff.board.column_ids()


def test_nothing_open_still_starts_with_follow_ups(kickoff) -> None:
    closed = kickoff
    for decision in kickoff.decisions:
        if decision.status == "open":
            closed = ops.edit_decision(closed, decision.id, status="done")
    session = carry(closed)
    assert session.decisions == ()
    assert session.agenda[0].notes == "Nothing left open at PO Forum #1 — kickoff"


def test_result_round_trips_through_the_file(kickoff) -> None:
    session = carry(kickoff)
    assert parse(dumps(session).encode(), "carried") == session


def test_empty_title_is_refused(kickoff) -> None:
    with pytest.raises(DomainError, match="title"):
        carry(kickoff, title="   ")


def test_suggested_title_and_date() -> None:
    assert suggest_title("PO Forum #1 — kickoff") == "PO Forum #2"
    assert suggest_title("MetaScrum — Sprint 24") == "MetaScrum — Sprint 25"
    assert suggest_title("PO sync") == "PO sync"
    forum, metascrum = load(EXAMPLES / FORUM), load(EXAMPLES / METASCRUM)
    assert suggest_date(forum, dt.date(2026, 11, 1)) == dt.date(2026, 12, 1)
    assert suggest_date(forum, dt.date(2026, 12, 5)) == dt.date(2026, 12, 5)
    assert suggest_date(metascrum, dt.date(2026, 11, 1)) == dt.date(2026, 12, 8)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(previous=sessions(), template=st.sampled_from([None, *template_names()]))
def test_any_session_carries_over_keeping_every_invariant(previous, template) -> None:
    session = carry(previous, template=template, name="prev.toml", title="Next")
    open_items = [d for d in previous.decisions if d.status == "open"]
    assert [d.id for d in session.decisions] == [d.id for d in open_items]
    for before, after in zip(open_items, session.decisions, strict=True):
        assert (after.carried, after.carried_from, after.outcome) == (
            before.carried + 1,
            "prev.toml",
            None,
        )
        assert after.topic == before.topic  # never lost: a linked topic always comes along
    topic_ids = {t.id for t in session.board.topics}
    assert {d.topic for d in session.decisions if d.topic} <= topic_ids
    assert all(t.votes == {} for t in session.board.topics)
    assert session.agenda[0].title == "Follow-ups"
    assert all(i.status == "pending" and i.started_at is None for i in session.agenda)
    assert parse(dumps(session).encode(), "next.toml") == session


def test_escalations_arrive_as_the_same_records_first_and_once() -> None:
    metascrum = load(EXAMPLES / METASCRUM)
    forum = ops.set_outcome(carry(load(EXAMPLES / KICKOFF)), "d4", "escalate", "metascrum")
    item = forum.decision("d4")
    pair = ("2026-11-17-po-forum.toml", "PO Forum #2", item)
    escalated = with_escalations(metascrum, [pair, pair])
    first = escalated.decisions[0]
    assert first.text == item.text and first.carried_from == "2026-11-17-po-forum.toml"
    assert (first.id, first.carried_id) == ("d4", None)
    assert first.topic is None  # the forum's topic ids mean nothing on this board
    assert first.carried == item.carried + 1 and first.outcome is None
    assert len(escalated.decisions) == len(metascrum.decisions) + 1
    assert escalated.board == metascrum.board  # no copies on the board that could drift
    opening = escalated.agenda[0]
    assert opening.title == "Escalated to this MetaScrum"
    assert "escalated by the po-forum on 2026-11-17" in opening.notes
    again = with_escalations(escalated, [pair])
    assert again.decisions == escalated.decisions and again.agenda == escalated.agenda


def test_next_metascrum_receives_what_forums_escalated_since_the_last(sessions_dir) -> None:
    forum3 = session_after(sessions_dir / FORUM, date=dt.date(2026, 12, 1))
    forum3 = ops.set_outcome(forum3, "d4", "escalate", "metascrum")
    forum3 = ops.set_outcome(forum3, "d3", "escalate", "po-sync")
    forum3 = ops.set_outcome(forum3, "d1", "keep")
    create_session_file(sessions_dir, forum3)
    old = ops.set_outcome(load(sessions_dir / FORUM), "d2", "escalate", "metascrum")
    save(old, sessions_dir / FORUM)  # escalated before the last MetaScrum: it had its turn
    nxt = session_after(sessions_dir / METASCRUM, date=dt.date(2026, 12, 8))
    texts = [d.text for d in nxt.decisions]
    assert texts[0] == forum3.decision("d4").text  # the same record, listed first
    assert nxt.decisions[0].carried_from == "2026-12-01-po-forum-3.toml"
    assert forum3.decision("d3").text not in texts  # that one is for a PO sync
    assert old.decision("d2").text not in texts  # escalated before the last MetaScrum
    assert nxt.agenda[0].id == "escalated-here"
    sync = session_after(sessions_dir / METASCRUM, template="po-sync", date=dt.date(2026, 12, 8))
    assert sync.decisions[0].text == forum3.decision("d3").text
