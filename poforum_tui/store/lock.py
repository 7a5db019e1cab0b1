"""One writer per session file: an OS lock (filelock) beside the file, naming its holder.

The lock is `flock`-based, so the kernel drops it when the holding process dies: a lock left
by a killed poforum never blocks. The lock file records the holder's host and pid so a second
instance can say who is editing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path

from filelock import FileLock, Timeout

from poforum_tui.store.diskfile import real_path


def lock_path(path: Path) -> Path:
    """`.<name>.lock` beside the real session file (hidden, and ignored by git).

    Symlinks are resolved first: every name leading to one file shares one lock.
    """
    path = real_path(path)
    return path.with_name(f".{path.name}.lock")


@dataclass(frozen=True)
class Holder:
    """Who holds a session file's lock, as recorded in the lock file."""

    host: str
    pid: int
    since: str

    def __str__(self) -> str:
        here = "this computer" if self.host == socket.gethostname() else self.host
        since = f", since {self.since}" if self.since else ""
        return f"poforum on {here} (pid {self.pid}{since})"

    @classmethod
    def parse(cls, text: str) -> Holder | None:
        fields = dict(
            line.split("=", 1) for line in text.splitlines() if "=" in line and len(line) < 300
        )
        try:
            return cls(fields["host"].strip(), int(fields["pid"]), fields.get("since", "").strip())
        except (KeyError, ValueError):
            return None


class SessionLock:
    """The lock of one session file. `acquire()` never waits."""

    def __init__(self, path: Path) -> None:
        self.session = real_path(path)
        self.path = lock_path(path)
        self._lock = FileLock(
            self.path, timeout=0, thread_local=False, on_acquired=self._record_holder
        )

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> Holder | None:
        """Take the lock; None on success, else the current holder (pid 0 if unrecorded).

        Raises OSError when the lock file cannot be created (a read-only folder).
        """
        for _ in range(3):
            try:
                self._lock.acquire()
            except Timeout:
                return self.holder() or Holder("an unknown host", 0, "")
            if self._still_the_file():
                self._remove_stale_temps()
                return None
            # The holder removed the lock file as it let go (see release) after this process
            # opened it: the lock is on a file nobody else will see. Take the new one.
            self._lock.release(force=True)
        return self.holder() or Holder("an unknown host", 0, "")

    def _remove_stale_temps(self) -> None:
        """Temp files of the session left by a writer killed mid-save: only the lock's
        holder writes them, so once it is ours they are leftovers (an old or unfinished copy;
        the session file itself is always whole)."""
        session = self.session
        for temp in session.parent.glob(f".{glob_escape(session.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                temp.unlink()

    def holder(self) -> Holder | None:
        try:
            return Holder.parse(self.path.read_text(encoding="utf-8", errors="replace")[:2000])
        except OSError:
            return None

    def release(self) -> None:
        """Let go, removing the lock file first (a clean quit leaves nothing in the folder)."""
        if self._lock.is_locked:
            with contextlib.suppress(OSError):  # a read-only folder: the file stays
                self.path.unlink()
            self._lock.release(force=True)

    def _still_the_file(self) -> bool:
        """Whether the locked file is still the one at `path` (not removed and replaced)."""
        fd = getattr(self._lock, "_context", None)
        fd = getattr(fd, "lock_file_fd", None)
        try:
            held = os.fstat(fd) if fd is not None else None
            now = os.stat(self.path)
        except OSError:
            return False
        return held is None or (held.st_ino, held.st_dev) == (now.st_ino, now.st_dev)

    @staticmethod
    def _record_holder(fd: int) -> None:
        since = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
        text = f"host={socket.gethostname()}\npid={os.getpid()}\nsince={since}\n"
        os.ftruncate(fd, 0)
        os.pwrite(fd, text.encode("utf-8"), 0)
