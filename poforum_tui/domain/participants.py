"""Pure operations on participants, facilitators and the working agreement."""

from __future__ import annotations

from poforum_tui.domain._build import build, replace, swap
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.limits import within_limit
from poforum_tui.domain.models import Participant, Session


def add_participant(session: Session, name: str, **fields) -> Session:
    if any(p.name == name.strip() for p in session.participants):
        raise DomainError(f"{name.strip()} is already a participant")
    participant = build(Participant, name=name.strip(), **fields)
    added = session.model_copy(update={"participants": (*session.participants, participant)})
    return within_limit(added, "another participant")


def edit_participant(session: Session, who: str, **changes) -> Session:
    """Change a participant; a new name must not be taken by someone else."""
    new_name = changes.get("name")
    if new_name is not None:
        changes["name"] = new_name = new_name.strip()
        if new_name != who and any(p.name == new_name for p in session.participants):
            raise DomainError(f"{new_name} is already a participant")
    participants = list(session.participants)
    for index, participant in enumerate(participants):
        if participant.name == who:
            participants[index] = replace(participant, **changes)
            session = session.model_copy(update={"participants": tuple(participants)})
            if new_name is not None and new_name != who:
                session = _renamed(session, who, new_name)
            return session
    raise DomainError(f"no participant {who!r}")


def _renamed(session: Session, old: str, new: str) -> Session:
    """Follow a participant's new name in votes, owners and facilitators."""

    def name(value: str | None) -> str | None:
        return new if value == old else value

    def votes(counts: dict[str, int]) -> dict[str, int]:
        merged: dict[str, int] = {}
        for voter, count in counts.items():
            key = new if voter == old else voter
            merged[key] = merged.get(key, 0) + count
        return merged

    topics = tuple(
        t.model_copy(update={"votes": votes(t.votes)}) if old in t.votes else t
        for t in session.board.topics
    )
    agenda = tuple(i.model_copy(update={"owner": name(i.owner)}) for i in session.agenda)
    decisions = tuple(
        d.model_copy(update={"owner": name(d.owner), "decided_by": name(d.decided_by)})
        for d in session.decisions
    )
    dependencies = tuple(
        d.model_copy(update={"owner": name(d.owner), "decided_by": name(d.decided_by)})
        for d in session.dependencies
    )
    risks = tuple(r.model_copy(update={"owner": name(r.owner)}) for r in session.risks)
    confidence = tuple(
        c.model_copy(update={"votes": {new if k == old else k: v for k, v in c.votes.items()}})
        if old in c.votes and new not in c.votes
        else c
        for c in session.confidence
    )
    return session.model_copy(
        update={
            "facilitators": tuple(name(f) for f in session.facilitators),
            "agenda": agenda,
            "decisions": decisions,
            "dependencies": dependencies,
            "risks": risks,
            "confidence": confidence,
            "board": session.board.model_copy(update={"topics": topics}),
        }
    )


def remove_participant(session: Session, name: str) -> Session:
    participants = tuple(p for p in session.participants if p.name != name)
    return session.model_copy(update={"participants": participants})


def set_working_agreement(session: Session, lines: list[str]) -> Session:
    agreement = tuple(line.strip() for line in lines if line.strip())
    return session.model_copy(update={"working_agreement": agreement})


def set_facilitators(session: Session, names: list[str]) -> Session:
    facilitators = tuple(name.strip() for name in names if name.strip())
    return session.model_copy(update={"facilitators": facilitators})


def add_agreement(session: Session, line: str) -> Session:
    if not line.strip():
        raise DomainError("an agreement must not be empty")
    added = session.model_copy(
        update={"working_agreement": (*session.working_agreement, line.strip())}
    )
    return within_limit(added, "another agreement")


def edit_agreement(session: Session, index: int, line: str) -> Session:
    if not line.strip():
        raise DomainError("an agreement must not be empty")
    lines = list(session.working_agreement)
    lines[index] = line.strip()
    return session.model_copy(update={"working_agreement": tuple(lines)})


def remove_agreement(session: Session, index: int) -> Session:
    lines = list(session.working_agreement)
    del lines[index]
    return session.model_copy(update={"working_agreement": tuple(lines)})


def move_agreement(session: Session, index: int, delta: int) -> Session:
    other = index + delta
    if not 0 <= other < len(session.working_agreement):
        return session
    return session.model_copy(
        update={"working_agreement": swap(session.working_agreement, index, other)}
    )


def toggle_present(session: Session, name: str) -> Session:
    participant = next((p for p in session.participants if p.name == name), None)
    if participant is None:
        raise DomainError(f"no participant {name!r}")
    return edit_participant(session, name, present=not participant.present)
