"""Domain rules of decisions: relative dates, status cycling, follow-up outcomes."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from poforum_tui.domain import DomainError
from poforum_tui.domain import decisions as ops
from poforum_tui.domain.dates import parse_date, relative_label
from poforum_tui.store import load
from tests.conftest import EXAMPLES, FORUM, KICKOFF

BASE = dt.date(2026, 11, 17)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", dt.date(2026, 12, 1)),
        ("  2026-12-01 ", dt.date(2026, 12, 1)),
        ("+7d", dt.date(2026, 11, 24)),
        ("+2w", dt.date(2026, 12, 1)),
        ("+2W", dt.date(2026, 12, 1)),
        ("+0d", BASE),
        ("+ 3 d", dt.date(2026, 11, 20)),
        ("", None),
        ("   ", None),
    ],
)
def test_dates_absolute_and_relative_to_the_session(text: str, expected) -> None:
    assert parse_date(text, BASE) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2026-02-30", "not a day in the calendar"),
        ("tomorrow", "use YYYY-MM-DD, or +7d / +2w from 2026-11-17"),
        ("+7", "is not a date"),
        ("-3d", "is not a date"),
        ("+2m", "is not a date"),
        ("17/11/2026", "is not a date"),
    ],
)
def test_bad_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(DomainError, match=re.escape(reason)):
        parse_date(text, BASE)


def test_relative_label_reads_like_the_form_input() -> None:
    assert relative_label(BASE, BASE) == "same day"
    assert relative_label(dt.date(2026, 11, 24), BASE) == "+7d"
    assert relative_label(dt.date(2026, 11, 14), BASE) == "-3d"
    assert parse_date(relative_label(dt.date(2026, 12, 1), BASE), BASE) == dt.date(2026, 12, 1)


def test_follow_ups_and_outcome_set_the_status() -> None:
    session = load(EXAMPLES / FORUM)
    assert len(ops.awaiting_outcome(session)) == 6
    done = ops.set_outcome(session, "d2", "done")
    assert (done.decision("d2").status, done.decision("d2").outcome) == ("done", "done")
    dropped = ops.set_outcome(done, "d7", "drop")
    assert dropped.decision("d7").status == "dropped"
    kept = ops.set_outcome(dropped, "d3", "keep")
    assert (kept.decision("d3").status, kept.decision("d3").outcome) == ("open", "keep")
    escalated = ops.set_outcome(kept, "d4", "escalate", "metascrum")
    d4 = escalated.decision("d4")
    assert (d4.status, d4.outcome, d4.escalate_to) == ("open", "escalate", "metascrum")
    assert [d.id for d in ops.awaiting_outcome(escalated)] == ["d1", "d5"]
    cleared = ops.set_outcome(escalated, "d4", None)
    assert cleared.decision("d4").outcome is None and cleared.decision("d4").escalate_to is None
    reopened = ops.set_outcome(done, "d2", None)
    assert reopened.decision("d2").status == "open"


def test_outcome_refusals() -> None:
    session = load(EXAMPLES / FORUM)
    with pytest.raises(DomainError, match="Escalate to where"):
        ops.set_outcome(session, "d1", "escalate", "  ")
    with pytest.raises(DomainError, match="not an outcome"):
        ops.set_outcome(session, "d1", "maybe")
    fresh = ops.add_decision(session, "action", "Book the room")
    with pytest.raises(DomainError, match="Only items carried over"):
        ops.set_outcome(fresh, fresh.decisions[-1].id, "done")


def test_space_cycles_status_and_a_follow_ups_outcome_follows() -> None:
    session = load(EXAMPLES / FORUM)
    states = []
    for _ in range(3):
        session = ops.cycle_status(session, "d1")
        states.append((session.decision("d1").status, session.decision("d1").outcome))
    assert states == [("done", "done"), ("dropped", "drop"), ("open", None)]
    kept = ops.set_outcome(session, "d1", "keep")
    around = ops.cycle_status(ops.cycle_status(ops.cycle_status(kept, "d1"), "d1"), "d1")
    assert around.decision("d1").outcome is None  # the review starts over after a full cycle


def test_cycling_a_new_item_leaves_outcome_alone() -> None:
    session = load(EXAMPLES / KICKOFF)
    cycled = ops.cycle_status(session, "d1")
    assert cycled.decision("d1").status == "done"
    assert cycled.decision("d1").outcome is None


def test_overdue_is_open_and_due_before_the_day() -> None:
    session = load(EXAMPLES / FORUM)
    overdue = [d.id for d in session.decisions if ops.is_overdue(d, session.date)]
    assert overdue == ["d2", "d4", "d7"]  # d1 and d5 are due on the day itself
    closed = ops.set_outcome(session, "d2", "done")
    assert not ops.is_overdue(closed.decision("d2"), session.date)


def test_add_decision_with_kind_keys_and_topic() -> None:
    session = load(EXAMPLES / FORUM)
    added = ops.add_decision(
        session,
        "experiment",
        "Shared roadmap page",
        owner="Lars Eriksen",
        topic="t5",
        hypothesis="One page cuts clashes",
        measure="Clashes per sprint",
        review=dt.date(2026, 12, 15),
    )
    new = added.decisions[-1]
    assert (new.id, new.topic, new.review, new.carried) == ("d8", "t5", dt.date(2026, 12, 15), 0)
    with pytest.raises(DomainError, match="not a topic"):
        ops.add_decision(session, "action", "x", topic="t99")
    with pytest.raises(DomainError, match="text"):
        ops.add_decision(session, "action", "  ")
