"""Pure agenda operations: edit items and run their timers. Each returns a new Session."""

from __future__ import annotations

import datetime as dt

from poforum_tui.domain._build import build, replace, swap
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.ids import next_id
from poforum_tui.domain.models import AgendaItem, Session

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


def add_item(session: Session, title: str, minutes: int, **fields) -> Session:
    """Append a pending item (optionally `after=` another item's id)."""
    after = fields.pop("after", None)
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
    return session.model_copy(update={"agenda": tuple(agenda)})


def edit_item(session: Session, item_id: str, **changes) -> Session:
    """Change an item's fields (title, minutes, owner, notes, pattern, ...)."""
    index = _index(session, item_id)
    return _with_item(session, index, replace(session.agenda[index], **changes))


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
    item = session.agenda[_index(session, item_id)]
    return edit_item(session, item_id, minutes=item.minutes + delta_minutes)


def elapsed_seconds(item: AgendaItem, now: dt.datetime) -> int:
    """Time spent on an item so far, counting the running stretch from the wall clock."""
    if item.status == "running" and item.started_at is not None:
        return item.spent_seconds + max(0, int((now - item.started_at).total_seconds()))
    return item.spent_seconds


def remaining_seconds(item: AgendaItem, now: dt.datetime) -> int:
    """Seconds left in the timebox; negative once the item overruns."""
    return item.minutes * 60 - elapsed_seconds(item, now)


def current_item(session: Session) -> AgendaItem | None:
    """The running or paused item, else the first pending one, else None."""
    for item in session.agenda:
        if item.status in ACTIVE:
            return item
    return next((item for item in session.agenda if item.status == "pending"), None)


def _stopped(item: AgendaItem, now: dt.datetime, status: str) -> AgendaItem:
    return item.model_copy(
        update={"status": status, "spent_seconds": elapsed_seconds(item, now), "started_at": None}
    )


def start(session: Session, item_id: str, now: dt.datetime) -> Session:
    """Run an item's timer; any other running item is paused first."""
    agenda = [
        _stopped(item, now, "paused") if item.status == "running" and item.id != item_id else item
        for item in session.agenda
    ]
    index = _index(session, item_id)
    item = agenda[index]
    if item.status == "running":
        return session
    agenda[index] = item.model_copy(update={"status": "running", "started_at": now})
    return session.model_copy(update={"agenda": tuple(agenda)})


def pause(session: Session, item_id: str, now: dt.datetime) -> Session:
    index = _index(session, item_id)
    item = session.agenda[index]
    if item.status != "running":
        return session
    return _with_item(session, index, _stopped(item, now, "paused"))


def toggle(session: Session, now: dt.datetime) -> Session:
    """Start or pause the current item (space)."""
    item = current_item(session)
    if item is None:
        raise DomainError("every agenda item is done or skipped")
    if item.status == "running":
        return pause(session, item.id, now)
    return start(session, item.id, now)


def finish(session: Session, item_id: str, now: dt.datetime) -> Session:
    index = _index(session, item_id)
    return _with_item(session, index, _stopped(session.agenda[index], now, "done"))


def next_item(session: Session, now: dt.datetime) -> Session:
    """Finish the current item and start the next pending one (n)."""
    item = current_item(session)
    if item is None:
        raise DomainError("every agenda item is done or skipped")
    if item.status in ACTIVE:
        session = finish(session, item.id, now)
    else:
        session = start(session, item.id, now)
        return session
    following = current_item(session)
    return start(session, following.id, now) if following is not None else session


def skip_item(session: Session, item_id: str, now: dt.datetime) -> Session:
    index = _index(session, item_id)
    return _with_item(session, index, _stopped(session.agenda[index], now, "skipped"))


def reset_item(session: Session, item_id: str) -> Session:
    """Back to pending with no time spent."""
    index = _index(session, item_id)
    item = session.agenda[index].model_copy(
        update={"status": "pending", "spent_seconds": 0, "started_at": None}
    )
    return _with_item(session, index, item)


def planned_minutes(session: Session) -> int:
    return sum(item.minutes for item in session.agenda if item.status != "skipped")
