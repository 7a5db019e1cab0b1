"""Write a session file: deterministic TOML shaped like DESIGN.md's example, saved atomically."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomli_w

from poforum_tui.domain.models import Session

# Keys written even when they hold their default, because a reader expects to see them.
_ALWAYS = {"schema", "status", "present", "votes_hidden", "role", "kind"}
_SCALARS = (int, float, dt.date, dt.time)


def dumps(session: Session) -> str:
    """The file text for `session`: same session, same bytes."""
    data = session.model_dump(by_alias=True, mode="python")
    board = data.pop("board")
    sections = [_literals(data, top_level=True)]
    for key, header in (("participants", "participants"), ("agenda", "agenda")):
        sections += [_table(f"[[{header}]]", item) for item in data.pop(key)]
    columns, topics = board.pop("columns"), board.pop("topics")
    board_body = _literals(board)
    if board_body or columns or topics:
        sections.append("[board]\n" + board_body)
    sections += [_table("[[board.columns]]", column) for column in columns]
    sections += [_table("[[board.topics]]", topic) for topic in topics]
    sections += [_table("[[decisions]]", decision) for decision in data.pop("decisions")]
    for key in ("dependencies", "risks", "confidence"):  # issue 19's records, after decisions
        sections += [_table(f"[[{key}]]", item) for item in data.pop(key)]
    tables = {k: v for k, v in data.items() if isinstance(v, Mapping) or _is_table_list(v)}
    if tables:
        sections.append(tomli_w.dumps(tables, multiline_strings=True))
    return "\n".join(section for section in sections if section)


def save(session: Session, path: Path | str) -> None:
    """Write atomically: a temp file in the same folder, fsync, then `os.replace`."""
    write_atomic(Path(path), dumps(session).encode("utf-8"))


def backup_path(path: Path) -> Path:
    """`<name>.toml.bak`: the version before the last save."""
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, payload: bytes) -> None:
    """`payload` becomes the content of `path` entirely or not at all."""
    mode = _mode_for(path)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _mode_for(path: Path) -> int:
    """The permissions `path` has, else what a new file gets (0o666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _table(header: str, item: Mapping[str, Any]) -> str:
    return f"{header}\n{_literals(item)}"


def _literals(item: Mapping[str, Any], *, top_level: bool = False) -> str:
    """`key = value` lines for the item's non-empty keys; mappings are written inline."""
    lines = []
    for key, value in item.items():
        if not _worth_writing(key, value):
            continue
        if top_level and (isinstance(value, Mapping) or _is_table_list(value)):
            continue  # written as tables after everything else
        lines.append(f"{_key(key)} = {_value(value)}\n")
    return "".join(lines)


def _worth_writing(key: str, value: Any) -> bool:
    if value is None:
        return False
    if key in _ALWAYS:
        return True
    # Built-in types first: isinstance(x, Mapping) is slow, and a big session has 50,000 values.
    if isinstance(value, (str, tuple, list, dict)) or (
        not isinstance(value, _SCALARS) and isinstance(value, Mapping)
    ):
        return len(value) > 0
    return not (key in ("spent_seconds", "carried") and value == 0)


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


def _is_table_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and bool(value) and isinstance(value[0], Mapping)
