"""Where an export may be written: never over a session, another file or a held file.

An existing file is overwritten only when it is an earlier export of the same session (any
format: its Markdown heading, its CSV rows or its JSON title and date say so) or is empty;
`force` allows any other file but the session itself and a file another poforum holds.
The written file gets the session file's permissions (never looser, if it existed).
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

from poforum_tui.domain.models import Session
from poforum_tui.store.atomic import default_mode, file_mode, write_atomic
from poforum_tui.store.diskfile import real_path
from poforum_tui.store.export.dependencies_table import COLUMNS as DEPENDENCY_COLUMNS
from poforum_tui.store.export.markdown import to_markdown
from poforum_tui.store.export.table import COLUMNS, neutralise
from poforum_tui.store.lock import SessionLock, lock_path

_LOOK_AT = 64 * 1024 * 1024
"""A bigger existing file is not taken for an export (it is not read)."""


class ExportRefused(OSError):
    """The export was not written: `reason`, and whether `force` would allow it."""

    def __init__(self, reason: str, forcible: bool) -> None:
        hint = "; rename or remove it first" if forcible else ""
        super().__init__(reason + hint)
        self.reason, self.forcible = reason, forcible


def write_export_file(
    target: Path,
    text: str,
    session: Session,
    session_path: Path,
    *,
    force: bool = False,
    named_after: bool = False,
) -> Path:
    """Write `text` (an export of `session`) to `target` (through a symlink) if allowed and
    return `target`. ExportRefused says why not; OSError when the disk fails. `named_after`:
    `target` is named after the session file, so an earlier export there may have another
    title (the session was renamed since)."""
    real = real_path(target)
    refusal = refusal_for(real, session, session_path, force=force, any_title=named_after)
    if refusal is not None:
        forcible = refusal_for(real, session, session_path, force=True) is None
        raise ExportRefused(refusal, forcible)
    session_mode = file_mode(session_path) or default_mode()
    existing = file_mode(real)
    mode = session_mode if existing is None else existing & session_mode
    write_atomic(real, text.encode("utf-8"), mode=mode)
    return target


def refusal_for(
    target: Path,
    session: Session,
    session_path: Path,
    *,
    force: bool = False,
    any_title: bool = False,
) -> str | None:
    """Why the export must not go to `target` (symlinks resolved), or None."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"{target}: {error.strerror or error}"
    if not stat.S_ISREG(info.st_mode):
        return f"{target} is not a regular file (use '-o -' for standard output)"
    if os.path.samefile(target, real_path(session_path)):
        return f"{target} is the session file itself"
    holder = _holder(target)
    if holder is not None:
        return f"{target} is open in {holder}; quit it there first"
    if force or info.st_size == 0:
        return None
    if target.suffix == ".toml":
        return f"{target} is a session file"
    if info.st_size > _LOOK_AT or not is_export_of(
        target.read_bytes(), session, any_title=any_title
    ):
        return f"{target} exists and is not an export of {session_path.name}"
    return None


def is_export_of(raw: bytes, session: Session, *, any_title: bool = False) -> bool:
    """Whether `raw` (a file's bytes) is a poforum export of `session`, in any format: same
    title and date (`any_title`: the same date, for a file named after the session's)."""
    text = raw.decode("utf-8", errors="replace")
    first = text.split("\n", 1)[0]
    heading = to_markdown(session).split("\n", 1)[0]
    if (first == heading or (any_title and first.startswith("# "))) and (
        f"- **Date:** {session.date}" in text
    ):
        return True
    return _is_csv_of(text, session, any_title) or _is_json_of(text, session, any_title)


def _is_csv_of(text: str, session: Session, any_title: bool) -> bool:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or tuple(rows[0]) not in (COLUMNS, DEPENDENCY_COLUMNS):
        return False
    title, date = neutralise(session.title), session.date.isoformat()
    return all(row[1:2] == [date] and (any_title or row[0] == title) for row in rows[1:])


def _is_json_of(text: str, session: Session, any_title: bool) -> bool:
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return (
        isinstance(data, dict)
        and (any_title or data.get("title") == session.title)
        and data.get("date") == session.date.isoformat()
    )


def _holder(path: Path) -> str | None:
    """Who holds `path`'s poforum lock, if a lock file is there (none is created)."""
    if not lock_path(path).exists():
        return None
    lock = SessionLock(path)
    try:
        holder = lock.acquire()
    except OSError:
        return None
    if holder is None:
        lock.release()
        return None
    return str(holder)
