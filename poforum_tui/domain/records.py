"""The PO sync / MetaScrum records: dependencies, ROAM risks and confidence votes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal, get_args

from pydantic import ConfigDict, Field

from poforum_tui.domain.fields import (
    CONFIDENCE_SCALE,
    Count,
    Model,
    NeededBy,
    OptionalText,
    PathError,
    Scores,
    SiblingFile,
    Text,
    unique_ids,
)

if TYPE_CHECKING:
    from poforum_tui.domain.models import Session

Outcome = Literal["done", "keep", "drop", "escalate"]
DependencyStatus = Literal["requested", "agreed", "at-risk", "blocked", "done", "dropped"]
RoamState = Literal["resolved", "owned", "accepted", "mitigated"]
DEPENDENCY_STATUSES: tuple[str, ...] = get_args(DependencyStatus)
ROAM_STATES: tuple[str, ...] = get_args(RoamState)


class Dependency(Model):
    """Who needs what from whom, by when (`[[dependencies]]`)."""

    model_config = ConfigDict(populate_by_name=True)

    id: Text
    text: Text
    from_: Text = Field(alias="from")
    """The team or PO that needs it."""
    to: Text
    """Who must deliver."""
    needed_by: NeededBy = None
    status: DependencyStatus = "requested"
    owner: OptionalText = None
    topic: OptionalText = None
    decision: OptionalText = None
    ref: OptionalText = None
    """A link or ticket key elsewhere (`PAY-123`)."""
    raised_on: dt.date | None = None
    """The date of the session it was first recorded in (its age counts from here)."""
    carried_from: SiblingFile = None
    carried: Count = 0
    carried_id: OptionalText = None
    decided_by: OptionalText = None
    escalate_to: OptionalText = None
    escalated_from: OptionalText = None
    escalated_on: dt.date | None = None
    outcome: Outcome | None = None

    @property
    def is_open(self) -> bool:
        return self.status not in ("done", "dropped")


class Risk(Model):
    """A ROAM risk (`[[risks]]`): resolved, owned, accepted or mitigated, once discussed."""

    id: Text
    text: Text
    owner: OptionalText = None
    follow_up: dt.date | None = None
    roam: RoamState | None = None
    """None until the group has ROAMed it."""
    topic: OptionalText = None
    carried_from: SiblingFile = None
    carried: Count = 0


class ConfidenceVote(Model):
    """A fist-of-five vote (`[[confidence]]`): each person's 1..5 on one question."""

    id: Text
    question: Text
    votes: Scores = Field(default_factory=dict)

    def histogram(self) -> dict[int, int]:
        """How many people gave each score, 1..5 (zeros included)."""
        counts = dict.fromkeys(CONFIDENCE_SCALE, 0)
        for score in self.votes.values():
            counts[score] += 1
        return counts

    def average(self) -> float | None:
        return sum(self.votes.values()) / len(self.votes) if self.votes else None


def check_records(session: Session, topics: set[str]) -> None:
    """Dependencies, risks and confidence votes: unique ids, links to what exists."""
    unique_ids("dependencies", [d.id for d in session.dependencies])
    unique_ids("risks", [r.id for r in session.risks])
    unique_ids("confidence", [c.id for c in session.confidence])
    decisions = {d.id for d in session.decisions}
    for index, dependency in enumerate(session.dependencies, start=1):
        if dependency.topic is not None and dependency.topic not in topics:
            raise PathError(
                f"dependencies[{index}].topic",
                f"{dependency.topic!r} is not a topic on the board",
            )
        if dependency.decision is not None and dependency.decision not in decisions:
            raise PathError(
                f"dependencies[{index}].decision",
                f"{dependency.decision!r} is not a decision in this session",
            )
    for index, risk in enumerate(session.risks, start=1):
        if risk.topic is not None and risk.topic not in topics:
            raise PathError(f"risks[{index}].topic", f"{risk.topic!r} is not a topic on the board")
