"""Validated construction of one model, turning pydantic's errors into a DomainError."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from poforum_tui.domain.errors import DomainError, describe

M = TypeVar("M", bound=BaseModel)


def build(cls: type[M], **fields: Any) -> M:
    """`cls(**fields)`, or a DomainError naming the first bad field and why."""
    try:
        return cls(**fields)
    except ValidationError as exc:
        where, message = describe(exc.errors()[0])
        raise DomainError(f"{where}: {message}" if where else message) from None


def replace(model: M, **changes: Any) -> M:
    """A validated copy of `model` with `changes` applied (None removes an optional key)."""
    data = model.model_dump(by_alias=True)
    data.update(changes)
    return build(type(model), **data)


def swap(items: tuple, index: int, other: int) -> tuple:
    """`items` with positions `index` and `other` exchanged."""
    listed = list(items)
    listed[index], listed[other] = listed[other], listed[index]
    return tuple(listed)
