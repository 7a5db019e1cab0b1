"""The decision log: every decision, experiment and action across a folder of sessions.

A carried item is one entry: it is followed through `carried_from` (the file it came from) and
its id, shows its latest status, and counts the sessions it has appeared in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from poforum_tui.domain.decisions import is_overdue
from poforum_tui.domain.models import Decision, Session
from poforum_tui.store.discovery import session_files
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.load import load


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
class DecisionLog:
    entries: list[LogEntry] = field(default_factory=list)
    """Newest first (by the date the item was first recorded)."""
    broken: list[SessionFileError] = field(default_factory=list)

    def filtered(self, *, open_only: bool = False, owner: str | None = None) -> list[LogEntry]:
        """Entries still open and/or owned by someone whose name contains `owner`."""
        wanted = owner.casefold().strip() if owner else ""
        return [
            entry
            for entry in self.entries
            if (not open_only or entry.decision.status == "open")
            and (not wanted or wanted in (entry.decision.owner or "").casefold())
        ]


def fold(sessions: Iterable[tuple[Path, Session]]) -> list[LogEntry]:
    """One entry per item, carried copies merged; newest first."""
    ordered = sorted(sessions, key=lambda pair: (pair[1].date, pair[0].name))
    seen: dict[tuple[str, str], LogEntry] = {}
    entries: list[LogEntry] = []
    for path, session in ordered:
        for decision in session.decisions:
            entry = None
            if decision.carried_from:
                entry = seen.get((decision.carried_from, decision.id))
            if entry is None:
                entry = LogEntry(
                    decision, path, session.title, session.date, path, session.title, session.date
                )
                entries.append(entry)
            else:
                entry.decision = decision
                entry.last_path, entry.last_title = path, session.title
                entry.last_date = session.date
                entry.sessions += 1
            entry.sessions = max(entry.sessions, decision.carried + 1)
            seen[(path.name, decision.id)] = entry
    entries.sort(key=lambda e: (e.first_date, e.first_path.name), reverse=True)
    return entries


def read_log(folder: Path | str) -> DecisionLog:
    """The log of every session file in `folder`; files that do not load are listed apart."""
    loaded: list[tuple[Path, Session]] = []
    broken: list[SessionFileError] = []
    for path in session_files(folder):
        try:
            loaded.append((path, load(path)))
        except SessionFileError as error:
            broken.append(error)
    return DecisionLog(fold(loaded), broken)


def status_label(decision: Decision) -> str:
    """`open`, `done`, or `open ⇡ metascrum` for an escalated item."""
    if decision.escalate_to and decision.status == "open":
        return f"{decision.status} ⇡ {decision.escalate_to}"
    return decision.status


def format_lines(entries: list[LogEntry], today: dt.date) -> list[str]:
    """The log as aligned text lines under a header (what `poforum log` prints)."""
    rows = [("DATE", "SESSION", "KIND", "STATUS", "OWNER", "DUE", "SEEN", "TEXT")]
    for entry in entries:
        decision = entry.decision
        due = decision.due.isoformat() if decision.due else "-"
        if entry.overdue(today):
            due += " OVERDUE"
        rows.append(
            (
                entry.first_date.isoformat(),
                _clip(entry.first_title, 28),
                decision.kind,
                status_label(decision),
                _clip(decision.owner or "-", 20),
                due,
                f"{entry.sessions} session" + ("s" if entry.sessions != 1 else ""),
                " ".join(decision.text.split()),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[-1]]).rstrip()
        for row in rows
    ]


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
