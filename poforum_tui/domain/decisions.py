"""Pure operations on decisions, experiments and actions. Each returns a new Session."""

from __future__ import annotations

import datetime as dt

from poforum_tui.domain._build import build, replace
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.escalation import CLEARED, escalation_fields
from poforum_tui.domain.ids import next_id
from poforum_tui.domain.limits import within_limit
from poforum_tui.domain.models import DECISION_STATUSES, OUTCOMES, Decision, Session

# What a follow-up outcome makes of the item's status.
OUTCOME_STATUS = {"done": "done", "keep": "open", "drop": "dropped", "escalate": "open"}
ESCALATION_TARGETS = {"metascrum": "the next MetaScrum", "po-sync": "the next PO sync"}


def _index(session: Session, decision_id: str) -> int:
    for index, decision in enumerate(session.decisions):
        if decision.id == decision_id:
            return index
    raise DomainError(f"no decision {decision_id!r}")


def _check_topic(session: Session, topic_id: str | None) -> None:
    if topic_id is not None and all(t.id != topic_id for t in session.board.topics):
        raise DomainError(f"topic: {topic_id!r} is not a topic on the board")


def add_decision(session: Session, kind: str, text: str, **fields) -> Session:
    _check_topic(session, fields.get("topic"))
    decision = build(
        Decision,
        id=next_id("d", (d.id for d in session.decisions)),
        kind=kind,
        text=text,
        **fields,
    )
    added = session.model_copy(update={"decisions": (*session.decisions, decision)})
    return within_limit(added, f"another {decision.kind}")


def edit_decision(session: Session, decision_id: str, **changes) -> Session:
    if "topic" in changes:
        _check_topic(session, changes["topic"])
    index = _index(session, decision_id)
    decisions = list(session.decisions)
    decisions[index] = replace(decisions[index], **changes)
    return session.model_copy(update={"decisions": tuple(decisions)})


def delete_decision(session: Session, decision_id: str) -> Session:
    index = _index(session, decision_id)
    decisions = session.decisions[:index] + session.decisions[index + 1 :]
    return session.model_copy(update={"decisions": decisions})


def cycle_status(session: Session, decision_id: str) -> Session:
    """open → done → dropped → open (space); a follow-up's outcome follows its status."""
    decision = session.decisions[_index(session, decision_id)]
    following = DECISION_STATUSES[
        (DECISION_STATUSES.index(decision.status) + 1) % len(DECISION_STATUSES)
    ]
    changes: dict[str, object] = {"status": following}
    if is_follow_up(decision):
        if following == "done":
            changes["outcome"] = "done"
        elif following == "dropped":
            changes["outcome"] = "drop"
        elif decision.outcome not in ("keep", "escalate"):
            changes["outcome"] = None
    return edit_decision(session, decision_id, **changes)


def set_outcome(
    session: Session, decision_id: str, outcome: str | None, escalate_to: str | None = None
) -> Session:
    """Record a follow-up's outcome: done, keep, drop or escalate (to `escalate_to`).

    The status follows the outcome; None clears it (and an escalation it made).
    """
    decision = session.decisions[_index(session, decision_id)]
    if not is_follow_up(decision):
        raise DomainError("Only items carried over from the previous session take an outcome")
    if outcome is None:
        changes: dict[str, object] = {"outcome": None, "status": "open"}
        if decision.outcome == "escalate":
            changes.update(CLEARED)
        return edit_decision(session, decision_id, **changes)
    if outcome not in OUTCOMES:
        raise DomainError(f"{outcome!r} is not an outcome (one of {', '.join(OUTCOMES)})")
    changes = {"outcome": outcome, "status": OUTCOME_STATUS[outcome]}
    if outcome == "escalate":
        changes.update(escalation_fields(session, escalate_to))
    return edit_decision(session, decision_id, **changes)


def is_follow_up(decision: Decision) -> bool:
    """Carried over from a previous session, so it needs an outcome here."""
    return decision.carried > 0 or decision.carried_from is not None


def follow_ups(session: Session) -> list[Decision]:
    return [d for d in session.decisions if is_follow_up(d)]


def awaiting_outcome(session: Session) -> list[Decision]:
    """Follow-ups nobody has reviewed yet in this session."""
    return [d for d in follow_ups(session) if d.outcome is None]


def is_overdue(decision: Decision, today: dt.date) -> bool:
    """Still open and due before `today` (for a session: its date)."""
    due = overdue_after(decision)
    return due is not None and due < today


def overdue_after(decision: Decision) -> dt.date | None:
    """The day after which `decision` is overdue (its due date, while open), else None."""
    return decision.due if decision.status == "open" else None


def open_count(session: Session, kind: str | None = None) -> int:
    return sum(
        1 for d in session.decisions if d.status == "open" and (kind is None or d.kind == kind)
    )
