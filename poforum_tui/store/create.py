"""Write a brand-new session file, named `<date>-<slug-of-title>.toml`, never overwriting."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.domain.ids import slugify
from poforum_tui.domain.models import Session
from poforum_tui.store.save import save


def session_file_name(session: Session) -> str:
    return f"{session.date.isoformat()}-{slugify(session.title)}.toml"


def create_session_file(folder: Path | str, session: Session) -> Path:
    """Save `session` as a new file in `folder`; FileExistsError if that name is taken."""
    folder = Path(folder)
    path = folder / session_file_name(session)
    if path.exists():
        raise FileExistsError(f"{path} already exists; choose another title or date")
    folder.mkdir(parents=True, exist_ok=True)
    save(session, path)
    return path


def unused_path(folder: Path, stem: str, suffix: str = ".toml") -> Path:
    """`folder/<stem><suffix>`, or `<stem>-2<suffix>`, `-3`, ... whichever does not exist yet."""
    path = folder / f"{stem}{suffix}"
    number = 2
    while path.exists() or path.is_symlink():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path
