"""The meeting clock, planned vs actual totals and rebalancing, on a fake clock."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poforum_tui.domain import AgendaItem, DomainError, Session
from poforum_tui.domain import agenda as ops
from poforum_tui.domain.agenda_plan import meeting_clock, rebalance, rebalance_plan, share_minutes
from poforum_tui.domain.agenda_plan import totals as agenda_totals

T0 = dt.datetime(2026, 12, 1, 10, 0, 0)


def session(*minutes: int, start: dt.time | None = dt.time(10, 0)) -> Session:
    items = tuple(
        AgendaItem(id=f"i{n}", title=f"Item {n}", minutes=m) for n, m in enumerate(minutes, 1)
    )
    return Session(title="S", date=T0.date(), start=start, agenda=items)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def test_before_the_meeting_the_projection_is_the_plan() -> None:
    clock = meeting_clock(session(30, 30), at(-20))
    assert clock.start == T0 and clock.planned_end == at(60)
    assert clock.projected_end == at(60) and clock.late_seconds == 0
    assert not clock.started and not clock.finished


def test_a_late_start_shows_as_late() -> None:
    clock = meeting_clock(session(30, 30), at(5))
    assert clock.projected_end == at(65) and clock.late_seconds == 300


def test_a_session_on_another_day_is_not_late_before_it_starts() -> None:
    clock = meeting_clock(session(30, 30), at(60 * 24 * 3 + 125))
    assert clock.late_seconds == 0 and clock.projected_end == clock.planned_end


def test_without_a_start_time_the_plan_begins_now() -> None:
    clock = meeting_clock(session(30, 30, start=None), at(7))
    assert clock.start is None and clock.planned_end == clock.projected_end == at(67)


def test_overrun_and_pending_push_the_projected_end() -> None:
    s = ops.toggle(session(10, 20), at(0))
    clock = meeting_clock(s, at(4))
    assert clock.projected_end == at(30) and clock.late_seconds == 0
    clock = meeting_clock(s, at(13))  # 3 min over: what is left is the pending 20
    assert clock.projected_end == at(33) and clock.late_seconds == 180


def test_planned_end_is_fixed_once_started_so_changes_show_as_late() -> None:
    s = ops.toggle(session(10, 20), at(0))
    s = ops.adjust_timebox(s, "i2", 5)
    clock = meeting_clock(s, at(1))
    assert clock.planned_end == at(30) and clock.projected_end == at(35)


def test_paused_time_counts_against_the_meeting() -> None:
    s = ops.toggle(ops.toggle(session(10, 20), at(0)), at(2))
    assert meeting_clock(s, at(12)).late_seconds == 600


def test_skipping_frees_time() -> None:
    s = ops.toggle(session(10, 20), at(0))
    s = ops.skip_item(s, "i2", at(1))
    assert meeting_clock(s, at(1)).late_seconds == -20 * 60


def test_finished_agenda_has_totals_and_no_projection() -> None:
    s = ops.toggle(session(10, 20), at(0))
    s = ops.next_item(s, at(12))
    s = ops.next_item(s, at(30))
    clock = meeting_clock(s, at(31))
    assert clock.finished and clock.projected_end is None
    t = agenda_totals(s, at(31))
    assert (t.planned, t.actual, t.done_planned, t.done_actual) == (1800, 1800, 1800, 1800)
    assert t.done == t.items == 2 and t.done_over == 0


def test_totals_count_the_running_item() -> None:
    s = ops.toggle(session(10, 20), at(0))
    s = ops.next_item(s, at(12))
    t = agenda_totals(s, at(15))
    assert t.actual == 15 * 60 and t.done_actual == 12 * 60 and t.done_over == 120


def test_rebalance_shrinks_pending_items_proportionally() -> None:
    s = ops.toggle(session(10, 20, 10, 30), at(0))
    s = ops.next_item(s, at(20))  # 10 min over on the first item
    plan = rebalance_plan(s, at(20))
    # 20 min is running; 40 min of pending timeboxes must fit into 30
    assert plan == {"i3": (10, 8), "i4": (30, 22)}
    after = rebalance(s, at(20))
    assert [item.minutes for item in after.agenda] == [10, 20, 8, 22]
    assert meeting_clock(after, at(20)).late_seconds == 0


def test_rebalance_grows_items_when_early() -> None:
    s = ops.toggle(session(10, 10, 10), at(0))
    s = ops.next_item(s, at(4))  # the second item now ends at 10:14, the third at 10:24
    after = rebalance(s, at(4))
    assert [item.minutes for item in after.agenda] == [10, 10, 16]


def test_rebalance_keeps_every_item_at_one_minute_at_least() -> None:
    s = ops.toggle(session(50, 1, 1, 20), at(0))
    s = ops.next_item(s, at(62))  # 12 min over: the pending 1 + 20 must fit into 9
    after = rebalance(s, at(62))
    assert [item.minutes for item in after.agenda][2:] == [1, 8]


def test_rebalance_refuses_when_nothing_fits() -> None:
    s = ops.toggle(session(10, 5, 5), at(0))
    with pytest.raises(DomainError, match=r"Only 0 min left .* 2 pending items"):
        rebalance_plan(s, at(25))


def test_rebalance_needs_pending_items() -> None:
    with pytest.raises(DomainError, match="No pending items"):
        rebalance_plan(ops.toggle(session(10), at(0)), at(1))


def test_rebalance_on_time_changes_nothing() -> None:
    s = ops.toggle(session(10, 10), at(0))
    assert rebalance_plan(s, at(5)) == {}
    assert rebalance(s, at(5)) is s


@given(
    st.lists(st.integers(min_value=1, max_value=120), min_size=1, max_size=12),
    st.integers(min_value=0, max_value=2000),
)
def test_share_minutes_is_whole_bounded_and_exact_when_possible(
    weights: list[int], total: int
) -> None:
    keyed = {f"k{n}": w for n, w in enumerate(weights)}
    shares = share_minutes(keyed, total)
    assert set(shares) == set(keyed)
    assert all(1 <= share <= 480 for share in shares.values())
    if len(weights) <= total <= 480 * len(weights):
        assert sum(shares.values()) == total
