"""How one decision reads in a detail pane: what the table cuts short, and its kind's keys."""

from __future__ import annotations

import datetime as dt

from poforum_tui.domain import Decision, Session
from poforum_tui.domain import decisions as ops
from poforum_tui.domain.dates import relative_label
from poforum_tui.domain.escalation import age_days, ladder_label

KIND_MARKS = {"decision": "◆", "experiment": "⚗", "action": "➤"}


def describe(decision: Decision, session: Session, today: dt.date) -> str:
    """The detail lines of one item: what the table cuts short, and its kind's own keys.
    Overdue means due before `today` (as `poforum log` says); the distance is counted from
    the session's date."""
    topics = {topic.id: topic.title for topic in session.board.topics}
    head = [f"{KIND_MARKS[decision.kind]} {decision.kind} {decision.id}"]
    if decision.owner:
        head.append(f"owner {decision.owner}")
    if decision.due:
        when = relative_label(decision.due, session.date)
        when = "the session's day" if when == "same day" else f"{when} from the session"
        late = "overdue, " if ops.is_overdue(decision, today) else ""
        head.append(f"due {decision.due.isoformat()} ({late}{when})")
    if decision.topic in topics:
        head.append(f"topic: {topics[decision.topic]}")
    lines = [" · ".join(head), decision.text]
    escalated = bool(decision.escalate_to) and decision.status == "open"
    if ops.is_follow_up(decision):
        times = "once" if decision.carried == 1 else f"{decision.carried} times"
        follow = f"Carried {times} · outcome: {decision.outcome or 'none yet (o)'}"
        if escalated:
            follow += " · " + _escalation(decision, session)
        lines.append(follow)
    elif escalated:
        text = _escalation(decision, session)
        lines.append(text[:1].upper() + text[1:])
    extra = []
    for label, value in (
        ("Why", decision.rationale),
        ("Decided by", None if escalated else decision.decided_by),
        ("Hypothesis", decision.hypothesis),
        ("Measure", decision.measure),
        (
            "Review",
            f"{decision.review.isoformat()} ({relative_label(decision.review, session.date)})"
            if decision.review
            else None,
        ),
    ):
        if value:
            extra.append(f"{label}: {value}")
    if extra:
        lines.append(" · ".join(extra))
    return "\n".join(lines)


def _escalation(decision: Decision, session: Session) -> str:
    """`escalated po-sync → metascrum on 2026-12-01 (7 days, 2 sessions); the MetaScrum
    decides`: where it went, how long it has been open there, who makes the call."""
    ladder = ladder_label(decision.escalated_from, decision.escalate_to)
    sessions = decision.carried + 1
    age = f"{sessions} session{'s' if sessions != 1 else ''}"
    days = age_days(decision.escalated_on, session.date)
    if days is not None:
        age = f"{days} day{'s' if days != 1 else ''}, {age}"
    when = f" on {decision.escalated_on.isoformat()}" if decision.escalated_on else ""
    who = f"; {decision.decided_by} decides" if decision.decided_by else ""
    return f"escalated {ladder}{when} ({age}){who}"
