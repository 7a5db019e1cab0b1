"""Pure operations on decisions, experiments and actions. Each returns a new Session."""

from __future__ import annotations

from poforum_tui.domain._build import build, replace
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.ids import next_id
from poforum_tui.domain.models import DECISION_STATUSES, Decision, Session


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
    return session.model_copy(update={"decisions": (*session.decisions, decision)})


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
    """open → done → dropped → open (space)."""
    decision = session.decisions[_index(session, decision_id)]
    following = DECISION_STATUSES[
        (DECISION_STATUSES.index(decision.status) + 1) % len(DECISION_STATUSES)
    ]
    return edit_decision(session, decision_id, status=following)


def open_count(session: Session, kind: str | None = None) -> int:
    return sum(
        1 for d in session.decisions if d.status == "open" and (kind is None or d.kind == kind)
    )
