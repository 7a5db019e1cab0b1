"""The session file's schema 1 as immutable pydantic models.

Every model is frozen: operations return new values, so undo is a stack of sessions.
Unknown keys written by hand are kept (``extra="allow"``) and saved back.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Literal, get_args

from pydantic import ConfigDict, Field, ValidationInfo, model_validator

from poforum_tui.domain.fields import (
    CONFIDENCE_SCALE,
    MAX_TIMEBOX,
    MIN_TIMEBOX,
    Count,
    MinutesText,
    Model,
    OptionalText,
    PathError,
    Pattern,
    Seconds,
    SiblingFile,
    Text,
    Timebox,
    Votes,
    pattern_steps,
)
from poforum_tui.domain.records import (
    DEPENDENCY_STATUSES,
    ROAM_STATES,
    ConfidenceVote,
    Dependency,
    DependencyStatus,
    Outcome,
    Risk,
    RoamState,
    check_records,
)

SCHEMA_VERSION = 1

SessionKind = Literal[
    "po-forum", "po-sync", "metascrum", "multi-team-refinement", "lean-coffee", "custom"
]
Role = Literal["chief-po", "po", "stakeholder", "coach", "scrum-master", "other"]
ItemStatus = Literal["pending", "running", "paused", "done", "skipped"]
DecisionKind = Literal["decision", "experiment", "action"]
DecisionStatus = Literal["open", "done", "dropped"]

SESSION_KINDS: tuple[str, ...] = get_args(SessionKind)
ROLES: tuple[str, ...] = get_args(Role)
ITEM_STATUSES: tuple[str, ...] = get_args(ItemStatus)
DECISION_KINDS: tuple[str, ...] = get_args(DecisionKind)
DECISION_STATUSES: tuple[str, ...] = get_args(DecisionStatus)
OUTCOMES: tuple[str, ...] = get_args(Outcome)

__all__ = [
    "CONFIDENCE_SCALE",
    "DECISION_KINDS",
    "DECISION_STATUSES",
    "DEPENDENCY_STATUSES",
    "ITEM_STATUSES",
    "MAX_TIMEBOX",
    "MIN_TIMEBOX",
    "OUTCOMES",
    "ROAM_STATES",
    "ROLES",
    "SCHEMA_VERSION",
    "SESSION_KINDS",
    "AgendaItem",
    "Board",
    "Column",
    "ConfidenceVote",
    "Decision",
    "Dependency",
    "DependencyStatus",
    "Model",
    "Outcome",
    "Participant",
    "PathError",
    "Risk",
    "RoamState",
    "Session",
    "Topic",
    "pattern_steps",
]


class Participant(Model):
    name: Text
    role: Role = "po"
    domain: OptionalText = None
    present: bool = True


class AgendaItem(Model):
    id: Text
    title: Text
    minutes: Timebox
    owner: OptionalText = None
    status: ItemStatus = "pending"
    spent_seconds: Seconds = 0
    started_at: dt.datetime | None = None
    notes: OptionalText = None
    topic: OptionalText = None
    pattern: Pattern = None

    @model_validator(mode="after")
    def _clock_state(self) -> AgendaItem:
        if self.status == "running" and self.started_at is None:
            raise PathError("started_at", "a running item needs started_at")
        if self.status != "running" and self.started_at is not None:
            raise PathError("started_at", "only a running item has started_at")
        if self.started_at is not None and self.started_at.utcoffset() is not None:
            raise PathError(
                "started_at",
                "has a time zone offset; poforum keeps local times without one "
                f"(write {self.started_at.replace(tzinfo=None).isoformat()})",
            )
        return self


class Column(Model):
    id: Text
    title: Text


class Topic(Model):
    id: Text
    title: Text
    column: Text
    author: OptionalText = None
    category: OptionalText = None
    votes: Votes = Field(default_factory=dict)
    notes: OptionalText = None
    """What was said about the topic (exported under it in the minutes)."""

    @property
    def vote_total(self) -> int:
        return sum(self.votes.values())


class Board(Model):
    votes_per_person: Annotated[int, Field(strict=True, ge=1)] | None = None
    votes_hidden: bool = False
    categories: tuple[str, ...] = ()
    agenda_timebox: MinutesText = None
    """The timebox `t` offers when a topic goes to the agenda ("10" or a pattern "7+5+3")."""
    columns: tuple[Column, ...] = ()
    topics: tuple[Topic, ...] = ()

    @model_validator(mode="after")
    def _room_settings(self) -> Board:
        extra = self.model_extra or {}
        for key in ("collecting", "voting", "cards_hidden"):  # domain/room.py's optional keys
            if key in extra and not isinstance(extra[key], bool):
                raise PathError(key, "must be true or false")
        return self

    def vote_budget(self) -> int:
        """Votes each person may cast: the set budget, else ceil(topics / 3) (Lean Coffee)."""
        if self.votes_per_person is not None:
            return self.votes_per_person
        return max(1, math.ceil(len(self.topics) / 3))

    def column_ids(self) -> list[str]:
        return [column.id for column in self.columns]

    def topics_in(self, column_id: str) -> list[Topic]:
        return [topic for topic in self.topics if topic.column == column_id]

    def votes_used(self, voter: str) -> int:
        return sum(topic.votes.get(voter, 0) for topic in self.topics)

    def votes_by_voter(self) -> dict[str, int]:
        """Votes each person has cast on the board, in one pass over the topics."""
        used: dict[str, int] = {}
        for topic in self.topics:
            for voter, count in topic.votes.items():
                used[voter] = used.get(voter, 0) + count
        return used


class Decision(Model):
    id: Text
    kind: DecisionKind = "decision"
    text: Text
    owner: OptionalText = None
    due: dt.date | None = None
    status: DecisionStatus = "open"
    topic: OptionalText = None
    carried_from: SiblingFile = None
    carried: Count = 0
    carried_id: OptionalText = None
    """The id it had in `carried_from` when that id was taken here (escalated items)."""
    rationale: OptionalText = None
    decided_by: OptionalText = None
    hypothesis: OptionalText = None
    measure: OptionalText = None
    review: dt.date | None = None
    escalate_to: OptionalText = None
    escalated_from: OptionalText = None
    """The kind of session that escalated it (`po-sync`): the first rung of the ladder."""
    escalated_on: dt.date | None = None
    outcome: Outcome | None = None
    """The follow-up review of a carried item in this session (None: not reviewed yet)."""


class Session(Model):
    schema_version: int = Field(SCHEMA_VERSION, alias="schema")
    title: Text
    kind: SessionKind = "custom"
    date: dt.date
    start: dt.time | None = None
    end: dt.time | None = None  # planned end; fixed when the first agenda item starts
    started: dt.time | None = None
    """When the meeting actually began (set with `end`); `start` stays the planned time."""
    facilitators: tuple[str, ...] = ()
    follows: SiblingFile = None
    working_agreement: tuple[str, ...] = ()
    participants: tuple[Participant, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    board: Board = Field(default_factory=Board)
    decisions: tuple[Decision, ...] = ()
    dependencies: tuple[Dependency, ...] = ()
    risks: tuple[Risk, ...] = ()
    confidence: tuple[ConfidenceVote, ...] = ()

    model_config = ConfigDict(populate_by_name=True)

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> Session:
        if info.context and info.context.get("references") is False:
            return self  # the caller asks reference_problems() for all of them
        problems = reference_problems(self)
        if problems:
            raise problems[0]
        return self

    def item(self, item_id: str) -> AgendaItem:
        return next(item for item in self.agenda if item.id == item_id)

    def topic(self, topic_id: str) -> Topic:
        return next(topic for topic in self.board.topics if topic.id == topic_id)

    def decision(self, decision_id: str) -> Decision:
        return next(d for d in self.decisions if d.id == decision_id)

    def dependency(self, dependency_id: str) -> Dependency:
        return next(d for d in self.dependencies if d.id == dependency_id)

    def risk(self, risk_id: str) -> Risk:
        return next(r for r in self.risks if r.id == risk_id)


def reference_problems(session: Session) -> list[PathError]:
    """Every broken reference: ids used twice, two running items, unknown columns and topics
    (and the first problem of the dependencies, risks and confidence votes)."""
    problems = []
    problems += _duplicates("agenda", [item.id for item in session.agenda])
    problems += _duplicates("board.columns", [column.id for column in session.board.columns])
    problems += _duplicates("board.topics", [topic.id for topic in session.board.topics])
    problems += _duplicates("decisions", [decision.id for decision in session.decisions])
    running = [i for i, item in enumerate(session.agenda) if item.status == "running"]
    for index in running[1:]:
        problems.append(
            PathError(f"agenda[{index + 1}].status", "only one agenda item can be running")
        )
    columns = set(session.board.column_ids())
    for index, topic in enumerate(session.board.topics, start=1):
        if topic.column not in columns:
            known = ", ".join(sorted(columns)) or "none defined"
            problems.append(
                PathError(
                    f"board.topics[{index}].column",
                    f"{topic.column!r} is not a column (columns: {known})",
                )
            )
    topics = {topic.id for topic in session.board.topics}
    for index, decision in enumerate(session.decisions, start=1):
        if decision.topic is not None and decision.topic not in topics:
            problems.append(
                PathError(
                    f"decisions[{index}].topic", f"{decision.topic!r} is not a topic on the board"
                )
            )
    if session.dependencies or session.risks or session.confidence:
        try:
            check_records(session, topics)
        except PathError as problem:
            problems.append(problem)
    return problems


def _duplicates(path: str, ids: list[str]) -> list[PathError]:
    """Like `unique_ids`, but every id used twice, not only the first."""
    seen: set[str] = set()
    problems = []
    for index, item_id in enumerate(ids, start=1):
        if item_id in seen:
            problems.append(PathError(f"{path}[{index}].id", f"{item_id!r} is used twice"))
        seen.add(item_id)
    return problems
