"""Read a session file: TOML, schema migrations, validation; every failure is located."""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from poforum_tui.domain.errors import describe
from poforum_tui.domain.models import SCHEMA_VERSION, Session
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.keylines import locate
from poforum_tui.store.limits import check_raw, read_limited
from poforum_tui.store.migrations import migrate
from poforum_tui.store.nesting import check_depth_and_items
from poforum_tui.store.toml_parser import tomllib

_TOML_AT = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$", re.S)
_TOML_EOF = re.compile(r"^(?P<msg>.*?)\s*\(at end of document\)$", re.S)


def load(path: Path | str) -> Session:
    """The session in `path`, or a SessionFileError saying `path:line:col: what is wrong`."""
    path = Path(path)
    try:
        raw = read_limited(path)
    except OSError as exc:
        raise SessionFileError.whole_file(path, f"cannot read: {exc.strerror or exc}") from None
    return parse(raw, path)


_RECENT: OrderedDict[bytes, Session] = OrderedDict()
_RECENT_SIZE = 8
"""Sessions parsed lately, by a digest of their bytes: the CLI's check and the app's open,
or the Sessions screen's summary and opening that file, read the same bytes; sessions are
immutable, so the second read reuses the first parse."""


def forget_parses() -> None:
    """Empty the cache of recent parses (benchmarks measure a first read)."""
    _RECENT.clear()


def parse(raw: bytes, path: Path | str) -> Session:
    """Parse session-file bytes; `path` only names the file in errors."""
    key = hashlib.blake2b(raw, digest_size=16).digest()
    if key in _RECENT:
        _RECENT.move_to_end(key)
        return _RECENT[key]
    session = _parse(raw, path)
    _RECENT[key] = session
    while len(_RECENT) > _RECENT_SIZE:
        _RECENT.popitem(last=False)
    return session


def _parse(raw: bytes, path: Path | str) -> Session:
    check_raw(raw, path)
    text = decode(raw, path)
    data = parse_toml(text, path)
    check_depth_and_items(data, text, path)
    data = migrate(data, lambda message: SessionFileError(path, *locate(text, "schema"), message))
    return validate(data, text, path)


def decode(raw: bytes, path: Path | str) -> str:
    """The text of the file; a UTF-8 byte-order mark (some Windows editors write one) is
    accepted and left out."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise SessionFileError(
            path, line, col, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        ) from None


def parse_toml(text: str, path: Path | str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise SessionFileError.whole_file(path, "arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_AT.match(message)
        if found:
            line, col = int(found["line"]), int(found["col"])
            raise SessionFileError(path, line, col, _lower(found["msg"])) from None
        at_end = _TOML_EOF.match(message)
        lines = text.splitlines() or [""]
        line, col = len(lines), len(lines[-1]) + 1
        raise SessionFileError(
            path, line, col, _lower(at_end["msg"] if at_end else message)
        ) from None


def validate(data: dict[str, Any], text: str, path: Path | str) -> Session:
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        key, message = describe(exc.errors()[0])
        line, col = locate(text, key)
        raise SessionFileError(path, line, col, f"{key}: {message}" if key else message) from None


def _lower(message: str) -> str:
    return message[:1].lower() + message[1:] if message else "invalid TOML"


__all__ = ["SCHEMA_VERSION", "load", "parse"]
