"""How one decision reads in a detail pane: what the table cuts short, and its kind's keys."""

from __future__ import annotations

import datetime as dt

from poforum_tui.domain import Decision, Session
from poforum_tui.domain import decisions as ops
from poforum_tui.domain.dates import relative_label

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
    if ops.is_follow_up(decision):
        times = "once" if decision.carried == 1 else f"{decision.carried} times"
        follow = f"Carried {times} · outcome: {decision.outcome or 'none yet (o)'}"
        if decision.escalate_to:
            follow += f" · escalated to {decision.escalate_to}"
        lines.append(follow)
    extra = []
    for label, value in (
        ("Why", decision.rationale),
        ("Decided by", decision.decided_by),
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
