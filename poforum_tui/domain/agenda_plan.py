"""The meeting clock (start, planned end, projected end, late / early), planned vs actual
totals, and rebalancing the pending items into the time that is left. Pure functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from poforum_tui.domain.agenda import (
    ACTIVE,
    edit_item,
    elapsed_seconds,
    meeting_day_start,
    planned_minutes,
    remaining_seconds,
)
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.models import MAX_TIMEBOX, MIN_TIMEBOX, Session


@dataclass(frozen=True)
class Totals:
    """Planned (timebox) and actual seconds, for the whole agenda and for its done items."""

    planned: int
    actual: int
    done_planned: int
    done_actual: int
    done: int
    items: int

    @property
    def done_over(self) -> int:
        """Seconds the done items took beyond their timeboxes (negative: under)."""
        return self.done_actual - self.done_planned


def totals(session: Session, now: dt.datetime) -> Totals:
    done = [item for item in session.agenda if item.status == "done"]
    return Totals(
        planned=planned_minutes(session) * 60,
        actual=sum(elapsed_seconds(item, now) for item in session.agenda),
        done_planned=sum(item.minutes for item in done) * 60,
        done_actual=sum(item.spent_seconds for item in done),
        done=len(done),
        items=len(session.agenda),
    )


@dataclass(frozen=True)
class MeetingClock:
    """Where the meeting stands. `start` is None until it has a start time."""

    start: dt.datetime | None
    planned_end: dt.datetime | None
    projected_end: dt.datetime | None
    started: bool
    finished: bool

    @property
    def late_seconds(self) -> int:
        """Projected minus planned end: positive when late, negative when early."""
        if self.planned_end is None or self.projected_end is None:
            return 0
        return int((self.projected_end - self.planned_end).total_seconds())


def _left_seconds(session: Session, now: dt.datetime) -> int:
    """What is left to run: active items' remaining time (never below 0) + pending timeboxes."""
    active = sum(
        max(0, remaining_seconds(item, now)) for item in session.agenda if item.status in ACTIVE
    )
    pending = sum(item.minutes for item in session.agenda if item.status == "pending")
    return active + pending * 60


def _started(session: Session) -> bool:
    return any(item.status != "pending" or item.spent_seconds for item in session.agenda)


def meeting_clock(session: Session, now: dt.datetime) -> MeetingClock:
    """Start (session `start`, set when the first item starts), planned end (the fixed
    `end`, else start + every timebox) and projected end (now + what is left)."""
    started = _started(session)
    finished = started and not any(item.status in ("pending", *ACTIVE) for item in session.agenda)
    begins = session.started or session.start
    if begins is None:
        # Not started and no start time yet: the plan begins now.
        projected = now + dt.timedelta(seconds=_left_seconds(session, now))
        return MeetingClock(None, projected, projected, started, finished)
    start = meeting_day_start(begins, now)
    if session.end is not None:
        planned_end = dt.datetime.combine(start.date(), session.end)
        if planned_end < start:
            planned_end += dt.timedelta(days=1)
    else:
        planned_end = start + dt.timedelta(minutes=planned_minutes(session))
    if finished:
        return MeetingClock(start, planned_end, None, started, finished)
    # Not started yet: on the meeting's day a late start counts; on any other day (preparing,
    # reviewing) the plan is the projection.
    base = now if started else max(now, start) if session.date == now.date() else start
    projected = base + dt.timedelta(seconds=_left_seconds(session, now))
    return MeetingClock(start, planned_end, projected, started, finished)


# -- rebalancing ---------------------------------------------------------------------------


def rebalance_plan(session: Session, now: dt.datetime) -> dict[str, tuple[int, int]]:
    """New timeboxes that fit the pending items into the time left before the planned end,
    in proportion to their timeboxes, in whole minutes, each 1..480.

    Returns {item id: (old minutes, new minutes)} for the items that change.
    """
    pending = [item for item in session.agenda if item.status == "pending"]
    if not pending:
        raise DomainError("No pending items to rebalance.")
    clock = meeting_clock(session, now)
    if clock.planned_end is None or clock.projected_end is None:
        raise DomainError("No pending items to rebalance.")
    pending_seconds = sum(item.minutes for item in pending) * 60
    begin = clock.projected_end - dt.timedelta(seconds=pending_seconds)
    available = int((clock.planned_end - begin).total_seconds()) // 60
    if available < len(pending) * MIN_TIMEBOX:
        raise DomainError(
            f"Only {max(available, 0)} min left before the planned end "
            f"{clock.planned_end:%H:%M} for {len(pending)} pending items: "
            "skip (x) or delete some first."
        )
    shares = share_minutes({item.id: item.minutes for item in pending}, available)
    return {
        item.id: (item.minutes, shares[item.id])
        for item in pending
        if shares[item.id] != item.minutes
    }


def rebalance(session: Session, now: dt.datetime) -> Session:
    """Apply `rebalance_plan`; the session is returned unchanged when it already fits."""
    for item_id, (_old, new) in rebalance_plan(session, now).items():
        session = edit_item(session, item_id, minutes=new)
    return session


def share_minutes(weights: dict[str, int], total: int) -> dict[str, int]:
    """Split `total` minutes in proportion to `weights`: whole minutes, each within 1..480,
    the sum equal to `total` unless the limits forbid it (largest remainders get the rest)."""
    fixed: dict[str, int] = {}
    free = dict(weights)
    while free:
        budget = total - sum(fixed.values())
        weight = sum(free.values())
        quota = {key: Fraction(w * budget, weight) for key, w in free.items()}
        low = [key for key, q in quota.items() if q < MIN_TIMEBOX]
        high = [key for key, q in quota.items() if q > MAX_TIMEBOX]
        if not low and not high:
            break
        for key in low:
            fixed[key] = MIN_TIMEBOX
            del free[key]
        for key in high:
            fixed[key] = MAX_TIMEBOX
            del free[key]
    shares = dict(fixed)
    if free:
        budget = total - sum(fixed.values())
        weight = sum(free.values())
        quota = {key: Fraction(w * budget, weight) for key, w in free.items()}
        shares.update({key: int(q) for key, q in quota.items()})
        leftover = budget - sum(int(q) for q in quota.values())
        by_remainder = sorted(free, key=lambda key: quota[key] - int(quota[key]), reverse=True)
        for key in by_remainder[:leftover]:
            shares[key] += 1
    return {key: shares[key] for key in weights}
