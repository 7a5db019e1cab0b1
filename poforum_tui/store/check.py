"""Every problem of a session file at once: errors that stop it opening, and warnings.

`problems(raw, path)` keeps reading after a TOML error (the broken line is set aside and the
rest parsed again), reports every validation error pydantic finds and every broken reference,
and warns about what is allowed but probably a mistake: a misspelled key (`strat` for
`start`), votes from someone who is not a participant or over the budget, a `follows` file
that is not in the folder. Each problem is located (`line:col`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from poforum_tui.domain.models import Session, reference_problems
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.keylines import key_positions, locate
from poforum_tui.store.limits import check_raw
from poforum_tui.store.load import _TOML_AT, _TOML_EOF, _lower, decode, describe, tomllib
from poforum_tui.store.migrations import migrate
from poforum_tui.store.nesting import check_depth_and_items

MAX_TOML_ERRORS = 20
"""TOML errors reported before giving up on reading further."""
_BROKEN = "__poforum_unreadable_"
_KEY_AT = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_\-.]+)\s*=\s*""")
_DATE_LIKE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?"
    r"|(?P<clock>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at `line:col`; `warning` ones do not stop the file opening."""

    line: int
    col: int
    message: str
    warning: bool = False

    def format(self, path: Path | str) -> str:
        kind = "warning: " if self.warning else ""
        return f"{path}:{self.line}:{self.col}: {kind}{self.message}"


def problems(raw: bytes, path: Path | str, folder: Path | None = None) -> list[Problem]:
    """Every problem of the session-file bytes `raw`, sorted by line; `folder` (where the file
    is) lets `follows` be checked."""
    try:
        check_raw(raw, path)
        text = decode(raw, path)
    except SessionFileError as error:
        return [_from_error(error)]
    found, data, set_aside = _read_toml(text, path)
    if data is None:
        return sorted(found)
    try:
        check_depth_and_items(data, text, path)
        data = migrate(data, lambda message: SessionFileError(path, 1, 1, message))
    except SessionFileError as error:
        return sorted([*found, _from_error(error, text)])
    session, errors = _validate(data, text, set_aside)
    found += errors
    try:  # on the data as read when some of it is invalid: what can be checked is
        checked = session if session is not None else _constructed(Session, data)
        found += _references(checked, text)
        found += _warnings(checked, text, folder)
    except (AttributeError, TypeError, ValueError, StopIteration):
        pass  # too broken to check references; its errors say why
    found += _unknown_keys(data, Session, text, "")
    return sorted(set(found))


def _from_error(error: SessionFileError, text: str | None = None) -> Problem:
    if text is not None and error.message.startswith("schema:"):
        line, col = locate(text, "schema")
        return Problem(line, col, error.message)
    return Problem(error.line, error.col, error.message)


def _read_toml(text: str, path: Path | str) -> tuple[list[Problem], dict | None, set[str]]:
    """The TOML problems, the data read around them, and the keys set aside with them."""
    found: list[Problem] = []
    lines = text.split("\n")
    set_aside: set[str] = set()
    broken_lines: set[int] = set()
    for attempt in range(MAX_TOML_ERRORS + 1):
        try:
            data = tomllib.loads("\n".join(lines))
        except RecursionError:
            found.append(Problem(1, 1, "arrays or tables nested too deeply"))
            return found, None, set_aside
        except tomllib.TOMLDecodeError as error:
            if attempt == MAX_TOML_ERRORS:
                break
            line, col, message = _toml_error(str(error), lines)
            if line in broken_lines or not 1 <= line <= len(lines):
                break  # setting lines aside does not get further
            found.append(Problem(line, col, message))
            broken_lines.add(line)
            key = _KEY_AT.match(lines[line - 1])
            if key:
                set_aside.add(key.group(1).strip("\"'").split(".")[-1])
            stripped = lines[line - 1].lstrip()
            # A broken header takes its keys into a table of its own, not the one before it.
            lines[line - 1] = f"[{_BROKEN}{line}]" if stripped.startswith("[") else "#"
            continue
        data = {k: v for k, v in data.items() if not k.startswith(_BROKEN)}
        return found, data, set_aside
    return found, None, set_aside


def _toml_error(message: str, lines: list[str]) -> tuple[int, int, str]:
    at = _TOML_AT.match(message)
    if at:
        line, col, what = int(at["line"]), int(at["col"]), _lower(at["msg"])
    else:
        end = _TOML_EOF.match(message)
        line, col = len(lines), len(lines[-1]) + 1
        what = _lower(end["msg"] if end else message)
        while line > 1 and not lines[line - 1].strip():
            line -= 1
        col = len(lines[line - 1]) + 1
        return line, col, what + " (the file ends before it is closed)"
    source = lines[line - 1] if 1 <= line <= len(lines) else ""
    key = _KEY_AT.match(source)
    if key:
        value = _DATE_LIKE.match(source, key.end())
        bad = _bad_date_or_time(value) if value else None
        if value and bad:
            name = _path_at(lines, line) or key.group(1).strip("\"'")
            return line, key.end() + 1, f"{name}: {value.group(0)!r} is {bad}"
    return line, col, what


def _path_at(lines: list[str], line: int) -> str | None:
    """The key path (`decisions[1].due`) of the key on `line`, if the scan finds one."""
    for path, (at, _) in key_positions("\n".join(lines[:line])).items():
        if at == line and not path.endswith("]"):
            return path
    return None


def _bad_date_or_time(found: re.Match[str]) -> str | None:
    try:
        if found["date"]:
            dt.date.fromisoformat(found["date"])
        clock = found["time"] or found["clock"]
        if clock:
            dt.time.fromisoformat(clock)
    except ValueError:
        return (
            "not a time (HH:MM:SS)"
            if not found["date"] or _date_ok(found["date"])
            else ("not a date (YYYY-MM-DD)")
        )
    return None


def _date_ok(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _validate(
    data: dict[str, Any], text: str, set_aside: set[str]
) -> tuple[Session | None, list[Problem]]:
    try:
        return Session.model_validate(data, context={"references": False}), []
    except ValidationError as error:
        found = []
        for item in error.errors():
            key, message = describe(item)
            if item["type"] == "missing" and key.rsplit(".", 1)[-1] in set_aside:
                continue  # its line is broken, and reported as such
            line, col = locate(text, key)
            found.append(Problem(line, col, f"{key}: {message}" if key else message))
        return None, found


def _references(session: Session, text: str) -> list[Problem]:
    found = []
    for problem in reference_problems(session):
        line, col = locate(text, problem.path)
        found.append(Problem(line, col, f"{problem.path}: {problem.message}"))
    return found


def _constructed(model: type[BaseModel], data: Any) -> Any:
    """`data` as `model` without validation (nested models too), for reference checks."""
    if not isinstance(data, dict):
        raise TypeError("not a table")
    values = {}
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in data:
            continue
        child, value = _model_of(field.annotation), data[key]
        if child is not None and isinstance(value, list):
            value = tuple(_constructed(child, item) for item in value)
        elif child is not None:
            value = _constructed(child, value)
        values[name] = value
    return model.model_construct(**values)


def _warnings(session: Session, text: str, folder: Path | None) -> list[Problem]:
    found: list[Problem] = []

    def warn(key: str, message: str) -> None:
        line, col = locate(text, key)
        found.append(Problem(line, col, f"{key}: {message}", warning=True))

    names = {person.name for person in session.participants}
    if names:
        for number, topic in enumerate(session.board.topics, start=1):
            strangers = [voter for voter in topic.votes if voter not in names]
            if strangers:
                who = ", ".join(repr(voter) for voter in strangers)
                warn(f"board.topics[{number}].votes", f"votes from {who}, not a participant")
    budget = session.board.vote_budget()
    for voter, used in session.board.votes_by_voter().items():
        if used > budget:
            first = next(
                number
                for number, topic in enumerate(session.board.topics, start=1)
                if voter in topic.votes
            )
            warn(
                f"board.topics[{first}].votes",
                f"{voter!r} has cast {used} votes; the budget is {budget} per person",
            )
    if folder is not None and session.follows and not (folder / session.follows).is_file():
        warn("follows", f"{session.follows!r} is not in this folder")
    return found


def _unknown_keys(data: Any, model: type[BaseModel], text: str, where: str) -> list[Problem]:
    """Warnings for keys the schema does not know but that look like one it does."""
    if not isinstance(data, dict):
        return []
    found: list[Problem] = []
    known = {field.alias or name: field for name, field in model.model_fields.items()}
    positions = key_positions(text)
    for key, value in data.items():
        path = f"{where}.{key}" if where else key
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.75)
            if close:
                line, col = positions.get(path) or locate(text, path)
                col = max(1, _key_col(text, line) or col)
                found.append(
                    Problem(
                        line,
                        col,
                        f"{path}: unknown key; did you mean {close[0]}?",
                        warning=True,
                    )
                )
            continue
        child = _model_of(known[key].annotation)
        if child is None:
            continue
        if isinstance(value, list):
            for number, item in enumerate(value, start=1):
                found += _unknown_keys(item, child, text, f"{path}[{number}]")
        else:
            found += _unknown_keys(value, child, text, path)
    return found


def _key_col(text: str, line: int) -> int | None:
    lines = text.split("\n")
    if 1 <= line <= len(lines):
        source = lines[line - 1]
        return len(source) - len(source.lstrip()) + 1
    return None


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def warnings_notice(warnings: list[Problem], name: str, shown: int = 3) -> str:
    """One notice for the warnings of file `name`: the first few, and how to see them all."""
    lines = [f"{p.line}:{p.col}: {p.message}" if p.line else p.message for p in warnings]
    text = "\n".join(lines[:shown])
    if len(lines) > shown:
        text += f"\n… and {len(lines) - shown} more: poforum check {name}"
    return text


def session_warnings(
    session: Session, *, raw: bytes | None = None, path: Path | None = None
) -> list[Problem]:
    """The warnings of a session already loaded (what `problems` warns about), cheaply: the
    models' hand-added keys are looked at, not the file. The file (`raw`, else read from
    `path`) is scanned only to place warnings found; `path`'s folder is where `follows` is
    looked for."""
    found = _model_near_misses(session, "")
    folder = path.parent if path is not None else None
    needs_place = found or _warnings(session, "", folder)
    if not needs_place:
        return []
    text = ""
    try:
        if raw is None and path is not None:
            raw = path.read_bytes()
        text = decode(raw, path or "") if raw is not None else ""
    except (OSError, SessionFileError):
        text = ""
    placed = []
    for problem in found:
        line, col = locate(text, problem.message.split(":", 1)[0]) if text else (0, 0)
        placed.append(
            Problem(line, (_key_col(text, line) or col) if text else 0, problem.message, True)
        )
    return sorted(placed + _warnings(session, text, folder))


def _model_near_misses(model: BaseModel, where: str) -> list[Problem]:
    known = {field.alias or name for name, field in type(model).model_fields.items()}
    found = []
    for key in model.model_extra or {}:
        close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.75)
        if close:
            path = f"{where}.{key}" if where else key
            found.append(Problem(0, 0, f"{path}: unknown key; did you mean {close[0]}?", True))
    for name in type(model).model_fields:
        value = getattr(model, name)
        inner = f"{where}.{name}" if where else name
        if isinstance(value, BaseModel):
            found += _model_near_misses(value, inner)
        elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
            for number, item in enumerate(value, start=1):
                if item.model_extra:
                    found += _model_near_misses(item, f"{inner}[{number}]")
    return found
