"""The pane under the Dependencies table: everything about the highlighted dependency."""

from __future__ import annotations

import datetime as dt

from poforum_tui.domain import dependencies as deps
from poforum_tui.domain.escalation import ladder_label
from poforum_tui.domain.models import Dependency, Session


def needed_label(dependency: Dependency) -> str:
    needed = dependency.needed_by
    if needed is None:
        return "—"
    return needed.isoformat() if isinstance(needed, dt.date) else needed


def describe(dependency: Dependency, session: Session) -> str:
    """Up to four lines: who needs what from whom and when; links; escalation; follow-up."""
    today = session.date
    first = f"{dependency.from_} needs from {dependency.to}: {dependency.text}"
    facts = [f"by {needed_label(dependency)}"]
    if deps.is_overdue(dependency, today):
        facts[0] += " (overdue)"
    facts.append(dependency.status)
    if dependency.owner:
        facts.append(f"owner {dependency.owner}")
    if dependency.ref:
        facts.append(f"ref {dependency.ref}")
    facts.append(f"open {deps.age(dependency, today).label()}")
    lines = [first, " · ".join(facts)]
    links = []
    titles = {topic.id: topic.title for topic in session.board.topics}
    if dependency.topic:
        links.append(f"topic: {titles.get(dependency.topic, dependency.topic)}")
    if dependency.decision:
        decision = next((d for d in session.decisions if d.id == dependency.decision), None)
        links.append(f"decision: {decision.text if decision else dependency.decision}")
    if links:
        lines.append(" · ".join(links))
    ladder = ladder_label(dependency.escalated_from, dependency.escalate_to)
    review = []
    if ladder and dependency.is_open:
        when = f" on {dependency.escalated_on.isoformat()}" if dependency.escalated_on else ""
        review.append(f"escalated {ladder}{when}; {dependency.decided_by or 'nobody yet'} decides")
    if deps.is_follow_up(dependency):
        outcome = dependency.outcome or "needs an outcome (o)"
        review.append(f"carried from {dependency.carried_from or 'an earlier session'}: {outcome}")
    if review:
        lines.append(" · ".join(review))
    return "\n".join(lines)
