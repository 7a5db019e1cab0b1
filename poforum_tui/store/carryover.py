"""Carry-over from a file: the next session after a saved one, from the kind's template.

A MetaScrum or PO sync also receives, as board topics, the items other sessions in the
folder escalated to it since the previous one (outcome `escalate`, still open).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from poforum_tui.domain.carryover import (
    next_session,
    suggest_date,
    suggest_title,
    with_escalations,
)
from poforum_tui.domain.decisions import ESCALATION_TARGETS
from poforum_tui.domain.models import Decision, Session
from poforum_tui.store.discovery import session_files
from poforum_tui.store.errors import SessionFileError
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
        date or suggest_date(previous, today or dt.date.today()),
    )
    return with_escalations(session, escalations(previous_path, previous, session))


def escalations(
    previous_path: Path, previous: Session, session: Session
) -> list[tuple[str, Decision]]:
    """Items escalated to `session`'s kind (a MetaScrum, a PO sync) in the other sessions
    beside `previous_path` since `previous`, still open, as (session title, item)."""
    if session.kind not in ESCALATION_TARGETS:
        return []
    found = []
    for path in session_files(previous_path.parent):
        if path.name == previous_path.name:
            continue
        try:
            other = load(path)
        except SessionFileError:
            continue
        if not previous.date <= other.date <= session.date:
            continue
        for decision in other.decisions:
            if (
                decision.outcome == "escalate"
                and decision.escalate_to == session.kind
                and decision.status == "open"
            ):
                found.append((other.date, path.name, other.title, decision))
    found.sort(key=lambda item: item[:2])
    return [(title, decision) for _, _, title, decision in found]


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
