"""Find the session files in a folder and summarise each; broken files are listed, not hidden.

The summaries come through the folder's index (store/index.py), which re-reads only the files
that changed; a summary reads its whole session only when asked (`summary.session`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.paths import inside, sibling

if TYPE_CHECKING:
    from poforum_tui.domain.models import Decision, Session


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
    loaded: Session | None = field(default=None, repr=False, compare=False)
    """The session, when the summary was made from a fresh parse."""
    version: str = field(default="", compare=False)
    """The file's content hash as the folder's index holds it ("" when made from a parse):
    what tells two versions of a file apart where their counts are the same."""

    @property
    def session(self) -> Session | None:
        """The file's session as it is on disk now (None if it no longer loads)."""
        if self.loaded is not None:
            return self.loaded
        from poforum_tui.store.load import load

        try:
            return load(self.path)
        except SessionFileError:
            return None

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
            loaded=session,
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


def read_entry(path: Path, raw: bytes | None = None) -> Entry:
    """The summary of the file at `path` (its bytes `raw`, if already read), or why it is broken."""
    from poforum_tui.store.load import load, parse  # pydantic's: only where a file is read

    try:
        if path.is_symlink() and not inside(path.parent, path):
            sibling(path.parent, path.name)  # raises: a link out of the folder
        session = load(path) if raw is None else parse(raw, path)
        return SessionSummary.of(path, session)
    except SessionFileError as error:
        return BrokenSession(path, error)


def discover(folder: Path | str) -> list[Entry]:
    """Every session file in `folder`: newest date first, then by name; broken files last."""
    from poforum_tui.store.index import entries

    return entries(folder)


class SessionCatalog:
    """The folder's sessions, kept for a screen: `entries()` brings the index up to date."""

    def __init__(self, folder: Path | str) -> None:
        from poforum_tui.store.index import SessionIndex

        self.folder = Path(folder)
        self.index = SessionIndex(self.folder)

    def entries(self) -> list[Entry]:
        """The folder's sessions as `discover()` orders them, re-reading changed files only."""
        return self.index.refresh()
