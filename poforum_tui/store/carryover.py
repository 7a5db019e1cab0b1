"""Carry-over from a file: the next session after a saved one, from the kind's template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from poforum_tui.domain.carryover import next_session, suggest_date, suggest_title
from poforum_tui.domain.models import Session
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
