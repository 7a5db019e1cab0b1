"""The one error type domain operations raise for a request the session refuses, and the one
formatter of pydantic's validation errors (forms, operations and file loading all use it)."""

from __future__ import annotations

from typing import Any


class DomainError(ValueError):
    """A user's request that cannot be applied; the message is shown as is."""


def describe(error: Any) -> tuple[str, str]:
    """A pydantic error as (`agenda[2].minutes`, `must be 1..480`), indexes counted from 1."""
    key = _key_path(error["loc"])
    cause = (error.get("ctx") or {}).get("error")
    from poforum_tui.domain.fields import PathError

    if isinstance(cause, PathError):
        key = f"{key}.{cause.path}" if key and not cause.path.startswith("[") else key + cause.path
        return key.lstrip("."), cause.message
    kind = error["type"]
    if kind == "missing":
        return key, "missing (this key is required)"
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "")
        return key, f"{error['input']!r} is not one of: {expected}"
    if kind == "extra_forbidden":
        return key, "unknown key"
    return key, error["msg"].removeprefix("Value error, ")


def _key_path(loc: tuple) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part + 1}]"
        else:
            path += f".{part}" if path else str(part)
    return path
