"""Pure agenda operations: edit items, run their timers, Lean Coffee patterns.

Each operation returns a new Session. The meeting clock and rebalancing live in
`agenda_plan`.
"""

from __future__ import annotations

import datetime as dt

from poforum_tui.domain._build import build, replace, swap
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.ids import next_id
from poforum_tui.domain.limits import within_limit
from poforum_tui.domain.models import (
    MAX_TIMEBOX,
    MIN_TIMEBOX,
    AgendaItem,
    Session,
    pattern_steps,
)

ACTIVE = ("running", "paused")


def _index(session: Session, item_id: str) -> int:
    for index, item in enumerate(session.agenda):
        if item.id == item_id:
            return index
    raise DomainError(f"no agenda item {item_id!r}")


def _with_item(session: Session, index: int, item: AgendaItem) -> Session:
    agenda = list(session.agenda)
    agenda[index] = item
    return session.model_copy(update={"agenda": tuple(agenda)})


# -- editing -------------------------------------------------------------------------------


def add_item(session: Session, title: str, minutes: int, **fields) -> Session:
    """Append a pending item (optionally `after=` another item's id)."""
    after = fields.pop("after", None)
    _check_pattern(fields.get("pattern"), minutes)
    item = build(
        AgendaItem,
        id=next_id("i", (i.id for i in session.agenda)),
        title=title,
        minutes=minutes,
        **fields,
    )
    agenda = list(session.agenda)
    position = _index(session, after) + 1 if after else len(agenda)
    agenda.insert(position, item)
    return within_limit(session.model_copy(update={"agenda": tuple(agenda)}), "an agenda item")


def edit_item(session: Session, item_id: str, **changes) -> Session:
    """Change an item's fields (title, minutes, owner, notes, pattern, ...)."""
    index = _index(session, item_id)
    item = session.agenda[index]
    if changes.get("pattern") and changes["pattern"] != item.pattern:
        _check_pattern(changes["pattern"], changes.get("minutes", item.minutes))
    return _with_item(session, index, replace(item, **changes))


def delete_item(session: Session, item_id: str) -> Session:
    index = _index(session, item_id)
    agenda = session.agenda[:index] + session.agenda[index + 1 :]
    return session.model_copy(update={"agenda": agenda})


def move_item(session: Session, item_id: str, delta: int) -> Session:
    """Move an item up (-1) or down (+1); at either end nothing changes."""
    index = _index(session, item_id)
    other = index + delta
    if not 0 <= other < len(session.agenda):
        return session
    return session.model_copy(update={"agenda": swap(session.agenda, index, other)})


def adjust_timebox(session: Session, item_id: str, delta_minutes: int) -> Session:
    """Add (or with a negative delta remove) minutes, within 1..480."""
    index = _index(session, item_id)
    item = session.agenda[index]
    minutes = item.minutes + delta_minutes
    if minutes < MIN_TIMEBOX:
        raise DomainError(f"{item.title!r} is at the shortest timebox, {MIN_TIMEBOX} minute.")
    if minutes > MAX_TIMEBOX:
        raise DomainError(f"{item.title!r} is at the longest timebox, {MAX_TIMEBOX} minutes.")
    return _with_item(session, index, item.model_copy(update={"minutes": minutes}))


# -- timers --------------------------------------------------------------------------------


def elapsed_seconds(item: AgendaItem, now: dt.datetime) -> int:
    """Time spent on an item so far, counting the running stretch from the wall clock."""
    if item.status == "running" and item.started_at is not None:
        return item.spent_seconds + max(0, int((now - item.started_at).total_seconds()))
    return item.spent_seconds


def remaining_seconds(item: AgendaItem, now: dt.datetime) -> int:
    """Seconds left in the timebox; negative once the item overruns."""
    return item.minutes * 60 - elapsed_seconds(item, now)


def current_item(session: Session) -> AgendaItem | None:
    """The running item, else a paused one, else the first pending one, else None."""
    for statuses in (("running",), ("paused",), ("pending",)):
        for item in session.agenda:
            if item.status in statuses:
                return item
    return None


def active_item(session: Session) -> AgendaItem | None:
    """The item whose clock runs or is paused (None between items or before the start)."""
    return next((item for item in session.agenda if item.status in ACTIVE), None)


def _stopped(item: AgendaItem, now: dt.datetime, status: str) -> AgendaItem:
    return item.model_copy(
        update={"status": status, "spent_seconds": elapsed_seconds(item, now), "started_at": None}
    )


def start(session: Session, item_id: str, now: dt.datetime) -> Session:
    """Run an item's timer; any other running item is paused first.

    The first start of the meeting fixes its clock: a session without `start` (or run on
    another day than its `date`) starts at this moment, and `end` (the planned end) becomes
    start + every timebox.
    """
    agenda = [
        _stopped(item, now, "paused") if item.status == "running" and item.id != item_id else item
        for item in session.agenda
    ]
    index = _index(session, item_id)
    item = agenda[index]
    if item.status == "running":
        return session
    agenda[index] = item.model_copy(update={"status": "running", "started_at": now})
    started = _anchor(session.model_copy(update={"agenda": tuple(agenda)}), now)
    return _cards_follow(started, session)


def _anchor(session: Session, now: dt.datetime) -> Session:
    """Fix when the meeting began (`started`: the planned `start` on the meeting's day, else
    now) and its planned end, once, when the first item starts. `start` stays as planned."""
    if session.end is not None:
        return session
    on_the_day = session.start is not None and session.date == now.date()
    began = session.start if on_the_day and session.start is not None else now.time()
    planned = sum(item.minutes for item in session.agenda if item.status != "skipped")
    end = (meeting_day_start(began, now) + dt.timedelta(minutes=planned)).time()
    return session.model_copy(update={"started": began, "end": end})


def meeting_day_start(start: dt.time, now: dt.datetime) -> dt.datetime:
    """`start` on the day the meeting runs: today, or yesterday if it began before midnight."""
    begin = dt.datetime.combine(now.date(), start)
    if begin - now > dt.timedelta(hours=12):
        begin -= dt.timedelta(days=1)
    return begin


def pause(session: Session, item_id: str, now: dt.datetime) -> Session:
    index = _index(session, item_id)
    item = session.agenda[index]
    if item.status != "running":
        return session
    return _with_item(session, index, _stopped(item, now, "paused"))


def _nothing_left() -> DomainError:
    return DomainError("Every agenda item is done or skipped: add one with a.")


def toggle(session: Session, now: dt.datetime) -> Session:
    """Start or pause the current item (space)."""
    item = current_item(session)
    if item is None:
        raise _nothing_left()
    if item.status == "running":
        return pause(session, item.id, now)
    return start(session, item.id, now)


def finish(session: Session, item_id: str, now: dt.datetime) -> Session:
    index = _index(session, item_id)
    finished = _with_item(session, index, _stopped(session.agenda[index], now, "done"))
    return _cards_follow(finished, session)


LEAN_COFFEE_COLUMNS = {"running": "discussing", "done": "discussed"}
"""Lean Coffee: the column a topic's card moves to when its item starts, and when it ends."""


def _cards_follow(session: Session, before: Session) -> Session:
    """In a Lean Coffee, a promoted topic's card moves to "Discussing" when its item first
    starts and to "Discussed" when it is done (when the board has those columns)."""
    if session.kind != "lean-coffee":
        return session
    columns = {column.id for column in session.board.columns}
    was = {item.id: item.status for item in before.agenda}
    moves: dict[str, str] = {}
    for item in session.agenda:
        status, old = item.status, was.get(item.id)
        if item.topic is None or status == old or (status == "running" and old != "pending"):
            continue
        column = LEAN_COFFEE_COLUMNS.get(status)
        if column in columns:
            moves[item.topic] = column
    if not moves:
        return session
    topics = tuple(
        topic.model_copy(update={"column": moves[topic.id]}) if topic.id in moves else topic
        for topic in session.board.topics
    )
    return session.model_copy(update={"board": session.board.model_copy(update={"topics": topics})})


def next_item(session: Session, now: dt.datetime) -> Session:
    """Finish the current item and start the next pending one (n).

    Before anything has started, `n` starts the first item.
    """
    item = current_item(session)
    if item is None:
        raise _nothing_left()
    if item.status not in ACTIVE:
        return start(session, item.id, now)
    session = finish(session, item.id, now)
    return _start_next(session, now)


def _start_next(session: Session, now: dt.datetime) -> Session:
    following = current_item(session)
    if following is None or following.status in ACTIVE:
        return session
    return start(session, following.id, now)


def skip_item(session: Session, item_id: str, now: dt.datetime) -> Session:
    """Skip an item (a running one hands over to the next); a skipped one is un-skipped."""
    index = _index(session, item_id)
    item = session.agenda[index]
    if item.status == "done":
        raise DomainError(f"{item.title!r} is done; reset it first to skip it.")
    if item.status == "skipped":
        return _with_item(session, index, item.model_copy(update={"status": "pending"}))
    session = _with_item(session, index, _stopped(item, now, "skipped"))
    return _start_next(session, now) if item.status == "running" else session


def reset_item(session: Session, item_id: str) -> Session:
    """Back to pending with no time spent.

    Resetting the last item that had any time un-fixes the planned end, so a trial run
    during preparation leaves no trace on the meeting clock.
    """
    index = _index(session, item_id)
    item = session.agenda[index].model_copy(
        update={"status": "pending", "spent_seconds": 0, "started_at": None}
    )
    session = _with_item(session, index, item)
    if all(i.status == "pending" and i.spent_seconds == 0 for i in session.agenda):
        session = session.model_copy(update={"end": None, "started": None})
    return session


# -- Lean Coffee timebox patterns ------------------------------------------------------------


def parse_pattern(text: str) -> tuple[int, ...]:
    """`"7+5+3"` as (7, 5, 3): whole minutes joined by `+`, at least two steps."""
    try:
        return pattern_steps(text)
    except ValueError as error:
        raise DomainError(str(error)) from None


def pattern_ends(pattern: str) -> tuple[int, ...]:
    """The timebox at the end of each step: 7+5+3 gives (7, 12, 15)."""
    ends, total = [], 0
    for step in parse_pattern(pattern):
        total += step
        ends.append(total)
    return tuple(ends)


def _check_pattern(pattern: str | None, minutes: int) -> None:
    if not pattern:
        return
    try:
        ends = pattern_ends(pattern)
    except DomainError as error:
        raise DomainError(f"pattern: {error}") from None
    if minutes not in ends:
        choices = ", ".join(str(end) for end in ends)
        raise DomainError(f"with pattern {pattern} the timebox is one of {choices} minutes")


def next_step_minutes(item: AgendaItem) -> int | None:
    """Minutes the pattern's next step adds to the timebox, or None when it has no more."""
    if not item.pattern:
        return None
    try:
        ends = pattern_ends(item.pattern)
    except DomainError:
        return None
    return next((end - item.minutes for end in ends if end > item.minutes), None)


def keep_discussing(session: Session, item_id: str) -> Session:
    """Extend an item's timebox by its pattern's next step ("keep discussing?" - yes)."""
    item = session.agenda[_index(session, item_id)]
    extra = next_step_minutes(item)
    if extra is None:
        raise DomainError(f"{item.title!r} has no further step in its pattern.")
    return adjust_timebox(session, item_id, extra)


def planned_minutes(session: Session) -> int:
    return sum(item.minutes for item in session.agenda if item.status != "skipped")
