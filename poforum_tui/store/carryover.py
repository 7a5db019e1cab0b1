"""Carry-over from a file: the next session after a saved one, from the kind's template.

A MetaScrum or PO sync also receives the items (decisions and dependencies) the sessions in
the folder escalated to it since the last session of its kind, as the same records, first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from poforum_tui.domain.carryover import (
    Escalated,
    next_session,
    suggest_date,
    suggest_title,
    with_escalations,
)
from poforum_tui.domain.decisions import ESCALATION_TARGETS
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.models import Session
from poforum_tui.store.discovery import session_files
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.keylines import locate
from poforum_tui.store.load import load
from poforum_tui.store.templates import from_template, template_names


def default_template(previous: Session) -> str | None:
    """The template named like the previous session's kind, if one ships (else None)."""
    return previous.kind if previous.kind in template_names() else None


def session_after(
    previous_path: Path | str,
    *,
    template: str | None = None,
    title: str | None = None,
    date: dt.date | None = None,
    today: dt.date | None = None,
    previous: Session | None = None,
) -> Session:
    """The session following the file at `previous_path` (not written yet).

    Defaults: the template of the previous kind (or its own agenda), the next number in the
    title, and the previous date plus the kind's cadence. SessionFileError / DomainError on
    a broken file, an unknown template or an invalid result.
    """
    previous_path = Path(previous_path)
    if previous is None:
        previous = load(previous_path)
    name = template or default_template(previous)
    template_session = from_template(name) if name else None
    session = next_session(
        previous,
        previous_path.name,
        template_session,
        title or suggest_title(previous.title),
        date or _next_date(previous_path, previous, today or dt.date.today()),
    )
    found = escalations(previous_path.parent, session)
    return with_escalations(session, found, previous.date)


def _next_date(previous_path: Path, previous: Session, today: dt.date) -> dt.date:
    """`suggest_date`, or a SessionFileError at the previous file's `date` when there is no
    next day (9999-12-31 is the last a session can have)."""
    try:
        return suggest_date(previous, today)
    except DomainError as error:
        try:
            line, col = locate(previous_path.read_text(encoding="utf-8"), "date")
        except (OSError, UnicodeDecodeError):
            line, col = 1, 1
        raise SessionFileError(previous_path, line, col, str(error)) from None


def escalations(folder: Path, session: Session) -> list[Escalated]:
    """What the sessions in `folder` escalated to `session`'s kind (a MetaScrum, a PO sync)
    since the last session of that kind before it, still open, as (file, title, item); by
    date. An item escalated in a session is one whose outcome there is `escalate`, or (a
    dependency) whose `escalated_on` is that session's date."""
    if session.kind not in ESCALATION_TARGETS:
        return []
    loaded = []
    for path in session_files(folder):
        try:
            loaded.append((path, load(path)))
        except SessionFileError:
            continue
    last = max(
        (
            other.date
            for _, other in loaded
            if other.kind == session.kind and other.date < session.date
        ),
        default=None,
    )
    found = []
    for path, other in loaded:
        if not (last is None or last <= other.date) or other.date > session.date:
            continue
        items = [d for d in other.decisions if d.outcome == "escalate" and d.status == "open"] + [
            d
            for d in other.dependencies
            if d.is_open and (d.outcome == "escalate" or d.escalated_on == other.date)
        ]
        for item in items:
            if item.escalate_to == session.kind:
                found.append((other.date, path.name, other.title, item))
    found.sort(key=lambda entry: entry[:2])
    return [(name, title, item) for _, name, title, item in found]


def followers(previous_path: Path | str) -> list[Path]:
    """The files beside `previous_path` that already follow it (carrying again would branch)."""
    previous_path = Path(previous_path)
    found = []
    for path in session_files(previous_path.parent):
        if path.name == previous_path.name:
            continue
        try:
            if load(path).follows == previous_path.name:
                found.append(path)
        except SessionFileError:
            continue
    return found


def new_from_template(
    folder: Path | str, name: str, *, title: str, date: dt.date | None = None
) -> Session:
    """A new session from template `name`; a MetaScrum or PO sync made this way also lists,
    first, what the sessions in `folder` escalated to it since the last one of its kind."""
    session = from_template(name, title=title, date=date)
    if not Path(folder).is_dir():
        return session
    return with_escalations(session, escalations(Path(folder), session))
