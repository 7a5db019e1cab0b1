"""Files a session refers to (`follows`, `carried_from`) stay inside the session folder."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.store.errors import SessionFileError


def inside(folder: Path, path: Path) -> bool:
    """Whether `path`, with every symlink resolved, is in `folder` (resolved too)."""
    try:
        return path.resolve().parent == folder.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return False


def sibling(folder: Path | str, name: str) -> Path:
    """The session file `name` in `folder`; refuses folders, `..` and symlinks leading out."""
    folder = Path(folder)
    if not name or Path(name).name != name or name in (".", "..") or "\\" in name:
        raise SessionFileError(
            folder / name, 1, 1, f"{name!r} is not a file name in the session folder"
        )
    path = folder / name
    if path.is_symlink() and not inside(folder, path):
        raise SessionFileError(
            path, 1, 1, "a symlink to a file outside the session folder; copy the file here instead"
        )
    return path
