"""Find the session files in a folder and summarise each; broken files are listed, not hidden."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from poforum_tui.domain.models import Session
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.load import load
from poforum_tui.store.paths import inside, sibling


@dataclass(frozen=True)
class SessionSummary:
    """What the Sessions screen lists for one file."""

    path: Path
    title: str
    kind: str
    date: dt.date
    topics: int
    decisions: int
    open_actions: int

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
        )


@dataclass(frozen=True)
class BrokenSession:
    """A file that did not load, with its located error."""

    path: Path
    error: SessionFileError


def session_files(folder: Path | str) -> list[Path]:
    """The `*.toml` files directly in `folder`, by name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def discover(folder: Path | str) -> list[SessionSummary | BrokenSession]:
    """Every session file in `folder`: newest date first, then by name; broken files last."""
    good: list[SessionSummary] = []
    broken: list[BrokenSession] = []
    for path in session_files(folder):
        try:
            if path.is_symlink() and not inside(Path(folder), path):
                sibling(folder, path.name)  # raises: a link out of the folder
            good.append(SessionSummary.of(path, load(path)))
        except SessionFileError as error:
            broken.append(BrokenSession(path, error))
    good.sort(key=lambda s: (s.date, s.path.name), reverse=True)
    return [*good, *broken]
