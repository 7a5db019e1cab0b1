"""Saving, locking and watching the open session file; the session core owns one `Persistence`.

- Autosave: a change schedules a save within DEBOUNCE seconds, written in a worker thread,
  atomically, with the previous version kept as `.poforum/<name>.toml.bak`.
- A failed save keeps the session in memory, shows a persistent warning and retries.
- One writer: the file is locked; a second instance opens it read-only and names the holder.
- Outside edits are noticed by polling: reloaded when nothing is unsaved, else the user decides.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from poforum_tui import store
from poforum_tui.core import questions
from poforum_tui.core.file_banner import file_banner
from poforum_tui.core.timers import Repeating
from poforum_tui.core.write_access import WriteAccess, take_write_access
from poforum_tui.store import SessionFileError
from poforum_tui.store.diskfile import (
    Change,
    DiskFile,
    FileChanged,
    Stamp,
    stamp,
)
from poforum_tui.store.limits import read_limited
from poforum_tui.store.lock import Holder, SessionLock
from poforum_tui.store.save import HIDDEN_FOLDER, hidden_folder

if TYPE_CHECKING:
    from poforum_tui.core.session_core import SessionCore
    from poforum_tui.domain import Session


DEBOUNCE = 0.25
"""Seconds from a change to its save (changes in between are saved together)."""
RETRY = 2.0
"""Seconds between attempts after a failed save."""
POLL = 1.0
"""Seconds between checks for outside edits (noticed within two polls at most)."""

LOOK_AGAIN: Stamp = (-1, -1, -1)
"""A stamp no file has: the next poll reads the file whatever its stamp (even none: gone)."""

Outcome = Literal["saved", "conflict"] | str
"""What a save attempt did: "saved", "conflict" (the file changed on disk) or an error text."""


class Persistence:
    """The open session's file: its lock, its autosave and its watch for outside edits."""

    def __init__(self, core: SessionCore) -> None:
        self.core = core
        self.path: Path | None = None
        self.disk: DiskFile | None = None
        self.saved: Session | None = None
        """The session as last written to or read from the file."""
        self.error: str | None = None
        """Why the last save failed, while it keeps failing."""
        self.outside_error: str | None = None
        """An outside edit that broke the file, while the last good session is shown."""
        self.holder: Holder | None = None
        """Who holds the lock when this instance opened the file read-only because of it."""
        self.read_only_reason: str | None = None
        self.deciding = False
        self.undecided: tuple[Session | None, Change, SessionFileError | None] | None = None
        """An outside edit whose question was put off (escape): saves wait until `decide()`."""
        """An outside edit is being decided by the user: saving and watching pause."""
        self.missing = False
        """The file was deleted outside poforum and is not written again yet."""
        self._kept: Path | None = None
        self._lock: SessionLock | None = None
        self._io = threading.Lock()
        self._seen: Stamp | None = None
        self._pending = False
        self._flushed = threading.Event()
        self._retry: Repeating | None = None
        self._poll: Repeating | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- opening and closing -----------------------------------------------------------

    def open(self, path: Path, *, read_only: bool = False) -> tuple[Session, bool]:
        """Lock `path` (unless `read_only`), read it; returns the session and whether read-only.

        Raises SessionFileError when the file does not load; the file open before stays open.
        """
        if self.path is not None and path.resolve() == self.path.resolve():
            self.close()  # reopening the same file: let go of its lock first
        access = WriteAccess() if read_only else take_write_access(path)
        lock, holder, reason = access.lock, access.holder, access.reason
        try:
            raw = read_limited(path)
            session = store.parse(raw, path)
        except (OSError, SessionFileError) as error:
            if lock is not None:
                lock.release()
            if isinstance(error, SessionFileError):
                raise
            raise SessionFileError(path, 1, 1, f"cannot read: {error.strerror or error}") from None
        self.close()
        self._loop = asyncio.get_running_loop()
        self.path, self._lock, self.holder = path, lock, holder
        self.read_only_reason = reason
        self.disk = DiskFile(path, raw)
        self._seen = self.disk.stamp
        self.saved, self.error, self.outside_error, self.deciding = session, None, None, False
        self.undecided = None
        self.missing = False
        self._poll = Repeating(self._loop, POLL, self.poll)
        self._show_status()
        return session, read_only or lock is None

    def close(self) -> Path | None:
        """Save what is unsaved (or rescue it to a copy), stop watching and unlock; the rescue
        copy's path when one was written."""
        rescued = None
        if self.disk is not None and self.unsaved and self.flush() != "saved":
            rescued = self.rescue()
            if rescued is not None:
                self.saved = self.core.session  # in the copy: nothing is left to write
        for timer in (self._retry, self._poll):
            if timer is not None:
                timer.stop()
        self._retry = self._poll = None
        if self._lock is not None:
            self._lock.release()
        self._lock = self.disk = self.path = self.holder = None
        self.saved, self.error, self.outside_error, self.read_only_reason = None, None, None, None
        return rescued

    def take_over(self) -> bool:
        """Try to become the writer of a file opened read-only; True when this worked."""
        if self.path is None or self._lock is not None:
            return self._lock is not None
        access = take_write_access(self.path)
        self.holder, self.read_only_reason = access.holder, access.reason
        if access.lock is None:
            self._show_status()
            return False
        self._lock = access.lock
        self._seen = LOOK_AGAIN
        self.poll()  # catch up with the last save of the previous writer
        self._show_status()
        return True

    @property
    def locked(self) -> bool:
        return self._lock is not None

    @property
    def unsaved(self) -> bool:
        session = self.core.session
        return self.disk is not None and session is not None and session is not self.saved

    # -- saving --------------------------------------------------------------------------

    def request_save(self) -> None:
        """Save the open session within DEBOUNCE seconds, in a worker thread.

        Changes made while a save is pending are written by that same save.
        """
        if self.disk is None or not self.locked or self.deciding or self._pending:
            return
        self._pending = True
        self._start_worker(None)

    def _start_worker(self, delay: float | None) -> None:
        threading.Thread(target=self._worker, args=(delay,), name="save", daemon=True).start()

    def _worker(self, delay: float | None = None) -> None:
        self._flushed.wait(DEBOUNCE if delay is None else delay)
        self._pending = False
        outcome = self._save()
        # Hand the outcome to the loop's thread without waiting: at exit the loop may never run
        # it (close() saves what is left), and a blocked worker would hold up the exit.
        loop = self._loop
        with contextlib.suppress(RuntimeError):  # the loop is closed
            if loop is not None:
                loop.call_soon_threadsafe(self._after_save, outcome)

    def flush(self) -> Outcome:
        """Save now, in this thread (waits for a save in progress); returns the outcome."""
        self._flushed.set()
        try:
            outcome = self._save()
        finally:
            self._flushed.clear()
        self._after_save(outcome)
        return outcome

    def _save(self) -> Outcome:
        from poforum_tui.store.file_text import file_bytes  # loaded with the first session

        with self._io:
            session, disk = self.core.session, self.disk
            if disk is None or session is None or session is self.saved:
                return "saved"
            if not self.locked or self.deciding:
                return "conflict" if self.deciding else "saved"
            try:
                if disk.check() is not None:
                    return "conflict"  # never overwrite what someone else wrote
                disk.write(file_bytes(session, disk.known))  # keeps comments, CRLF, BOM
            except FileChanged as changed:  # someone wrote during the save: nothing overwritten
                self._kept = changed.kept
                return "conflict"
            except SessionFileError:
                return "conflict"  # replaced by something over the limits
            except OSError as error:
                return f"{error.strerror or error} ({disk.path})"
            except Exception as error:  # a save must never fail silently
                return f"cannot write the session: {type(error).__name__}: {error}"
            self.saved = session
            return "saved"

    def _after_save(self, outcome: Outcome) -> None:
        if outcome == "saved":
            if self.missing and not self.unsaved and self.path is not None:
                self.missing = False
                self.core.notice(f"{self.path.name} is written again: every change is on disk.")
                self._show_status()
            if self.error is not None:
                self.error = None
                self.core.notice("Saved again: every change is on disk.", title="Saved")
                self._show_status()
            if self._retry is not None:
                self._retry.stop()
                self._retry = None
        elif outcome == "conflict":
            kept, self._kept = self._kept, None
            if kept is not None:
                self.core.notice(
                    f"Two outside edits arrived during a save; the other one is kept as "
                    f"{kept.name}.",
                    title="Outside edit",
                    severity="warning",
                )
            if not self.deciding:
                self._seen = LOOK_AGAIN
                self.poll(wait=True)  # a save the flush woke may hold the file: wait for it
        else:
            if outcome != self.error:
                self.core.notice(
                    f"{outcome}. Your session is kept in memory; retrying every {RETRY:g} s.",
                    title="Not saved",
                    severity="error",
                    timeout=10,
                )
            self.error = outcome
            self._show_status()
            if self._retry is None:
                self._retry = Repeating(
                    self._loop or asyncio.get_running_loop(), RETRY, self._retry_save
                )

    def _retry_save(self) -> None:
        if self.disk is not None and self.unsaved:
            self._start_worker(0)
        else:
            self._after_save("saved")

    def rescue(self) -> Path | None:
        """Write the open session to a new file (in the folder's hidden `.poforum/`, else the
        home folder), with the session file's permissions."""
        session, disk = self.core.session, self.disk
        if session is None or disk is None:
            return None
        payload = store.dumps(session).encode("utf-8")
        for where in (lambda: hidden_folder(disk.real.parent), Path.home):
            with contextlib.suppress(OSError):
                return disk.save_copy(payload, "unsaved", where())
        return None

    # -- outside edits -------------------------------------------------------------------

    def poll(self, *, wait: bool = False) -> None:
        """Look for an outside edit (a cheap `stat`, then the bytes). The timer's poll skips
        a look while a save is writing; after a conflict the look `wait`s for that save."""
        if self.disk is None or self.deciding or self.path is None:
            return
        now = stamp(self.path)
        if now == self._seen or not self._io.acquire(blocking=wait):
            return  # nothing new, or a save is writing right now
        broken = None
        try:
            self._seen = now
            change = self.disk.check()
        except SessionFileError as error:  # replaced by a file over the limits
            change, broken = Change(b"", now), error
        except OSError:
            change, self._seen = None, LOOK_AGAIN  # unreadable for a moment: look again
        finally:
            self._io.release()
        if change is not None:
            self._outside_edit(change, broken)

    def _outside_edit(self, change: Change, broken: SessionFileError | None = None) -> None:
        assert self.disk is not None and self.path is not None
        name = self.path.name
        if change.missing:
            self.disk.accept(change)
            self.saved, self.missing = None, True
            self.core.notice(f"{name} was deleted outside poforum; writing it again.")
            self._show_status()
            self.request_save()
            return
        theirs: Session | None = None
        if broken is None:
            try:
                theirs = store.parse(change.raw, self.path)
            except SessionFileError as error:
                broken = error
        if not self.unsaved:
            if theirs is not None:
                self._reload(theirs, change)
                self.core.notice(f"{name} changed on disk; showing the new version.")
            elif broken is not None:
                self._broken(broken)
            return
        if broken is not None:
            self._broken(broken)
        self._ask(theirs, change, broken)

    def _ask(self, theirs: Session | None, change: Change, broken: SessionFileError | None):
        assert self.path is not None
        self.deciding, self.undecided = True, None
        self.core.ask(
            questions.outside_edit(self.path.name, broken),
            lambda choice: self._decided(choice, theirs, change, broken),
        )

    def decide(self) -> None:
        """Ask again about the outside edit whose question was put off."""
        if self.undecided is not None:
            self._ask(*self.undecided)

    def _decided(
        self,
        choice: str | None,
        theirs: Session | None,
        change: Change,
        broken: SessionFileError | None = None,
    ) -> None:
        assert self.disk is not None and self.path is not None
        if choice is None:  # escape: decide later; nothing is written until then
            self.undecided = (theirs, change, broken)
            self._show_status()
            return
        self.deciding = False
        if choice == "theirs" and theirs is not None:
            self._reload(theirs, change)
            self.core.notice("Reloaded the version on disk.")
        elif choice == "copy":
            session = self.core.session
            copy = self._copy(store.dumps(session).encode() if session else b"", "mine", change)
            if copy is None:
                return
            if theirs is not None:
                self._reload(theirs, change)
                self.core.notice(f"Yours is saved as {copy.name}; showing the version on disk.")
            else:
                # Theirs does not load: open the copy. What is in memory is in the copy, so
                # closing the original must neither save over their edit nor ask again.
                self.disk.accept(change)
                self.saved = session
                self.core.open(copy)
                self.core.notice(f"Yours is saved as {copy.name}, which is now open.")
        else:  # keep mine: theirs goes to a copy that no later save touches
            copy = self._copy(change.raw, "theirs", change, hidden_folder(self.disk.real.parent))
            if copy is None:
                return
            self.disk.accept(change)
            self.outside_error = None
            self._seen = change.stamp
            self.flush()
            self.core.notice(
                f"Kept yours; the version on disk is saved as {HIDDEN_FOLDER}/{copy.name}."
            )
        self._show_status()

    def _copy(
        self, payload: bytes, label: str, change: Change, folder: Path | None = None
    ) -> Path | None:
        """`payload` in a new `<stem>-<label>.toml`; None once it said why not and asked again."""
        assert self.disk is not None
        try:
            return self.disk.save_copy(payload, label, folder)
        except OSError as error:
            reason = error.strerror or error
            self.core.notice(f"Copy not written ({reason}); nothing overwritten.", severity="error")
            self._outside_edit(change)
            return None

    def _reload(self, session: Session, change: Change) -> None:
        assert self.disk is not None
        self.disk.accept(change)
        self._seen = change.stamp
        self.saved, self.outside_error = session, None
        self.core.reloaded(session)
        self._show_status()

    def _broken(self, error: SessionFileError) -> None:
        message = (
            f"Edited outside poforum and now broken at {error.location}: {error.message}. "
            "Showing the last good version; fix the file and it reloads."
        )
        if message != self.outside_error:
            self.outside_error = message
            self.core.notice(message, title="Outside edit", severity="error", timeout=10)
            self._show_status()

    # -- the status line -----------------------------------------------------------------

    def status(self) -> tuple[str, str]:
        """The persistent file warning (text, severity); empty text when all is well."""
        return file_banner(self)

    def _show_status(self) -> None:
        self.core.status_changed(self.status())
