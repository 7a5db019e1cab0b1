"""Atomic file writes that keep a file's permissions, and the rename primitives they rest on.

`write_atomic` is the one-shot write (temp file, fsync, rename). `exchange` swaps two names in
one step (Linux `renameat2(RENAME_EXCHANGE)`), so a writer can look at exactly what it
replaced; `create_new` puts a file in place only if nothing is there.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}
_renameat2: Any = None


def default_mode() -> int:
    """What a new file gets: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def file_mode(path: Path) -> int | None:
    """The permission bits of `path` (following symlinks), or None when it is not there."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def write_temp(path: Path, payload: bytes, mode: int) -> Path:
    """`payload` in a new hidden temp file beside `path`, with `mode`, flushed to disk."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Path(temp)


def write_atomic(path: Path, payload: bytes, *, mode: int | None = None) -> None:
    """`payload` becomes the content of `path` entirely or not at all.

    The file keeps `mode` if given, else its own permissions, else a new file's default.
    """
    if mode is None:
        mode = file_mode(path)
    temp = write_temp(path, payload, default_mode() if mode is None else mode)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def exchange(first: Path, second: Path) -> bool:
    """Swap the two names in one atomic step; False where the system cannot (then nothing moved).

    Raises OSError (FileNotFoundError when either is gone).
    """
    call = _exchange_call()
    if call is None:
        return False
    import ctypes

    if call(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE):
        code = ctypes.get_errno()
        if code in _UNSUPPORTED:
            return False
        raise OSError(code, os.strerror(code), str(second))
    return True


def create_new(temp: Path, path: Path) -> None:
    """Move `temp` to `path` only if `path` does not exist (FileExistsError otherwise)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network drives): look, then rename
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(temp, path)
        return
    temp.unlink()


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (best effort: some systems cannot open folders)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _exchange_call() -> Callable[..., int] | None:
    """libc's renameat2, looked up once (None where there is none)."""
    global _renameat2
    if _renameat2 is None:
        _renameat2 = False
        try:
            import ctypes

            function = ctypes.CDLL(None, use_errno=True).renameat2
        except (AttributeError, OSError):  # not glibc >= 2.28 (macOS, musl without it)
            return None
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
        function.argtypes.append(ctypes.c_uint)
        function.restype = ctypes.c_int
        _renameat2 = function
    return _renameat2 or None
