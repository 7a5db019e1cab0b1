"""Size limits: a huge or item-stuffed session file is refused before it freezes the UI.

The item limit is the domain's (domain/limits.py), counted the same way in a parsed file as in
a session being edited, so an add the app accepts never makes a file it refuses to open.
"""

from __future__ import annotations

import errno
import re
import stat
from pathlib import Path
from typing import Any

from poforum_tui.domain.limits import MAX_ITEMS, count_items
from poforum_tui.store.errors import SessionFileError

MAX_BYTES = 5 * 1024 * 1024

# `[[table]]` headers and `{` inline tables: a cheap upper-bound count before parsing.
_ITEM_MARKS = re.compile(rb"^\s*\[\[|\{", re.M)


def check_payload(path: Path, payload: bytes) -> None:
    """Refuse to write a session file poforum would not open again (over MAX_BYTES)."""
    if len(payload) > MAX_BYTES:
        raise OSError(
            errno.EFBIG,
            f"the session would be {len(payload) / 1024 / 1024:.1f} MB and poforum opens "
            f"session files up to {MAX_BYTES // 1024 // 1024} MB: shorten long texts",
        )


def check_size(path: Path, size: int) -> None:
    """Refuse a file larger than MAX_BYTES (checked from `stat`, before reading it)."""
    if size > MAX_BYTES:
        raise SessionFileError.whole_file(
            path,
            f"file is {size / 1024 / 1024:.1f} MB; poforum opens session files up to "
            f"{MAX_BYTES // 1024 // 1024} MB (split it, or remove pasted content)",
        )


def read_limited(path: Path) -> bytes:
    """The bytes of regular file `path`, refusing anything over MAX_BYTES without reading it all."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise SessionFileError.whole_file(path, f"{what}, not a session file")
    check_size(path, info.st_size)
    with path.open("rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    check_size(path, len(raw))
    return raw


def check_raw(raw: bytes, path: Path | str) -> None:
    """Refuse oversized bytes, or text with far more tables than MAX_ITEMS, before parsing."""
    check_size(Path(path), len(raw))
    if len(_ITEM_MARKS.findall(raw)) > 2 * MAX_ITEMS:
        raise too_many(path, "over " + f"{MAX_ITEMS:,}")


def check_items(data: dict[str, Any], path: Path | str) -> None:
    """Refuse parsed data holding more than MAX_ITEMS list entries and votes in all."""
    count = count_items(data)
    if count > MAX_ITEMS:
        raise too_many(path, f"{count:,}")


def too_many(path: Path | str, count: str) -> SessionFileError:
    return SessionFileError.whole_file(
        path,
        f"{count} items (agenda, topics, decisions, participants, list entries); "
        f"poforum opens sessions with up to {MAX_ITEMS:,}",
    )
