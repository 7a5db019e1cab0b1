"""TOML text for one key or value, the way poforum writes it (fast, and like tomli_w)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import tomli_w


def table_text(header: str, item: Mapping[str, Any]) -> str:
    """A table: its header line and its `key = value` lines."""
    return f"{header}\n{literals(item)}"


def literals(item: Mapping[str, Any], *, top_level: bool = False) -> str:
    """`key = value` lines for the item's keys; mappings are written inline."""
    lines = []
    for key, value in item.items():
        if top_level and (isinstance(value, Mapping) or is_table_list(value)):
            continue  # written as tables after everything else
        lines.append(f"{_key(key)} = {_value(value)}\n")
    return "".join(lines)


# The fast path writes the common cases itself, byte for byte as tomli_w would (calling tomli_w
# once per value made saving a 1,000-topic board take ~50 ms); anything unusual goes to tomli_w.
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_PLAIN_STRING = re.compile(r'[^"\\\x00-\x08\x0a-\x1f\x7f]*')  # nothing to escape (tab is fine)


def _fast_key(key: str) -> str | None:
    if type(key) is not str:
        return None
    if _BARE_KEY.fullmatch(key):
        return key
    return f'"{key}"' if _PLAIN_STRING.fullmatch(key) else None


def _fast_scalar(value: Any) -> str | None:
    """`value` as TOML exactly like `_tomli_w_value`, or None when only tomli_w knows how."""
    kind = type(value)
    if kind is str:
        return f'"{value}"' if _PLAIN_STRING.fullmatch(value) else None
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is dt.datetime:
        return value.isoformat()
    if kind is dt.date:
        return str(value)
    if kind is dt.time and value.tzinfo is None:
        return str(value)
    return None


def _key(key: str) -> str:
    fast = _fast_key(key)
    return fast if fast is not None else tomli_w.dumps({key: 0}).split(" = ", 1)[0]


def value_text(value: Any) -> str:
    """One value as TOML, the way `dumps` writes it (for edits that keep a file's layout)."""
    return _value(value)


def _value(value: Any) -> str:
    fast = _fast_scalar(value)
    if fast is not None:
        return fast
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items())
        return f"{{ {inner} }}" if inner else "{}"
    if isinstance(value, (list, tuple)):
        return _array(value)
    return _tomli_w_value(value)


def _tomli_w_value(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    # A carriage return inside a multiline string would be read back as a plain newline.
    multiline = not (isinstance(value, str) and "\r" in value)
    text = tomli_w.dumps({"v": value}, multiline_strings=multiline)
    return text.split(" = ", 1)[1].rstrip("\n")


def _array(values: list | tuple) -> str:
    """One line when it fits in 80 characters, else one element a line."""
    parts = [_value(v) for v in values]
    line = "[" + ", ".join(parts) + "]"
    if len(line) <= 80 and "\n" not in line:
        return line
    return "[\n" + "".join(f"    {part},\n" for part in parts) + "]"


def is_table_list(value: Any) -> bool:
    """A non-empty list whose every element is a table (`[[name]]`); a mixed array is not."""
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and all(isinstance(entry, Mapping) for entry in value)
    )


def key_text(key: str) -> str:
    """A key as TOML, bare when it can be (for edits that keep a file's layout)."""
    return _key(key)
