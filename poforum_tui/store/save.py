"""Write a session file: deterministic TOML shaped like DESIGN.md's example, saved atomically.

`dumps` lays the session out in pieces (`layout`: top-level keys, then one table each) and
parses each new piece back before anyone writes it: a session whose text would read back
differently is refused with a message, never written. Keys written by hand that the schema
does not know are kept where they were, empty ones too (`tags = []`).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import stat
import tempfile
import typing
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel

try:  # the compiled parser load uses
    import tomli as tomllib
except ImportError:  # pragma: no cover - tomli is a dependency
    import tomllib

from poforum_tui.domain.models import Session

# Keys written even when they hold their default, because a reader expects to see them.
_ALWAYS = {"schema", "status", "present", "votes_hidden", "role", "kind"}
_SCALARS = (int, float, dt.date, dt.time)
TABLE_ARRAYS_FIRST = ("participants", "agenda")
"""Top-level arrays written as `[[name]]` tables before `[board]`; other arrays follow it."""


class UnsafeWriteError(OSError):
    """The text poforum would write does not read back as the session: nothing is written."""


def dumps(session: Session) -> str:
    """The file text for `session`: same session, same bytes; checked to read back the same."""
    return layout(session).text


class Layout:
    """A session's file text in DESIGN.md's order, its pieces and the data it parses to."""

    def __init__(self, pieces: list[Piece], data: dict[str, Any]) -> None:
        self.pieces = pieces
        """Top-level keys, then one table each: joined by blank lines they are the file."""
        self.data = data
        """The whole file's data, as a TOML parser gives it back (see `plan`)."""

    @property
    def text(self) -> str:
        return "\n".join(piece.text for piece in self.pieces)


class Piece:
    """Part of the file: its text, the data that text alone parses to, whether it is checked."""

    __slots__ = ("checked", "path", "text", "value")

    def __init__(self, text: str, path: tuple[str, ...], value: Any, checked: bool = False):
        self.text, self.path, self.value, self.checked = text, path, value, checked

    @property
    def expected(self) -> dict[str, Any]:
        """What the text alone parses to: the value nested under its table's path."""
        return _nest(self.path, self.value) if self.path else self.value


def plan(session: Session) -> dict[str, Any]:
    """The data the file holds, as a TOML parser gives it back: keys in the schema's order,
    empty optional keys left out (hand-added keys kept, even empty), lists for tuples."""
    return layout(session).data


def layout(session: Session) -> Layout:
    """The session's pieces, each checked to parse back to its data (UnsafeWriteError if not).

    A table unchanged since an earlier call (the same frozen model) reuses that call's text,
    already checked; new pieces are parsed one by one, or the whole text at once when there
    are many (a first save). Joined, the pieces parse to the merge of their data because each
    piece but the first starts with its own table header (checked too), so nothing in one
    piece can land in another's table."""
    fresh: list[tuple[tuple[int, str], tuple[BaseModel, dict[str, Any], str]]] = []
    pieces: list[Piece] = []
    data = _model_pieces(session, (), pieces, fresh)
    for number, piece in enumerate(pieces):
        if number and not piece.text.startswith("["):
            raise UnsafeWriteError(
                f"{', '.join(piece.expected)}: would be written inside the table before it; "
                "nothing was written"
            )
    result = Layout(pieces, data)
    unchecked = [piece for piece in pieces if not piece.checked]
    if len(unchecked) > _CHECK_ONE_BY_ONE:
        verify(result.text, data)
    else:
        for piece in unchecked:
            _check_piece(piece.text, piece.expected)
    if len(_TABLES) + len(fresh) > _TABLES_LIMIT:
        _TABLES.clear()
    _TABLES.update(fresh)
    return result


_TABLES: dict[tuple[int, str], tuple[BaseModel, dict[str, Any], str]] = {}
"""Tables written lately, by (id of the frozen model, header): the model (kept alive, so its
id stays its own), its planned data and its checked text."""
_TABLES_LIMIT = 50_000
_CHECK_ONE_BY_ONE = 24
"""Up to this many new pieces are parsed one by one; more, and the whole text is parsed."""


def _model_pieces(
    model: BaseModel, path: tuple[str, ...], pieces: list[Piece], fresh: list
) -> dict[str, Any]:
    """Append the pieces of the session (path "") or of a table such as `board`; its data.

    Keys of the model's own arrays of models become `[[path.key]]` tables (participants and
    agenda first at the top level), a model-valued key (`board`) its own table after them."""
    schema = _schema(type(model))
    body = _planned(
        model.model_dump(by_alias=True, mode="python", exclude=schema.child_names),
        type(model),
    )
    plain = {k: v for k, v in body.items() if not (isinstance(v, Mapping) or _is_table_list(v))}
    if path:
        pieces.append(Piece(f"[{_dotted(path)}]\n" + _literals(plain), path, plain))
    elif plain:
        pieces.append(Piece(_literals(plain), (), plain))
    data = dict(body)
    order = [k for k in TABLE_ARRAYS_FIRST if k in schema.children] if not path else []
    order += [k for k in schema.children if k not in order]
    for key in order:
        _, many, attribute = schema.children[key]
        value = getattr(model, attribute)
        where = (*path, key)
        if many:
            header = f"[[{_dotted(where)}]]"
            planned = [_table_piece(item, where, header, pieces, fresh) for item in value]
            if planned:
                data[key] = planned
        else:
            table = _model_pieces(value, where, pieces, fresh)
            if table:
                data[key] = table
    extras = {k: v for k, v in body.items() if k not in plain}
    for key, value in extras.items():
        if _is_table_list(value):
            where = (*path, key)
            header = f"[[{_dotted(where)}]]"
            pieces += [Piece(_table(header, item), where, [item]) for item in value]
    tables = {k: v for k, v in extras.items() if isinstance(v, Mapping)}
    if tables:
        nested = _nest(path, tables) if path else tables
        pieces.append(Piece(tomli_w.dumps(nested, multiline_strings=True), (), nested))
    return {key: data[key] for key in schema.order if key in data} | {
        k: v for k, v in data.items() if k not in schema.known
    }


def _table_piece(
    model: BaseModel, where: tuple[str, ...], header: str, pieces: list[Piece], fresh: list
) -> dict[str, Any]:
    cache_key = (id(model), header)
    hit = _TABLES.get(cache_key)
    if hit is not None and hit[0] is model:
        planned, text, checked = hit[1], hit[2], True
    else:
        planned = _planned(model.model_dump(by_alias=True, mode="python"), type(model))
        text, checked = _table(header, planned), False
        fresh.append((cache_key, (model, planned, text)))
    pieces.append(Piece(text, where, [planned], checked))
    return planned


def _nest(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """`{"board": {"topics": value}}` for path ("board", "topics")."""
    nested: dict[str, Any] = {path[-1]: value}
    for part in reversed(path[:-1]):
        nested = {part: nested}
    return nested


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(_key(part) for part in path)


def _check_piece(text: str, expected: dict[str, Any]) -> None:
    parsed = _PARSED.get(text)
    if parsed is None:
        parsed = _parse_piece(text)
        if len(_PARSED) > _TABLES_LIMIT:
            _PARSED.clear()
        _PARSED[text] = parsed
    if parsed != expected and not _same(parsed, expected):
        raise _differs(parsed, expected)


_PARSED: dict[str, dict[str, Any]] = {}
"""Pieces parsed lately, by their text."""


def forget_layouts() -> None:
    """Empty the caches of checked tables (benchmarks measure a first save)."""
    _TABLES.clear()
    _PARSED.clear()


def verify(text: str, data: Mapping[str, Any]) -> None:
    """Raise UnsafeWriteError unless `text` parses back to exactly `data`."""
    parsed = _parse_piece(text)
    if parsed != data and not _same(parsed, data):
        raise _differs(parsed, dict(data))


def _parse_piece(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        raise UnsafeWriteError(
            f"the session would be written as a file that does not parse ({error}); "
            "nothing was written"
        ) from None


def _differs(parsed: Any, data: Any) -> UnsafeWriteError:
    return UnsafeWriteError(
        f"the session would not read back the same ({_difference(parsed, data)} differs); "
        "nothing was written"
    )


def save(session: Session, path: Path | str) -> None:
    """Write atomically: a temp file in the same folder, fsync, then `os.replace`."""
    write_atomic(Path(path), dumps(session).encode("utf-8"))


HIDDEN_FOLDER = ".poforum"
"""Where backups and rescue copies go, inside the sessions folder: out of `git status`."""


def hidden_folder(folder: Path) -> Path:
    """`<folder>/.poforum`, made on first use with a `.gitignore` that ignores all of it."""
    hidden = folder / HIDDEN_FOLDER
    if not hidden.is_dir():
        hidden.mkdir(exist_ok=True)
        (hidden / ".gitignore").write_text(
            "# poforum's backups (.bak) and rescue copies: not for git\n*\n", encoding="utf-8"
        )
    return hidden


def backup_path(path: Path) -> Path:
    """`.poforum/<name>.toml.bak` beside the session: the version before the last save."""
    return hidden_folder(path.parent) / (path.name + ".bak")


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


# -- planning: which keys are written ------------------------------------------------------


class _Schema:
    """What a model declares: its keys (aliases) in order and its keys holding models."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.order: list[str] = []
        self.children: dict[str, tuple[type[BaseModel], bool, str]] = {}
        for name, field in model.model_fields.items():
            key = field.alias or name
            self.order.append(key)
            annotation = field.annotation
            args = typing.get_args(annotation)
            if _is_model(annotation):
                self.children[key] = (annotation, False, name)
            elif typing.get_origin(annotation) is tuple and args and _is_model(args[0]):
                self.children[key] = (args[0], True, name)
        self.known = frozenset(self.order)
        self.child_names = {attribute for _, _, attribute in self.children.values()}


@cache
def _schema(model: type[BaseModel]) -> _Schema:
    return _Schema(model)


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _planned(item: Mapping[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    schema = _schema(model)
    known, children = schema.known, schema.children
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key not in known:
            out[key] = value  # hand-added: kept as read, even when empty
            continue
        if not _worth_writing(key, value):
            continue
        child = children.get(key)
        if child is not None:
            child_model, many, _ = child
            value = (
                [_planned(entry, child_model) for entry in value]
                if many
                else _planned(value, child_model)
            )
        elif type(value) is tuple:
            value = list(value)
        out[key] = value
    return out


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


def _same(a: Any, b: Any) -> bool:
    """Equal, counting NaN equal to NaN (`==` says a parsed `nan` differs from itself)."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _difference(parsed: Any, data: Any, path: str = "") -> str:
    """The key path of the first place where `parsed` and `data` differ (indexes from 1)."""
    if isinstance(parsed, dict) and isinstance(data, dict):
        for key in dict.fromkeys([*data, *parsed]):
            if key not in parsed or key not in data or not _same(parsed[key], data[key]):
                inner = f"{path}.{key}" if path else str(key)
                if key in parsed and key in data:
                    return _difference(parsed[key], data[key], inner)
                return inner
    if isinstance(parsed, list) and isinstance(data, list) and len(parsed) == len(data):
        for number, (x, y) in enumerate(zip(parsed, data, strict=True), start=1):
            if not _same(x, y):
                return _difference(x, y, f"{path}[{number}]")
    return path or "the file"


# -- rendering -----------------------------------------------------------------------------


def _table(header: str, item: Mapping[str, Any]) -> str:
    return f"{header}\n{_literals(item)}"


def _literals(item: Mapping[str, Any], *, top_level: bool = False) -> str:
    """`key = value` lines for the item's keys; mappings are written inline."""
    lines = []
    for key, value in item.items():
        if top_level and (isinstance(value, Mapping) or _is_table_list(value)):
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


def _is_table_list(value: Any) -> bool:
    """A non-empty list whose every element is a table (`[[name]]`); a mixed array is not."""
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and all(isinstance(entry, Mapping) for entry in value)
    )


def key_text(key: str) -> str:
    """A key as TOML, bare when it can be (for edits that keep a file's layout)."""
    return _key(key)
