"""Whether this instance may write the session file: its lock, or who holds it, or why not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from poforum_tui.store.diskfile import write_refusal
from poforum_tui.store.lock import Holder, SessionLock


@dataclass(frozen=True)
class WriteAccess:
    """Exactly one is set: the lock (this instance writes), the holder (another poforum
    writes), or the reason the file opens read-only (permissions, hard links, no lock)."""

    lock: SessionLock | None = None
    holder: Holder | None = None
    reason: str | None = None


def take_write_access(path: Path) -> WriteAccess:
    """Lock `path` for writing if poforum may write it (never waits)."""
    refusal = write_refusal(path)
    if refusal is not None:
        return WriteAccess(reason=f"{refusal}, so it is open read-only")
    lock = SessionLock(path)
    try:
        holder = lock.acquire()
    except OSError as error:
        return WriteAccess(
            reason=f"cannot lock it ({error.strerror or error}), so it is open read-only"
        )
    return WriteAccess(holder=holder) if holder is not None else WriteAccess(lock=lock)
