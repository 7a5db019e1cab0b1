"""Find the session files in a folder and summarise each; broken files are listed, not hidden."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from poforum_tui.domain.models import Decision, Session
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.load import load
from poforum_tui.store.paths import inside, sibling


def awaits_outcome(decision: Decision) -> bool:
    """A follow-up carried from an earlier session that has no outcome recorded yet."""
    return decision.carried_from is not None and not getattr(decision, "outcome", None)


@dataclass(frozen=True)
class SessionSummary:
    """What the Sessions screen lists for one file; `session` is the loaded file."""

    path: Path
    title: str
    kind: str
    date: dt.date
    topics: int
    decisions: int
    open_actions: int
    follow_ups: int = 0
    """Follow-ups carried from an earlier session that still need an outcome."""
    session: Session | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, path: Path, session: Session) -> SessionSummary:
        return cls(
            path=path,
            title=session.title,
            kind=session.kind,
            date=session.date,
            topics=len(session.board.topics),
            decisions=len(session.decisions),
            open_actions=sum(
                1 for d in session.decisions if d.kind == "action" and d.status == "open"
            ),
            follow_ups=sum(1 for d in session.decisions if awaits_outcome(d)),
            session=session,
        )


@dataclass(frozen=True)
class BrokenSession:
    """A file that did not load, with its located error."""

    path: Path
    error: SessionFileError


Entry = SessionSummary | BrokenSession


def session_files(folder: Path | str) -> list[Path]:
    """The `*.toml` files directly in `folder`, by name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def _ordered(entries: list[Entry]) -> list[Entry]:
    good = [e for e in entries if isinstance(e, SessionSummary)]
    broken = [e for e in entries if isinstance(e, BrokenSession)]
    good.sort(key=lambda s: (s.date, s.path.name), reverse=True)
    return [*good, *broken]


def _read(path: Path) -> Entry:
    try:
        if path.is_symlink() and not inside(path.parent, path):
            sibling(path.parent, path.name)  # raises: a link out of the folder
        return SessionSummary.of(path, load(path))
    except SessionFileError as error:
        return BrokenSession(path, error)


def discover(folder: Path | str) -> list[Entry]:
    """Every session file in `folder`: newest date first, then by name; broken files last."""
    return _ordered([_read(path) for path in session_files(folder)])


class SessionCatalog:
    """`discover()` with memory: a file is parsed again only when its mtime or size changes."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self._cache: dict[Path, tuple[tuple[int, int], Entry]] = {}

    def entries(self) -> list[Entry]:
        """The folder's sessions as `discover()` orders them, re-reading changed files only."""
        fresh: dict[Path, tuple[tuple[int, int], Entry]] = {}
        for path in session_files(self.folder):
            try:
                stat = path.stat()
            except OSError:
                continue  # removed since listed
            stamp = (stat.st_mtime_ns, stat.st_size)
            cached = self._cache.get(path)
            entry = cached[1] if cached is not None and cached[0] == stamp else _read(path)
            fresh[path] = (stamp, entry)
        self._cache = fresh
        return _ordered([entry for _stamp, entry in fresh.values()])
