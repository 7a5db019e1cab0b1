"""The decision log: every decision, experiment, action and dependency across a folder.

A carried item is one entry: it is followed through `carried_from` (the file it came from) and
its id (`carried_id` when it had to take another id there), shows its latest status, and counts
the sessions it has appeared in. Dependencies are folded the same way, apart (`dependencies`).

`logged(path, session)` is what one session adds to the log (its decisions and dependencies);
the folder's index stores those records as they are (each group's model and fields,
store/index.py), so `read_log` parses only the files that changed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from poforum_tui.domain import dependencies as deps
from poforum_tui.domain.decisions import is_overdue
from poforum_tui.domain.escalation import ladder_label
from poforum_tui.domain.models import Decision, Dependency, Session
from poforum_tui.store.errors import SessionFileError


@dataclass
class LogEntry:
    """One item's story: where it was recorded, where it was last seen, and how it stands."""

    decision: Decision
    """As it stands in the latest session holding it."""
    first_path: Path
    first_title: str
    first_date: dt.date
    last_path: Path
    last_title: str
    last_date: dt.date
    sessions: int = 1

    def overdue(self, today: dt.date) -> bool:
        return is_overdue(self.decision, today)


@dataclass
class DependencyEntry:
    """One dependency's story, like LogEntry's for a decision."""

    dependency: Dependency
    first_path: Path
    first_title: str
    first_date: dt.date
    last_path: Path
    last_title: str
    last_date: dt.date
    sessions: int = 1

    def overdue(self, today: dt.date) -> bool:
        return deps.is_overdue(self.dependency, today)


KINDS = ("decision", "experiment", "action", "dependency")
"""What `poforum log --kind` keeps."""


@dataclass
class DecisionLog:
    entries: list[LogEntry] = field(default_factory=list)
    """Newest first (by the date the item was first recorded)."""
    broken: list[SessionFileError] = field(default_factory=list)
    dependencies: list[DependencyEntry] = field(default_factory=list)
    """Newest first, like `entries`."""

    def filtered(self, *, open_only: bool = False, owner: str | None = None) -> list[LogEntry]:
        """Entries still open and/or owned by someone whose name contains `owner`."""
        wanted = owner.casefold().strip() if owner else ""
        return [
            entry
            for entry in self.entries
            if (not open_only or entry.decision.status == "open")
            and (not wanted or wanted in (entry.decision.owner or "").casefold())
        ]

    def everything(
        self, *, kind: str | None = None, open_only: bool = False, owner: str | None = None
    ) -> list[LogEntry | DependencyEntry]:
        """Decisions and dependencies together, newest first; `kind` keeps one of KINDS."""
        found: list[LogEntry | DependencyEntry] = []
        if kind != "dependency":
            found += [
                entry
                for entry in self.filtered(open_only=open_only, owner=owner)
                if kind is None or entry.decision.kind == kind
            ]
        if kind in (None, "dependency"):
            wanted = owner.casefold().strip() if owner else ""
            found += [
                entry
                for entry in self.dependencies
                if (not open_only or entry.dependency.is_open)
                and (not wanted or wanted in (entry.dependency.owner or "").casefold())
            ]
        found.sort(key=lambda e: (e.first_date, e.first_path.name), reverse=True)
        return found


@dataclass(frozen=True)
class LoggedSession:
    """What the log needs of one session file: its title, date and the records it logs."""

    title: str
    date: dt.date
    decisions: tuple[Decision, ...] = ()
    dependencies: tuple[Dependency, ...] = ()


LOGGED = ("decisions", "dependencies")
"""The session's record lists the log folds (fields of Session and of LoggedSession)."""


def logged(session: Session | LoggedSession) -> LoggedSession:
    return LoggedSession(
        session.title, session.date, **{name: tuple(getattr(session, name)) for name in LOGGED}
    )


ROW_MODULES = "poforum_tui.domain."
"""Record models are poforum's own: a stored record naming another module is refused."""


def encode_logged(session: LoggedSession) -> str:
    """The logged records as JSON: per list, its name, its model's `module:name` and its
    records' fields (a JSON array)."""
    groups = []
    for name in LOGGED:
        records = getattr(session, name)
        if records:
            model = type(records[0])
            dumped = _adapter(model).dump_json(list(records)).decode()
            groups.append([name, f"{model.__module__}:{model.__qualname__}", dumped])
    return json.dumps(groups, ensure_ascii=False)


def decode_logged(text: str, title: str, date: dt.date) -> LoggedSession:
    """What `encode_logged` stored, validated by its models again (ValueError if damaged)."""
    lists: dict[str, tuple[Any, ...]] = {}
    for name, model_name, records in json.loads(text):
        if name not in LOGGED:
            raise ValueError(f"{name!r} is not a logged list")
        lists[name] = tuple(_adapter(_row_model(model_name)).validate_json(records))
    return LoggedSession(title, date, **lists)


_ADAPTERS: dict[type[BaseModel], TypeAdapter] = {}


def _adapter(model: type[BaseModel]) -> TypeAdapter:
    """A (cached) validator and serializer of a list of `model`s."""
    adapter = _ADAPTERS.get(model)
    if adapter is None:
        adapter = _ADAPTERS[model] = TypeAdapter(list[model])  # type: ignore[valid-type]
    return adapter


@cache
def _row_model(name: str) -> type[BaseModel]:
    module, _, qualname = name.partition(":")
    if not module.startswith(ROW_MODULES):
        raise ValueError(f"{name!r} is not a poforum record model")
    model = getattr(import_module(module), qualname)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise ValueError(f"{name!r} is not a model")
    return model


Logged = Session | LoggedSession


def fold(sessions: Iterable[tuple[Path, Logged]]) -> list[LogEntry]:
    """One entry per item, carried copies merged; newest first."""
    return _fold(sessions, lambda session: session.decisions, LogEntry, "decision")


def fold_dependencies(sessions: Iterable[tuple[Path, Logged]]) -> list[DependencyEntry]:
    """One entry per dependency, carried copies merged; newest first."""
    return _fold(sessions, lambda session: session.dependencies, DependencyEntry, "dependency")


def _fold(
    sessions: Iterable[tuple[Path, Logged]],
    records_of: Callable[[Logged], tuple],
    entry_type: type,
    attribute: str,
) -> list:
    ordered = sorted(sessions, key=lambda pair: (pair[1].date, pair[0].name))
    seen: dict[tuple[str, str], LogEntry | DependencyEntry] = {}
    entries: list = []
    for path, session in ordered:
        for record in records_of(session):
            entry = None
            if record.carried_from:
                entry = seen.get((record.carried_from, record.carried_id or record.id))
            if entry is None:
                entry = entry_type(
                    record, path, session.title, session.date, path, session.title, session.date
                )
                entries.append(entry)
            else:
                setattr(entry, attribute, record)
                entry.last_path, entry.last_title = path, session.title
                entry.last_date = session.date
                entry.sessions += 1
            entry.sessions = max(entry.sessions, record.carried + 1)
            seen[(path.name, record.id)] = entry
    entries.sort(key=lambda e: (e.first_date, e.first_path.name), reverse=True)
    return entries


def read_log(folder: Path | str) -> DecisionLog:
    """The log of every session file in `folder`; files that do not load are listed apart.
    Read through the folder's index, brought up to date first."""
    from poforum_tui.store.index import SessionIndex

    with SessionIndex(folder) as index:
        index.bring_up_to_date()
        loaded: list[tuple[Path, Logged]] = list(index.logged_sessions())
        return DecisionLog(fold(loaded), index.broken(), fold_dependencies(loaded))


def status_label(item: Decision | Dependency) -> str:
    """`open`, `done`, or `open ⇡ metascrum` for an escalated item (`at-risk ⇡ …` alike)."""
    is_open = item.is_open if isinstance(item, Dependency) else item.status == "open"
    if item.escalate_to and is_open:
        return f"{item.status} ⇡ {item.escalate_to}"
    return item.status


def dependency_text(dependency: Dependency) -> str:
    """`Mobile needs from Payments: … [po-sync → metascrum; the MetaScrum decides]`."""
    text = f"{dependency.from_} needs from {dependency.to}: {dependency.text}"
    ladder = ladder_label(dependency.escalated_from, dependency.escalate_to)
    if ladder and dependency.is_open:
        text += f" [{ladder}; {dependency.decided_by or 'nobody yet'} decides]"
    return text
