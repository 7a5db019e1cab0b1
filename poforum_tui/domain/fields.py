"""Building blocks of the session models: the base model, checked field types, PathError."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

CONFIDENCE_SCALE = (1, 2, 3, 4, 5)
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
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _blank_is_none(value: str | None) -> str | None:
    return value if value is not None and value.strip() else None


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _sibling_file(value: str) -> str:
    """A plain file name in the session folder: no folders, no `..`, not absolute."""
    if not value.strip():
        raise ValueError("must not be empty")
    if "/" in value or "\\" in value or value in (".", "..") or value.startswith("~"):
        raise ValueError(
            f"{value!r} must be a file name in the same folder, like 2026-11-17-po-forum.toml "
            "(no folders, '..' or absolute paths)"
        )
    if _CONTROL.search(value) or ":" in value[1:2]:
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


def _needed_by(value: object) -> object:
    """A date, or a sprint label; a label written like a date (`2026-12-12`) is that date."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"{value} is not a day in the calendar") from None
    return value


def _confidence(value: dict[str, int]) -> dict[str, int]:
    for voter, score in value.items():
        _non_empty(voter)
        if score not in CONFIDENCE_SCALE:
            raise ValueError(f"{voter!r} gave {score}; a fist of five is 1..5")
    return value


Text = Annotated[str, AfterValidator(_non_empty)]
OptionalText = Annotated[str | None, AfterValidator(_blank_is_none)]
MinutesText = Annotated[OptionalText, BeforeValidator(_whole_minutes_as_text)]
"""An optional timebox kept as text: written by hand as a number (`10`) it reads as "10"."""
"""An optional text key: empty or blank means absent (it is not written)."""
Pattern = Annotated[str | None, AfterValidator(_optional_pattern)]
"""An optional Lean Coffee timebox pattern such as 7+5+3."""
SiblingFile = Annotated[str | None, AfterValidator(_optional_sibling)]
"""An optional file name in the session's own folder (`follows`, `carried_from`)."""
Timebox = Annotated[int, Field(strict=True), AfterValidator(_timebox)]
Seconds = Annotated[int, Field(strict=True), AfterValidator(_not_negative)]
Votes = Annotated[dict[str, Annotated[int, Field(strict=True)]], AfterValidator(_votes)]
Scores = Annotated[dict[str, Annotated[int, Field(strict=True)]], AfterValidator(_confidence)]
NeededBy = Annotated[dt.date | str | None, BeforeValidator(_needed_by)]
"""When a dependency is needed: a date, or a sprint label such as "Sprint 26"."""
Count = Annotated[int, Field(strict=True, ge=0)]


class Model(BaseModel):
    """Base: frozen, keeps unknown keys, validates defaults."""

    model_config = ConfigDict(frozen=True, extra="allow", validate_default=True)


def unique_ids(path: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for index, item_id in enumerate(ids, start=1):
        if item_id in seen:
            raise PathError(f"{path}[{index}].id", f"{item_id!r} is used twice")
        seen.add(item_id)
