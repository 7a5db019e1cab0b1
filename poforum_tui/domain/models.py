"""The session file's schema 1 as immutable pydantic models.

Every model is frozen: operations return new values, so undo is a stack of sessions.
Unknown keys written by hand are kept (``extra="allow"``) and saved back.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

SCHEMA_VERSION = 1

SessionKind = Literal[
    "po-forum", "po-sync", "metascrum", "multi-team-refinement", "lean-coffee", "custom"
]
Role = Literal["chief-po", "po", "stakeholder", "coach", "scrum-master", "other"]
ItemStatus = Literal["pending", "running", "paused", "done", "skipped"]
DecisionKind = Literal["decision", "experiment", "action"]
DecisionStatus = Literal["open", "done", "dropped"]
Outcome = Literal["done", "keep", "drop", "escalate"]

SESSION_KINDS: tuple[str, ...] = get_args(SessionKind)
ROLES: tuple[str, ...] = get_args(Role)
ITEM_STATUSES: tuple[str, ...] = get_args(ItemStatus)
DECISION_KINDS: tuple[str, ...] = get_args(DecisionKind)
DECISION_STATUSES: tuple[str, ...] = get_args(DecisionStatus)
OUTCOMES: tuple[str, ...] = get_args(Outcome)

MIN_TIMEBOX = 1
MAX_TIMEBOX = 480


class PathError(ValueError):
    """A cross-reference problem that knows the key path it is about."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _timebox(value: int) -> int:
    if not MIN_TIMEBOX <= value <= MAX_TIMEBOX:
        raise ValueError(f"must be {MIN_TIMEBOX}..{MAX_TIMEBOX}")
    return value


def _not_negative(value: int) -> int:
    if value < 0:
        raise ValueError("must be 0 or more")
    return value


def _votes(value: dict[str, int]) -> dict[str, int]:
    for voter, count in value.items():
        _non_empty(voter)
        if count < 1:
            raise ValueError(f"{voter!r} has {count}; a vote count must be 1 or more")
    return value


def _whole_minutes_as_text(value: object) -> object:
    """A timebox written by hand as a number (`agenda_timebox = 10`) is kept as its text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _blank_is_none(value: str | None) -> str | None:
    return value if value is not None and value.strip() else None


def _sibling_file(value: str) -> str:
    """A plain file name in the session folder: no folders, no `..`, not absolute."""
    if not value.strip():
        raise ValueError("must not be empty")
    if "/" in value or "\\" in value or value in (".", "..") or value.startswith("~"):
        raise ValueError(
            f"{value!r} must be a file name in the same folder, like 2026-11-17-po-forum.toml "
            "(no folders, '..' or absolute paths)"
        )
    if any(ord(char) < 32 or ord(char) == 127 for char in value) or ":" in value[1:2]:
        raise ValueError(f"{value!r} must be a plain file name (no control characters or drives)")
    return value


def pattern_steps(text: str) -> tuple[int, ...]:
    """A Lean Coffee pattern `"7+5+3"` as (7, 5, 3): whole minutes joined by `+`."""
    parts = [part.strip() for part in text.split("+")]
    if len(parts) < 2 or not all(part.isdigit() for part in parts):
        raise ValueError("write whole minutes joined by +, like 7+5+3")
    steps = tuple(int(part) for part in parts)
    if min(steps) < MIN_TIMEBOX:
        raise ValueError("every step is at least 1 minute")
    if sum(steps) > MAX_TIMEBOX:
        raise ValueError(f"the steps add up to {sum(steps)}; at most {MAX_TIMEBOX} minutes")
    return steps


def _optional_pattern(value: str | None) -> str | None:
    value = _blank_is_none(value)
    if value is not None:
        pattern_steps(value)
    return value


def _optional_sibling(value: str | None) -> str | None:
    value = _blank_is_none(value)
    return None if value is None else _sibling_file(value)


Text = Annotated[str, AfterValidator(_non_empty)]
OptionalText = Annotated[str | None, AfterValidator(_blank_is_none)]
"""An optional text key: empty or blank means absent (it is not written)."""
Pattern = Annotated[str | None, AfterValidator(_optional_pattern)]
"""An optional Lean Coffee timebox pattern such as 7+5+3."""
SiblingFile = Annotated[str | None, AfterValidator(_optional_sibling)]
"""An optional file name in the session's own folder (`follows`, `carried_from`)."""
Timebox = Annotated[int, Field(strict=True), AfterValidator(_timebox)]
Seconds = Annotated[int, Field(strict=True), AfterValidator(_not_negative)]
Votes = Annotated[dict[str, Annotated[int, Field(strict=True)]], AfterValidator(_votes)]


class Model(BaseModel):
    """Base: frozen, keeps unknown keys, validates defaults."""

    model_config = ConfigDict(frozen=True, extra="allow", validate_default=True)


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

    @property
    def vote_total(self) -> int:
        return sum(self.votes.values())


class Board(Model):
    votes_per_person: Annotated[int, Field(strict=True, ge=1)] | None = None
    votes_hidden: bool = False
    categories: tuple[str, ...] = ()
    agenda_timebox: Annotated[OptionalText, BeforeValidator(_whole_minutes_as_text)] = None
    """The timebox `t` offers when a topic goes to the agenda ("10" or a pattern "7+5+3")."""
    columns: tuple[Column, ...] = ()
    topics: tuple[Topic, ...] = ()

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
    carried: Annotated[int, Field(strict=True, ge=0)] = 0
    rationale: OptionalText = None
    decided_by: OptionalText = None
    hypothesis: OptionalText = None
    measure: OptionalText = None
    review: dt.date | None = None
    escalate_to: OptionalText = None
    outcome: Outcome | None = None
    """The follow-up review of a carried item in this session (None: not reviewed yet)."""


class Session(Model):
    schema_version: int = Field(SCHEMA_VERSION, alias="schema")
    title: Text
    kind: SessionKind = "custom"
    date: dt.date
    start: dt.time | None = None
    end: dt.time | None = None  # planned end; fixed when the first agenda item starts
    facilitators: tuple[str, ...] = ()
    follows: SiblingFile = None
    working_agreement: tuple[str, ...] = ()
    participants: tuple[Participant, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    board: Board = Field(default_factory=Board)
    decisions: tuple[Decision, ...] = ()

    model_config = ConfigDict(populate_by_name=True)

    @model_validator(mode="after")
    def _references(self) -> Session:
        _unique("agenda", [item.id for item in self.agenda])
        _unique("board.columns", [column.id for column in self.board.columns])
        _unique("board.topics", [topic.id for topic in self.board.topics])
        _unique("decisions", [decision.id for decision in self.decisions])
        running = [i for i, item in enumerate(self.agenda) if item.status == "running"]
        if len(running) > 1:
            raise PathError(
                f"agenda[{running[1] + 1}].status", "only one agenda item can be running"
            )
        columns = set(self.board.column_ids())
        for index, topic in enumerate(self.board.topics, start=1):
            if topic.column not in columns:
                known = ", ".join(sorted(columns)) or "none defined"
                raise PathError(
                    f"board.topics[{index}].column",
                    f"{topic.column!r} is not a column (columns: {known})",
                )
        topics = {topic.id for topic in self.board.topics}
        for index, decision in enumerate(self.decisions, start=1):
            if decision.topic is not None and decision.topic not in topics:
                raise PathError(
                    f"decisions[{index}].topic", f"{decision.topic!r} is not a topic on the board"
                )
        return self

    def item(self, item_id: str) -> AgendaItem:
        return next(item for item in self.agenda if item.id == item_id)

    def topic(self, topic_id: str) -> Topic:
        return next(topic for topic in self.board.topics if topic.id == topic_id)

    def decision(self, decision_id: str) -> Decision:
        return next(d for d in self.decisions if d.id == decision_id)


def _unique(path: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for index, item_id in enumerate(ids, start=1):
        if item_id in seen:
            raise PathError(f"{path}[{index}].id", f"{item_id!r} is used twice")
        seen.add(item_id)
