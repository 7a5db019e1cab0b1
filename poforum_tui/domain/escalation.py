"""The escalation ladder: a PO forum or sync hands what it cannot settle one rung up.

A PO sync's escalation point is the Chief PO; what a sync cannot settle goes to the MetaScrum,
where the PO team and the stakeholders make the call. An escalated item (decision or
dependency) records where it went (`escalate_to`), where it came from (`escalated_from`, the
kind of session that escalated it), when (`escalated_on`) and who makes the call
(`decided_by`).
"""

from __future__ import annotations

import datetime as dt

from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.models import Session

LADDER = ("po-sync", "metascrum")
"""The rungs, lowest first: a forum escalates to a PO sync, a PO sync to the MetaScrum."""
TARGET_NAMES = {"po-sync": "PO sync", "metascrum": "MetaScrum"}


def next_rung(kind: str) -> str | None:
    """Where a session of `kind` escalates to by default (None at the top, a MetaScrum)."""
    if kind == LADDER[-1]:
        return None
    if kind in LADDER:
        return LADDER[LADDER.index(kind) + 1]
    return LADDER[0]


def who_decides(session: Session, target: str) -> str:
    """Who makes the call at `target`: the MetaScrum itself, or a sync's Chief PO."""
    if target == "metascrum":
        return "the MetaScrum"
    if target == "po-sync":
        chiefs = [p.name for p in session.participants if p.role == "chief-po"]
        return f"{' and '.join(chiefs)} (Chief PO)" if chiefs else "the Chief PO"
    return target


def escalation_fields(session: Session, target: str | None) -> dict[str, object]:
    """The keys an item escalated from `session` to `target` gets; DomainError without one."""
    target = (target or "").strip()
    if not target:
        raise DomainError("Escalate to where? Name the MetaScrum or PO sync it goes to")
    if target == session.kind and target in LADDER:
        raise DomainError(
            f"This is a {TARGET_NAMES[target]} already: keep it for the next one"
            + (", or escalate it to the MetaScrum" if target != "metascrum" else "")
        )
    return {
        "escalate_to": target,
        "escalated_from": session.kind,
        "escalated_on": session.date,
        "decided_by": who_decides(session, target),
    }


CLEARED = {"escalate_to": None, "escalated_from": None, "escalated_on": None, "decided_by": None}
"""What undoing an escalation removes."""


def ladder_label(escalated_from: str | None, escalate_to: str | None) -> str:
    """`po-sync → metascrum`, or just the target when the origin is unknown ("" if none)."""
    if not escalate_to:
        return ""
    return f"{escalated_from} → {escalate_to}" if escalated_from else f"→ {escalate_to}"


def age_days(since: dt.date | None, on: dt.date) -> int | None:
    """Whole days from `since` to `on` (None when `since` is unknown)."""
    return None if since is None else max(0, (on - since).days)
