"""Write a session file: deterministic TOML shaped like DESIGN.md's example, saved atomically.

`dumps` is the text `layout` makes (each piece parsed back before it is returned: a session
that would read back differently raises UnsafeWriteError and nothing is written). Backups and
rescue copies go to the sessions folder's hidden `.poforum/`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from poforum_tui.store.atomic import write_atomic
from poforum_tui.store.errors import UnsafeWriteError
from poforum_tui.store.limits import check_payload

if TYPE_CHECKING:
    from poforum_tui.domain.models import Session


def dumps(session: Session) -> str:
    """The file text for `session`: same session, same bytes; checked to read back the same."""
    from poforum_tui.store.layout import layout  # pydantic's: imported at the first save

    return layout(session).text


def save(session: Session, path: Path | str) -> None:
    """Write atomically: a temp file in the same folder, fsync, then `os.replace`; refuses
    (OSError) a session poforum would not open again."""
    payload = dumps(session).encode("utf-8")
    check_payload(Path(path), payload)
    write_atomic(Path(path), payload)


HIDDEN_FOLDER = ".poforum"
"""Where backups and rescue copies go, inside the sessions folder: out of `git status`."""


def hidden_folder(folder: Path) -> Path:
    """`<folder>/.poforum`, made on first use with a `.gitignore` that ignores all of it."""
    hidden = folder / HIDDEN_FOLDER
    if not hidden.is_dir():
        hidden.mkdir(exist_ok=True)
        (hidden / ".gitignore").write_text(
            "# poforum's backups (.bak) and rescue copies: not for git\n*\n", encoding="utf-8"
        )
    return hidden


def backup_path(path: Path) -> Path:
    """`.poforum/<name>.toml.bak` beside the session: the version before the last save."""
    return hidden_folder(path.parent) / (path.name + ".bak")


__all__ = ["UnsafeWriteError", "backup_path", "dumps", "hidden_folder", "save", "write_atomic"]
