"""Carry-over from a file: the next session after a saved one, from the kind's template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from poforum_tui.domain.carryover import next_session, suggest_date, suggest_title
from poforum_tui.domain.models import Session
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
    return next_session(
        previous,
        previous_path.name,
        template_session,
        title or suggest_title(previous.title),
        date or suggest_date(previous, today or dt.date.today()),
    )


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
