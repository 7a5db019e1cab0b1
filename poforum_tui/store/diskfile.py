"""One open session file on disk: tells poforum's own writes from outside edits.

`DiskFile` remembers the bytes poforum last read or wrote and the file's stamp (mtime, size,
inode). A cheap `stat` notices a change; the bytes then decide whether it is really new.

Saving never overwrites what poforum has not seen: the new version is swapped in with one
atomic exchange and what it replaced is compared with what poforum knew; if someone wrote in
between, the swap is undone and `FileChanged` says so (where the system cannot exchange, the
comparison happens immediately before the replace). A symlink is written through (the link
stays, its target gets the new bytes); `write_refusal` says when a file must not be written.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from poforum_tui.store.atomic import (
    create_new,
    default_mode,
    exchange,
    file_mode,
    fsync_dir,
    write_atomic,
    write_temp,
)
from poforum_tui.store.errors import SessionFileError
from poforum_tui.store.limits import MAX_BYTES, check_payload, read_limited
from poforum_tui.store.save import backup_path

Stamp = tuple[int, int, int]


def stamp(path: Path) -> Stamp | None:
    """(mtime_ns, size, inode), or None when the file is gone."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def real_path(path: Path) -> Path:
    """The file `path` names, every symlink resolved (what is locked and written)."""
    try:
        return path.resolve(strict=path.exists())  # a dangling link names the file to create
    except (OSError, RuntimeError):  # a symlink loop: the name itself
        return path


def backup_of(path: Path) -> Path:
    """`.poforum/<name>.toml.bak` beside the real file: the version before the last save."""
    return backup_path(real_path(path))


def write_refusal(path: Path) -> str | None:
    """Why poforum must not write `path` (then it opens read-only), or None when it may."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot look at it ({error.strerror or error})"
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    if info.st_nlink > 1:
        return (
            f"it has {info.st_nlink} hard links (other names for the same file): saving would "
            "leave the other names with the old text and two writers; keep one name (or use a "
            "symlink)"
        )
    if not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        return "the file is read-only (its permissions forbid writing; chmod u+w to edit it)"
    return None


class FileChanged(SessionFileError):
    """The file changed on disk while saving: nothing was overwritten (a conflict to decide).

    `kept` names a file holding an outside version that could not stay in place, if any.
    """

    def __init__(self, path: Path, kept: Path | None = None) -> None:
        note = f"; an outside version is kept as {kept.name}" if kept else ""
        super().__init__(path, 1, 1, f"changed on disk while saving; not overwritten{note}")
        self.kept = kept


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
        self.mode = file_mode(path) or default_mode()
        """The session file's permissions: its `.bak`, rescue copies and exports get them."""

    @property
    def real(self) -> Path:
        return real_path(self.path)

    @property
    def backup(self) -> Path:
        return backup_of(self.path)

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
        """Replace the file with `payload`, keeping what was there as `<name>.bak`.

        Raises FileChanged (nothing overwritten) when the file is not what poforum last knew,
        PermissionError when `write_refusal` forbids writing, OSError when the disk fails.
        """
        check_payload(self.path, payload)  # never write what poforum would not open again
        real = self.real
        refusal = write_refusal(real)
        if refusal is not None:
            raise PermissionError(refusal)
        if self.stamp is not None and payload == self.known:
            if self.check() is not None:
                raise FileChanged(self.path)
            return
        self.mode = file_mode(real) or self.mode
        temp = write_temp(real, payload, self.mode)
        try:
            if self.stamp is None:  # no file poforum knows: create one, never replace one
                try:
                    create_new(temp, real)
                except FileExistsError:
                    raise FileChanged(self.path) from None
            elif not self._swap_in(temp, real, payload):
                self._replace_if_unchanged(temp, real)
        finally:
            temp.unlink(missing_ok=True)
        fsync_dir(real.parent)
        self.known = payload
        self.stamp = stamp(real)

    def save_copy(self, payload: bytes, label: str, folder: Path | None = None) -> Path:
        """`payload` in a new file `<stem>-<label>.toml` (then `-2`, `-3`...) beside the real
        file or in `folder`, with the session file's permissions; never over any file.

        What later saves never touch: an outside version kept by "keep mine", a rescue copy.
        """
        from poforum_tui.store.create import unused_path

        real = self.real
        folder = real.parent if folder is None else folder
        temp = write_temp(folder / real.name, payload, self.mode)
        try:
            while True:
                target = unused_path(folder, f"{real.stem}-{label}")
                try:
                    create_new(temp, target)
                except FileExistsError:
                    continue  # taken meanwhile: the next free name
                fsync_dir(folder)
                return target
        finally:
            temp.unlink(missing_ok=True)

    def _swap_in(self, temp: Path, real: Path, payload: bytes) -> bool:
        """Exchange `temp` and `real`; keep what came out as the `.bak` if it is what poforum
        knew, else swap back and raise FileChanged. False when exchanging is not supported."""
        try:
            swapped = exchange(temp, real)
        except FileNotFoundError:
            raise FileChanged(self.path) from None  # deleted meanwhile: the watch tells
        if not swapped:
            return False
        if _read_exact(temp) == self.known:
            if self.known:
                os.replace(temp, self.backup)
            return True
        exchange(temp, real)  # theirs back in place; ours comes out
        if _read_exact(temp) != payload:  # yet another outside write in between: keep it
            from poforum_tui.store.create import unused_path

            kept = unused_path(real.parent, f"{real.stem}-outside")
            os.replace(temp, kept)
            raise FileChanged(self.path, kept)
        raise FileChanged(self.path)

    def _replace_if_unchanged(self, temp: Path, real: Path) -> None:
        """Without an atomic exchange: the `.bak`, then the check right before the replace."""
        if self.known:
            write_atomic(self.backup, self.known, mode=self.mode)
        if _read_exact(real) != self.known:
            raise FileChanged(self.path)
        os.replace(temp, real)


def _read_exact(path: Path) -> bytes | None:
    """The bytes of the regular file `path` (None when it is anything else or too big)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with contextlib.suppress(OSError):
            raw = handle.read(MAX_BYTES + 1)
            return raw if len(raw) <= MAX_BYTES else None
    return None
