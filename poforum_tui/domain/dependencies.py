"""Pure operations on dependencies: who needs what from whom, by when. Each returns a Session.

A dependency is open while it is requested, agreed, at risk or blocked; done and dropped close
it. A carried one (from the previous session) needs an outcome, as decisions do: done, keep,
drop or escalate. Any open dependency can be escalated one rung up the ladder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from poforum_tui.domain._build import build, replace
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.escalation import CLEARED, age_days, escalation_fields
from poforum_tui.domain.ids import next_id
from poforum_tui.domain.models import DEPENDENCY_STATUSES, OUTCOMES, Dependency, Session

OPEN_STATUSES = ("requested", "agreed", "at-risk", "blocked")
URGENT_STATUSES = ("at-risk", "blocked")
GROUP_KEYS = ("to", "from")
"""A list groups by who must deliver (`to`) or by who needs it (`from`)."""


def _index(session: Session, dependency_id: str) -> int:
    for index, dependency in enumerate(session.dependencies):
        if dependency.id == dependency_id:
            return index
    raise DomainError(f"no dependency {dependency_id!r}")


def _aliased(fields: dict) -> dict:
    """`from_` (a Python name) as the file's `from`."""
    if "from_" in fields:
        fields = dict(fields)
        fields["from"] = fields.pop("from_")
    return fields


def _check_links(session: Session, fields: dict) -> None:
    topic, decision = fields.get("topic"), fields.get("decision")
    if topic and all(t.id != topic for t in session.board.topics):
        raise DomainError(f"topic: {topic!r} is not a topic on the board")
    if decision and all(d.id != decision for d in session.decisions):
        raise DomainError(f"decision: {decision!r} is not a decision in this session")


def _check_teams(dependency: Dependency) -> None:
    if dependency.from_.strip().casefold() == dependency.to.strip().casefold():
        raise DomainError(
            f"A dependency is between two teams: from and to are both {dependency.to.strip()!r}"
        )


def _replaced(session: Session, index: int, dependency: Dependency) -> Session:
    dependencies = list(session.dependencies)
    dependencies[index] = dependency
    return session.model_copy(update={"dependencies": tuple(dependencies)})


def add_dependency(session: Session, text: str, from_: str, to: str, **fields) -> Session:
    """A new dependency, raised on the session's date unless `raised_on` says otherwise."""
    _check_links(session, fields)
    fields.setdefault("raised_on", session.date)
    dependency = build(
        Dependency,
        id=next_id("dep", (d.id for d in session.dependencies)),
        text=text.strip(),
        **{"from": from_.strip(), "to": to.strip()},
        **_aliased(fields),
    )
    _check_teams(dependency)
    return session.model_copy(update={"dependencies": (*session.dependencies, dependency)})


def edit_dependency(session: Session, dependency_id: str, **changes) -> Session:
    changes = _aliased(changes)
    _check_links(session, changes)
    index = _index(session, dependency_id)
    dependency = replace(session.dependencies[index], **changes)
    _check_teams(dependency)
    return _replaced(session, index, dependency)


def delete_dependency(session: Session, dependency_id: str) -> Session:
    index = _index(session, dependency_id)
    dependencies = session.dependencies[:index] + session.dependencies[index + 1 :]
    return session.model_copy(update={"dependencies": dependencies})


def set_status(session: Session, dependency_id: str, status: str) -> Session:
    """Set the status; a follow-up's outcome follows it (done → done, dropped → drop)."""
    if status not in DEPENDENCY_STATUSES:
        raise DomainError(f"{status!r} is not a status (one of {', '.join(DEPENDENCY_STATUSES)})")
    dependency = session.dependencies[_index(session, dependency_id)]
    changes: dict[str, object] = {"status": status}
    if is_follow_up(dependency):
        if status == "done":
            changes["outcome"] = "done"
        elif status == "dropped":
            changes["outcome"] = "drop"
        elif dependency.outcome in ("done", "drop"):
            changes["outcome"] = None
    return edit_dependency(session, dependency_id, **changes)


def cycle_status(session: Session, dependency_id: str) -> Session:
    """requested → agreed → at-risk → blocked → done → dropped → requested (space)."""
    current = session.dependencies[_index(session, dependency_id)].status
    following = DEPENDENCY_STATUSES[
        (DEPENDENCY_STATUSES.index(current) + 1) % len(DEPENDENCY_STATUSES)
    ]
    return set_status(session, dependency_id, following)


def escalate(session: Session, dependency_id: str, target: str | None) -> Session:
    """Hand an open dependency up the ladder (`po-sync`, `metascrum`); a follow-up's outcome
    becomes `escalate`. DomainError for a closed one or no target."""
    dependency = session.dependencies[_index(session, dependency_id)]
    if not dependency.is_open:
        raise DomainError(f"{dependency_id} is {dependency.status}: only open ones escalate")
    changes = escalation_fields(session, target)
    if is_follow_up(dependency):
        changes["outcome"] = "escalate"
    return edit_dependency(session, dependency_id, **changes)


def set_outcome(
    session: Session, dependency_id: str, outcome: str | None, escalate_to: str | None = None
) -> Session:
    """A carried dependency's follow-up: done, keep (stays open as it is), drop or escalate.

    None clears the review (and an escalation it made); a closed status reopens as requested.
    """
    dependency = session.dependencies[_index(session, dependency_id)]
    if not is_follow_up(dependency):
        raise DomainError(
            "Only dependencies carried over from the previous session take an outcome"
        )
    if outcome is None:
        changes: dict[str, object] = {"outcome": None}
        if not dependency.is_open:
            changes["status"] = "requested"
        if dependency.outcome == "escalate":
            changes.update(CLEARED)
        return edit_dependency(session, dependency_id, **changes)
    if outcome not in OUTCOMES:
        raise DomainError(f"{outcome!r} is not an outcome (one of {', '.join(OUTCOMES)})")
    if outcome == "escalate":
        reopened = session
        if not dependency.is_open:
            reopened = edit_dependency(session, dependency_id, status="requested")
        return escalate(reopened, dependency_id, escalate_to)
    status = {"done": "done", "drop": "dropped"}.get(outcome)
    if status is None:  # keep: still open, as it was
        status = dependency.status if dependency.is_open else "requested"
    changes = {"outcome": outcome, "status": status}
    if dependency.outcome == "escalate":
        changes.update(CLEARED)
    return edit_dependency(session, dependency_id, **changes)


def record_decision(
    session: Session, dependency_id: str, kind: str, text: str, **fields
) -> Session:
    """Record the decision taken on a dependency and link it (`decision = "d4"`)."""
    from poforum_tui.domain.decisions import add_decision

    dependency = session.dependencies[_index(session, dependency_id)]
    if dependency.topic and "topic" not in fields:
        fields["topic"] = dependency.topic
    session = add_decision(session, kind, text, **fields)
    return edit_dependency(session, dependency_id, decision=session.decisions[-1].id)


def from_topic(session: Session, topic_id: str, from_: str, to: str, **fields) -> Session:
    """Turn a board topic into a dependency: its title is the text, the topic stays linked."""
    topic = next((t for t in session.board.topics if t.id == topic_id), None)
    if topic is None:
        raise DomainError(f"no topic {topic_id!r}")
    fields.setdefault("owner", topic.author)
    return add_dependency(
        session, fields.pop("text", topic.title), from_, to, topic=topic_id, **fields
    )


def is_follow_up(dependency: Dependency) -> bool:
    return dependency.carried > 0 or dependency.carried_from is not None


def awaiting_outcome(session: Session) -> list[Dependency]:
    return [d for d in session.dependencies if is_follow_up(d) and d.outcome is None]


def is_overdue(dependency: Dependency, today: dt.date) -> bool:
    """Open and needed by a date before `today` (a sprint label is never overdue)."""
    needed = overdue_after(dependency)
    return needed is not None and needed < today


def overdue_after(dependency: Dependency) -> dt.date | None:
    """The day after which `dependency` is overdue (its needed-by date, while open; a sprint
    label never is), else None."""
    needed = dependency.needed_by
    return needed if dependency.is_open and isinstance(needed, dt.date) else None


def is_urgent(dependency: Dependency, today: dt.date) -> bool:
    """At risk, blocked or overdue: listed first."""
    return dependency.status in URGENT_STATUSES or is_overdue(dependency, today)


def open_dependencies(session: Session) -> list[Dependency]:
    return [d for d in session.dependencies if d.is_open]


@dataclass(frozen=True)
class Age:
    """How long a dependency has been open: days since it was raised, sessions it was in."""

    days: int | None
    sessions: int

    def label(self) -> str:
        sessions = f"{self.sessions} session{'s' if self.sessions != 1 else ''}"
        if self.days is None:
            return sessions
        return f"{self.days} day{'s' if self.days != 1 else ''}, {sessions}"


def age(dependency: Dependency, on: dt.date) -> Age:
    return Age(age_days(dependency.raised_on, on), dependency.carried + 1)


def _rank(dependency: Dependency, today: dt.date) -> int:
    if not dependency.is_open:
        return 2
    return 0 if is_urgent(dependency, today) else 1


def _needed_key(dependency: Dependency) -> tuple[int, dt.date | str]:
    needed = dependency.needed_by
    if isinstance(needed, dt.date):
        return (0, needed)
    return (1, needed or "")


def grouped(
    dependencies: tuple[Dependency, ...] | list[Dependency], today: dt.date, by: str = "to"
) -> list[tuple[str, list[Dependency]]]:
    """Dependencies grouped by `to` (or `from`), urgent ones first everywhere.

    Within a group: at risk, blocked or overdue, then other open ones, then closed; each by
    date needed. Groups with something urgent come first, then by name.
    """
    if by not in GROUP_KEYS:
        raise DomainError(f"group by {' or '.join(GROUP_KEYS)}, not {by!r}")
    groups: dict[str, list[tuple[int, tuple, int, Dependency]]] = {}
    for position, dependency in enumerate(dependencies):
        name = dependency.to if by == "to" else dependency.from_
        key = (_rank(dependency, today), _needed_key(dependency), position, dependency)
        groups.setdefault(name, []).append(key)
    ordered = []
    for name, keyed in groups.items():
        keyed.sort(key=lambda item: item[:3])
        ordered.append((keyed[0][0], name.casefold(), name, [item[3] for item in keyed]))
    ordered.sort(key=lambda item: item[:2])
    return [(name, items) for _, _, name, items in ordered]
