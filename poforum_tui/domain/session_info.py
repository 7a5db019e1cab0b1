"""Pure operations on the session's own fields: title, date, start, kind, facilitators."""

from __future__ import annotations

import datetime as dt

from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.models import SESSION_KINDS, Session

KIND_NAMES = {
    "po-forum": "PO forum",
    "po-sync": "PO sync",
    "metascrum": "MetaScrum",
    "multi-team-refinement": "Multi-team refinement",
    "lean-coffee": "Lean Coffee",
    "custom": "Custom",
}
"""Each kind of session as people name it."""


def rename(session: Session, title: str) -> Session:
    """The session with a new title (surrounding spaces dropped)."""
    title = title.strip()
    if not title:
        raise DomainError("A session needs a title.")
    return session.model_copy(update={"title": title})


def change_settings(
    session: Session,
    *,
    title: str,
    date: dt.date,
    start: dt.time | None,
    kind: str,
    facilitators: list[str],
) -> Session:
    """The session with these settings; DomainError names what is refused."""
    title = " ".join(title.split())
    if not title:
        raise DomainError("A session needs a title.")
    if kind not in SESSION_KINDS:
        raise DomainError(f"{kind!r} is not a kind of session ({', '.join(SESSION_KINDS)})")
    names = tuple(dict.fromkeys(" ".join(name.split()) for name in facilitators if name.strip()))
    return session.model_copy(
        update={
            "title": title,
            "date": date,
            "start": start,
            "kind": kind,
            "facilitators": names,
        }
    )


def parse_start(text: str) -> dt.time | None:
    """`09:30` or `9:30` as a time (None when blank); DomainError says why it is not one."""
    text = text.strip()
    if not text:
        return None
    hours, _, minutes = text.partition(":")
    try:
        return dt.time(int(hours), int(minutes or 0))
    except ValueError:
        raise DomainError(f"{text!r} is not a time of day: write it like 09:30") from None
