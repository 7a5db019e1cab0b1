"""CSV of dependencies (`export -f csv --what dependencies`): one row each, spreadsheet-safe."""

from __future__ import annotations

import csv
import datetime as dt
import io

from poforum_tui.domain import dependencies as deps
from poforum_tui.domain.models import Dependency, Session
from poforum_tui.store.export.table import neutralise

COLUMNS = (
    "session",
    "date",
    "id",
    "from",
    "to",
    "text",
    "needed_by",
    "status",
    "overdue",
    "owner",
    "topic",
    "decision",
    "ref",
    "raised_on",
    "sessions",
    "carried_from",
    "outcome",
    "escalate_to",
    "escalated_from",
    "escalated_on",
    "decided_by",
)


def to_dependencies_csv(session: Session) -> str:
    """A header row, then one row per dependency in the session's order (overdue as of the
    session's date)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    topics = {topic.id: topic.title for topic in session.board.topics}
    for dependency in session.dependencies:
        row = _row(session, dependency, topics)
        writer.writerow([neutralise(row[column]) for column in COLUMNS])
    return out.getvalue()


def _text(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _row(session: Session, dependency: Dependency, topics: dict[str, str]) -> dict[str, str]:
    data = dependency.model_dump(by_alias=True)
    row = {column: _text(data.get(column)) for column in COLUMNS}
    row.update(
        session=session.title,
        date=session.date.isoformat(),
        overdue="yes" if deps.is_overdue(dependency, session.date) else "",
        sessions=str(dependency.carried + 1),
        topic=topics.get(dependency.topic or "", dependency.topic or ""),
    )
    return row
