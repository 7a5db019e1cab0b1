"""One open session file on disk: tells poforum's own writes from outside edits.

`DiskFile` remembers the bytes poforum last read or wrote and the file's stamp (mtime, size,
inode). A cheap `stat` notices a change; the bytes then decide whether it is really new.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from poforum_tui.store.limits import check_payload, read_limited
from poforum_tui.store.save import backup_path, write_atomic

Stamp = tuple[int, int, int]


def stamp(path: Path) -> Stamp | None:
    """(mtime_ns, size, inode), or None when the file is gone."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


@dataclass(frozen=True)
class Change:
    """What is on disk now: its bytes, or `missing` when the file was deleted."""

    raw: bytes
    stamp: Stamp | None

    @property
    def missing(self) -> bool:
        return self.stamp is None


class DiskFile:
    """The session file as poforum last knew it."""

    def __init__(self, path: Path, raw: bytes) -> None:
        self.path = path
        self.known = raw
        self.stamp = stamp(path)

    def check(self) -> Change | None:
        """The file's content if it differs from what poforum knows, else None.

        Raises OSError when it cannot be read and SessionFileError when it is over the limits.
        """
        now = stamp(self.path)
        if now == self.stamp:
            return None
        if now is None:
            return Change(b"", None)
        raw = read_limited(self.path)
        if raw == self.known:
            self.stamp = now  # touched, or rewritten with the same bytes
            return None
        return Change(raw, now)

    def accept(self, change: Change) -> None:
        """Take `change` as the known content (after reloading it, or deciding to overwrite it)."""
        self.known = change.raw
        self.stamp = change.stamp

    def write(self, payload: bytes) -> None:
        """Write atomically, keeping what was there as `<name>.bak`; refuses (OSError) a payload
        poforum would not open again."""
        check_payload(self.path, payload)
        if self.known and self.known != payload and self.stamp is not None:
            write_atomic(backup_path(self.path), self.known)
        write_atomic(self.path, payload)
        self.known = payload
        self.stamp = stamp(self.path)
