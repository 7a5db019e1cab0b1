"""Pure operations on ROAM risks (`[[risks]]`), as a PI-style PO sync reviews them.

Each risk is talked through and given a ROAM state: Resolved (it is no longer a risk), Owned
(someone takes it and follows it up by a date), Accepted (we live with it) or Mitigated (we
act to make it smaller or less likely). An unROAMed risk has no state yet.
"""

from __future__ import annotations

from poforum_tui.domain._build import build, replace
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.ids import next_id
from poforum_tui.domain.models import ROAM_STATES, Risk, Session

ROAM_NAMES = {
    "resolved": "Resolved",
    "owned": "Owned",
    "accepted": "Accepted",
    "mitigated": "Mitigated",
}


def _index(session: Session, risk_id: str) -> int:
    for index, risk in enumerate(session.risks):
        if risk.id == risk_id:
            return index
    raise DomainError(f"no risk {risk_id!r}")


def _check(session: Session, fields: dict) -> None:
    topic = fields.get("topic")
    if topic and all(t.id != topic for t in session.board.topics):
        raise DomainError(f"topic: {topic!r} is not a topic on the board")
    if fields.get("roam") == "owned" and not fields.get("owner"):
        raise DomainError("An owned risk needs an owner: who follows it up?")


def add_risk(session: Session, text: str, **fields) -> Session:
    _check(session, fields)
    risk = build(Risk, id=next_id("r", (r.id for r in session.risks)), text=text.strip(), **fields)
    return session.model_copy(update={"risks": (*session.risks, risk)})


def edit_risk(session: Session, risk_id: str, **changes) -> Session:
    index = _index(session, risk_id)
    current = session.risks[index]
    _check(session, {"owner": current.owner, "roam": current.roam, **changes})
    risks = list(session.risks)
    risks[index] = replace(current, **changes)
    return session.model_copy(update={"risks": tuple(risks)})


def delete_risk(session: Session, risk_id: str) -> Session:
    index = _index(session, risk_id)
    return session.model_copy(update={"risks": session.risks[:index] + session.risks[index + 1 :]})


def set_roam(session: Session, risk_id: str, state: str | None) -> Session:
    """ROAM a risk (None: back to not yet ROAMed)."""
    if state is not None and state not in ROAM_STATES:
        raise DomainError(f"{state!r} is not a ROAM state (one of {', '.join(ROAM_STATES)})")
    return edit_risk(session, risk_id, roam=state)


def risk_from_topic(session: Session, topic_id: str, **fields) -> Session:
    """A risk from a board topic; on a ROAM board (columns named after the states) the
    topic's column is its ROAM state."""
    topic = next((t for t in session.board.topics if t.id == topic_id), None)
    if topic is None:
        raise DomainError(f"no topic {topic_id!r}")
    if topic.column in ROAM_STATES:
        fields.setdefault("roam", topic.column)
    fields.setdefault("owner", topic.author)
    return add_risk(session, topic.title, topic=topic_id, **fields)


def unresolved(session: Session) -> list[Risk]:
    """Risks still to follow up: everything not resolved."""
    return [risk for risk in session.risks if risk.roam != "resolved"]


def by_state(session: Session) -> dict[str | None, list[Risk]]:
    """Risks under each ROAM state in R-O-A-M order, then the unROAMed (None)."""
    states: dict[str | None, list[Risk]] = {state: [] for state in ROAM_STATES}
    states[None] = []
    for risk in session.risks:
        states[risk.roam].append(risk)
    return states
