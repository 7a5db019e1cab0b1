"""What `poforum log` prints, as plain rows the folder's index keeps between runs.

The log is folded from every file's records (store/decision_log.py: pydantic models, validated
again when read). Its rows hold what the printout and its filters need, and nothing that
depends on the day it is printed: OVERDUE is decided at printing, from `overdue_after`. The
index keeps the rows of the folder as it is (keyed by every file's name and hash), so a second
`poforum log` over years of history reads one JSON value instead of 12,000 records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from poforum_tui.domain.models import Decision, Dependency
    from poforum_tui.store.decision_log import DependencyEntry, LogEntry
    from poforum_tui.store.errors import SessionFileError
    from poforum_tui.store.index import SessionIndex


@dataclass(frozen=True)
class LogRow:
    """One line of the log: an item's story as `format_lines` prints it."""

    date: str
    """The day it was first recorded (ISO)."""
    session: str
    kind: str
    status: str
    """As printed: `open`, `done`, `at-risk ⇡ metascrum`…"""
    is_open: bool
    owner: str
    due: str
    """Its due date, needed-by date or sprint label, or "-"."""
    overdue_after: str | None
    """While open: the date (ISO) after which it is overdue; None when it cannot be."""
    sessions: int
    text: str

    def overdue(self, today: dt.date) -> bool:
        return self.overdue_after is not None and self.overdue_after < today.isoformat()


def row_of(entry: LogEntry | DependencyEntry) -> LogRow:
    """The row of one folded log entry."""
    from poforum_tui.domain import decisions, dependencies
    from poforum_tui.store.decision_log import DependencyEntry, dependency_text, status_label

    item: Decision | Dependency
    if isinstance(entry, DependencyEntry):
        item = dependency = entry.dependency
        needed = dependency.needed_by
        due = needed.isoformat() if isinstance(needed, dt.date) else (needed or "-")
        kind, text, is_open = "dependency", dependency_text(dependency), dependency.is_open
        after = dependencies.overdue_after(dependency)
    else:
        item = decision = entry.decision
        kind, text = decision.kind, decision.text
        due = decision.due.isoformat() if decision.due else "-"
        is_open = decision.status == "open"
        after = decisions.overdue_after(decision)
    return LogRow(
        date=entry.first_date.isoformat(),
        session=entry.first_title,
        kind=kind,
        status=status_label(item),
        is_open=is_open,
        owner=item.owner or "",
        due=due,
        overdue_after=after.isoformat() if after is not None else None,
        sessions=entry.sessions,
        text=text,
    )


def format_lines(items: Sequence[LogRow | LogEntry | DependencyEntry], today: dt.date) -> list[str]:
    """The log as aligned text lines under a header (what `poforum log` prints); OVERDUE
    where an open item's date is before `today`."""
    header = ("DATE", "SESSION", "KIND", "STATUS", "OWNER", "DUE", "SEEN", "TEXT")
    lines = [header]
    for item in items:
        row = item if isinstance(item, LogRow) else row_of(item)
        due = f"{row.due} OVERDUE" if row.overdue(today) else row.due
        lines.append(
            (
                row.date,
                _clip(row.session, 28),
                row.kind,
                row.status,
                _clip(row.owner or "-", 20),
                _clip(due, 28),
                f"{row.sessions} session" + ("s" if row.sessions != 1 else ""),
                " ".join(row.text.split()),
            )
        )
    columns = list(zip(*lines, strict=True))[:-1]
    line = "  ".join([*(f"{{:<{max(map(len, column))}}}" for column in columns), "{}"])
    return [line.format(*cells).rstrip() for cells in lines]


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def select(
    rows: list[LogRow],
    *,
    kind: str | None = None,
    open_only: bool = False,
    owner: str | None = None,
) -> list[LogRow]:
    """The rows of one `kind` (of decision_log.KINDS), open ones, or those whose owner
    contains `owner` (case ignored); in the log's order (newest first)."""
    wanted = owner.casefold().strip() if owner else ""
    return [
        row
        for row in rows
        if (kind is None or row.kind == kind)
        and (not open_only or row.is_open)
        and (not wanted or wanted in row.owner.casefold())
    ]


def folder_rows(folder: Path | str) -> tuple[list[LogRow], list[SessionFileError]]:
    """Every row of the folder's log, newest first, and the files that do not load: from the
    index's copy when no file changed since it was made, else folded again (and kept)."""
    from poforum_tui.store.index import SessionIndex

    with SessionIndex(folder) as index:
        index.bring_up_to_date()
        key = _state_key(index)
        kept = index.db.execute("SELECT rows FROM log_rows WHERE key = ?", (key,)).fetchone()
        rows = _decoded(kept[0]) if kept else None
        if rows is None:
            rows = _folded(index)
            with index.db:
                index.db.execute("DELETE FROM log_rows")
                index.db.execute(
                    "INSERT INTO log_rows VALUES (?, ?)",
                    (key, json.dumps([asdict(row) for row in rows], ensure_ascii=False)),
                )
        return rows, index.broken()


def _folded(index: SessionIndex) -> list[LogRow]:
    from poforum_tui.store.decision_log import DecisionLog, fold, fold_dependencies

    loaded = list(index.logged_sessions())
    log = DecisionLog(fold(loaded), [], fold_dependencies(loaded))
    return [row_of(entry) for entry in log.everything()]


def _state_key(index: SessionIndex) -> str:
    """Every indexed file's name and content hash, as one digest."""
    digest = hashlib.blake2b(digest_size=16)
    for name, file_hash in index.db.execute("SELECT name, hash FROM files ORDER BY name"):
        digest.update(name.encode() + b"\0" + bytes(file_hash) + b"\0")
    return digest.hexdigest()


def _decoded(text: str) -> list[LogRow] | None:
    """The kept rows, or None when they are not what this version keeps (then fold again)."""
    try:
        return [LogRow(**fields) for fields in json.loads(text)]
    except (ValueError, TypeError):
        return None
