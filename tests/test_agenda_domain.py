"""Agenda operations on a fake clock: timers, patterns, skip / reset, editing limits."""

from __future__ import annotations

import datetime as dt

import pytest

from poforum_tui.domain import AgendaItem, DomainError, FakeClock, Session
from poforum_tui.domain import agenda as ops
from poforum_tui.store import load, save

T0 = dt.datetime(2026, 12, 1, 10, 0, 0)


def session(*minutes: int, start: dt.time | None = dt.time(10, 0), **item_fields) -> Session:
    items = tuple(
        AgendaItem(id=f"i{n}", title=f"Item {n}", minutes=m, **item_fields)
        for n, m in enumerate(minutes, start=1)
    )
    return Session(title="S", date=T0.date(), start=start, agenda=items)


def statuses(s: Session) -> list[str]:
    return [item.status for item in s.agenda]


def test_start_pause_resume_accumulates_across_pauses() -> None:
    clock = FakeClock(T0)
    s = ops.toggle(session(10, 5), clock.now())
    assert statuses(s) == ["running", "pending"]
    assert s.agenda[0].started_at == T0
    clock.advance(90)
    assert ops.elapsed_seconds(s.agenda[0], clock.now()) == 90
    s = ops.toggle(s, clock.now())
    assert s.agenda[0].status == "paused" and s.agenda[0].spent_seconds == 90
    assert s.agenda[0].started_at is None
    clock.advance(600)  # paused: the clock does not count
    assert ops.elapsed_seconds(s.agenda[0], clock.now()) == 90
    s = ops.toggle(s, clock.now())
    clock.advance(30)
    assert ops.elapsed_seconds(s.agenda[0], clock.now()) == 120
    assert ops.remaining_seconds(s.agenda[0], clock.now()) == 600 - 120


def test_overrun_counts_past_zero() -> None:
    clock = FakeClock(T0)
    s = ops.toggle(session(1), clock.now())
    clock.advance(75)
    assert ops.remaining_seconds(s.agenda[0], clock.now()) == -15


def test_first_start_fixes_start_and_planned_end() -> None:
    s = ops.toggle(session(10, 5, start=None), T0 + dt.timedelta(minutes=3))
    assert s.started == dt.time(10, 3) and s.start is None  # nothing was planned
    assert s.end == dt.time(10, 18)
    s2 = ops.toggle(session(10, 5), T0 + dt.timedelta(minutes=3))
    assert s2.started == dt.time(10, 0) and s2.end == dt.time(10, 15)
    later = ops.toggle(s2, T0 + dt.timedelta(minutes=9))  # a second start changes neither
    assert later.started == s2.started and later.end == s2.end


def test_run_on_another_day_the_meeting_starts_when_it_starts() -> None:
    s = ops.toggle(session(10, 5), T0 + dt.timedelta(days=4, hours=3))
    assert s.started == dt.time(13, 0) and s.end == dt.time(13, 15)
    assert s.start == dt.time(10, 0)  # the planned start stays (17.8: new --from copies it)


def test_next_finishes_current_and_starts_the_following() -> None:
    clock = FakeClock(T0)
    s = ops.next_item(session(10, 5, 5), clock.now())  # nothing started: starts the first
    assert statuses(s) == ["running", "pending", "pending"]
    clock.advance(300)
    s = ops.next_item(s, clock.now())
    assert statuses(s) == ["done", "running", "pending"]
    assert s.agenda[0].spent_seconds == 300 and s.agenda[1].started_at == clock.now()
    s = ops.next_item(ops.next_item(s, clock.advance(60)), clock.advance(60))
    assert statuses(s) == ["done", "done", "done"]
    with pytest.raises(DomainError, match="done or skipped"):
        ops.next_item(s, clock.now())
    with pytest.raises(DomainError, match="done or skipped"):
        ops.toggle(s, clock.now())


def test_next_from_a_paused_item() -> None:
    clock = FakeClock(T0)
    s = ops.toggle(session(10, 5), clock.now())
    s = ops.toggle(s, clock.advance(60))
    s = ops.next_item(s, clock.advance(60))
    assert statuses(s) == ["done", "running"] and s.agenda[0].spent_seconds == 60


def test_plus_minus_stay_within_limits() -> None:
    s = session(1, 480)
    assert ops.adjust_timebox(s, "i1", 1).agenda[0].minutes == 2
    with pytest.raises(DomainError, match="shortest timebox"):
        ops.adjust_timebox(s, "i1", -1)
    with pytest.raises(DomainError, match="longest timebox"):
        ops.adjust_timebox(s, "i2", 1)


def test_skip_running_hands_over_and_skip_again_unskips() -> None:
    clock = FakeClock(T0)
    s = ops.toggle(session(10, 5), clock.now())
    s = ops.skip_item(s, "i1", clock.advance(40))
    assert statuses(s) == ["skipped", "running"] and s.agenda[0].spent_seconds == 40
    s = ops.skip_item(s, "i1", clock.now())
    assert statuses(s) == ["pending", "running"]
    done = ops.finish(s, "i2", clock.now())
    with pytest.raises(DomainError, match="reset it first"):
        ops.skip_item(done, "i2", clock.now())


def test_reset_clears_time_and_unfixes_an_untouched_agenda() -> None:
    clock = FakeClock(T0)
    s = ops.toggle(session(10, 5), clock.now())
    s = ops.reset_item(s, "i1")
    assert s.agenda[0] == session(10, 5).agenda[0]
    assert s.end is None


def test_only_one_item_runs() -> None:
    clock = FakeClock(T0)
    s = ops.start(session(10, 5), "i1", clock.now())
    s = ops.start(s, "i2", clock.advance(30))
    assert statuses(s) == ["paused", "running"] and s.agenda[0].spent_seconds == 30


def test_restart_resumes_from_the_wall_clock(tmp_path) -> None:
    clock = FakeClock(T0)
    s = ops.toggle(session(10), clock.now())
    s = ops.toggle(ops.toggle(s, clock.advance(100)), clock.advance(5))  # 100 s, then resumed
    path = tmp_path / "s.toml"
    save(s, path)
    text = path.read_text()
    assert "spent_seconds = 100" in text and "started_at = 2026-12-01T10:01:45" in text
    reopened = load(path)
    clock.advance(120)  # the app was closed meanwhile
    assert ops.elapsed_seconds(reopened.agenda[0], clock.now()) == 220


@pytest.mark.parametrize(
    ("text", "steps"), [("7+5+3", (7, 5, 3)), (" 10 + 5 ", (10, 5)), ("1+1", (1, 1))]
)
def test_parse_pattern(text: str, steps: tuple[int, ...]) -> None:
    assert ops.parse_pattern(text) == steps


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("7", "joined by +"),
        ("7+", "joined by +"),
        ("7+x", "joined by +"),
        ("7+-5", "joined by +"),
        ("7+0", "at least 1 minute"),
        ("400+100", "at most 480"),
    ],
)
def test_bad_patterns_are_refused(text: str, reason: str) -> None:
    with pytest.raises(DomainError, match=reason):
        ops.parse_pattern(text)


def test_pattern_steps_extend_the_timebox() -> None:
    s = ops.add_item(session(), "Topic", 7, pattern="7+5+3")
    item = s.agenda[0]
    assert ops.next_step_minutes(item) == 5
    s = ops.keep_discussing(s, item.id)
    assert s.agenda[0].minutes == 12 and ops.next_step_minutes(s.agenda[0]) == 3
    s = ops.keep_discussing(s, item.id)
    assert s.agenda[0].minutes == 15 and ops.next_step_minutes(s.agenda[0]) is None
    with pytest.raises(DomainError, match="no further step"):
        ops.keep_discussing(s, item.id)


def test_pattern_next_step_after_plus_reaches_the_next_boundary() -> None:
    s = ops.add_item(session(), "Topic", 7, pattern="7+5+3")
    s = ops.adjust_timebox(s, s.agenda[0].id, 1)
    assert ops.next_step_minutes(s.agenda[0]) == 4


def test_pattern_must_match_the_timebox() -> None:
    with pytest.raises(DomainError, match="one of 7, 12, 15"):
        ops.add_item(session(), "Topic", 10, pattern="7+5+3")
    with pytest.raises(DomainError, match="pattern: write whole minutes"):
        ops.add_item(session(), "Topic", 10, pattern="seven")


def test_edit_keeps_a_pattern_after_plus() -> None:
    s = ops.add_item(session(), "Topic", 7, pattern="7+5+3")
    s = ops.adjust_timebox(s, s.agenda[0].id, 1)
    s = ops.edit_item(s, s.agenda[0].id, title="Renamed", pattern="7+5+3", minutes=8)
    assert s.agenda[0].title == "Renamed"


def test_move_and_delete() -> None:
    s = ops.move_item(session(1, 2, 3), "i3", -1)
    assert [i.id for i in s.agenda] == ["i1", "i3", "i2"]
    assert ops.move_item(s, "i1", -1) is s
    assert [i.id for i in ops.delete_item(s, "i3").agenda] == ["i1", "i2"]
