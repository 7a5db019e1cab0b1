"""The session laid out as file text: top-level keys, then one table each, each piece checked.

`layout(session)` plans the data to write (keys in the schema's order, empty optional keys left
out, hand-added keys kept, even empty) and renders it in DESIGN.md's layout; every piece is
parsed back before anyone writes it, so a session whose text would read back differently
raises UnsafeWriteError instead of being written.
"""

from __future__ import annotations

import datetime as dt
import math
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any

import tomli_w
from pydantic import BaseModel

try:  # the compiled parser load uses
    import tomli as tomllib
except ImportError:  # pragma: no cover - tomli is a dependency
    import tomllib  # type: ignore[no-redef]

from poforum_tui.domain.models import Session
from poforum_tui.store.errors import UnsafeWriteError
from poforum_tui.store.toml_text import is_table_list, key_text, literals, table_text

_ALWAYS = {"schema", "status", "present", "votes_hidden", "role", "kind"}
_SCALARS = (int, float, dt.date, dt.time)
TABLE_ARRAYS_FIRST = ("participants", "agenda")
"""Top-level arrays written as `[[name]]` tables before `[board]`; other arrays follow it."""


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
    plain = {k: v for k, v in body.items() if not (isinstance(v, Mapping) or is_table_list(v))}
    if path:
        pieces.append(Piece(f"[{_dotted(path)}]\n" + literals(plain), path, plain))
    elif plain:
        pieces.append(Piece(literals(plain), (), plain))
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
        if is_table_list(value):
            where = (*path, key)
            header = f"[[{_dotted(where)}]]"
            pieces += [Piece(table_text(header, item), where, [item]) for item in value]
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
        text, checked = table_text(header, planned), False
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
    return ".".join(key_text(part) for part in path)


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


def _is_model(value: Any) -> typing.TypeGuard[type[BaseModel]]:
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
