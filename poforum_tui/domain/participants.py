"""Pure operations on participants, facilitators and the working agreement."""

from __future__ import annotations

from poforum_tui.domain._build import build, replace
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.models import Participant, Session


def add_participant(session: Session, name: str, **fields) -> Session:
    if any(p.name == name.strip() for p in session.participants):
        raise DomainError(f"{name.strip()} is already a participant")
    participant = build(Participant, name=name.strip(), **fields)
    return session.model_copy(update={"participants": (*session.participants, participant)})


def edit_participant(session: Session, name: str, **changes) -> Session:
    participants = list(session.participants)
    for index, participant in enumerate(participants):
        if participant.name == name:
            participants[index] = replace(participant, **changes)
            return session.model_copy(update={"participants": tuple(participants)})
    raise DomainError(f"no participant {name!r}")


def remove_participant(session: Session, name: str) -> Session:
    participants = tuple(p for p in session.participants if p.name != name)
    return session.model_copy(update={"participants": participants})


def set_working_agreement(session: Session, lines: list[str]) -> Session:
    agreement = tuple(line.strip() for line in lines if line.strip())
    return session.model_copy(update={"working_agreement": agreement})


def set_facilitators(session: Session, names: list[str]) -> Session:
    facilitators = tuple(name.strip() for name in names if name.strip())
    return session.model_copy(update={"facilitators": facilitators})
