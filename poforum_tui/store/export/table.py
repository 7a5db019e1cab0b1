"""CSV of decisions, experiments and actions: one row each, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from poforum_tui.domain.models import Decision, Session

COLUMNS = (
    "session",
    "date",
    "id",
    "kind",
    "text",
    "owner",
    "due",
    "status",
    "outcome",
    "topic",
    "carried_from",
    "rationale",
    "decided_by",
    "hypothesis",
    "measure",
    "review",
    "escalate_to",
)

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(value: str) -> str:
    """`value`, with a leading `'` if a spreadsheet would read it as a formula."""
    if value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(session: Session) -> str:
    """A header row, then one row per decision, experiment and action, in the session's order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    topics = {topic.id: topic.title for topic in session.board.topics}
    for decision in session.decisions:
        row = _row(session, decision, topics)
        writer.writerow([neutralise(row[column]) for column in COLUMNS])
    return out.getvalue()


def _row(session: Session, decision: Decision, topics: dict[str, str]) -> dict[str, str]:
    outcome = getattr(decision, "outcome", None)
    row = {
        "session": session.title,
        "date": session.date.isoformat(),
        "topic": topics.get(decision.topic or "", decision.topic or ""),
        "outcome": str(outcome) if outcome else "",
    }
    for column in COLUMNS:
        if column not in row:
            value = getattr(decision, column)
            row[column] = "" if value is None else str(value)
    for column in ("due", "review"):
        value = getattr(decision, column)
        row[column] = value.isoformat() if value else ""
    return row
