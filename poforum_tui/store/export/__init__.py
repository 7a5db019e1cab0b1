"""Exports of a session for people and tools: Markdown minutes, CSV of decisions, JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from poforum_tui.domain.models import Session
from poforum_tui.store.export.jsonfile import to_json
from poforum_tui.store.export.markdown import to_markdown
from poforum_tui.store.export.table import to_csv

FORMATS: dict[str, Callable[[Session], str]] = {
    "md": to_markdown,
    "csv": to_csv,
    "json": to_json,
}
"""Export format name -> renderer."""

FORMAT_LABELS = {"md": "minutes (Markdown)", "csv": "decisions (CSV)", "json": "session (JSON)"}
_SUFFIXES = {"md": ".minutes.md", "csv": ".decisions.csv", "json": ".json"}


WHAT = ("decisions", "dependencies")
"""What a CSV export lists: decisions, experiments and actions, or dependencies."""


def export(
    session: Session,
    fmt: str,
    what: str = "decisions",
    *,
    votes: bool = True,
    folder: Path | str | None = None,
) -> str:
    """`session` rendered in format `fmt` (`md`, `csv` or `json`); for CSV, `what` rows.

    Markdown only: `votes=False` leaves out who voted for what, and `folder` (where the
    session file is) names previous sessions by their titles."""
    try:
        render = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})") from None
    if what not in WHAT:
        raise ValueError(f"unknown table {what!r} (known: {', '.join(WHAT)})")
    if what == "dependencies":
        if fmt != "csv":
            raise ValueError("--what dependencies is a CSV table: use -f csv")
        from poforum_tui.store.export.dependencies_table import to_dependencies_csv

        return to_dependencies_csv(session)
    if fmt == "md":
        titles = previous_titles(session, Path(folder)) if folder is not None else {}
        return to_markdown(session, votes=votes, titles=titles)
    return render(session)


def previous_titles(session: Session, folder: Path) -> dict[str, str]:
    """The titles of the session files `session` names (`follows`, `carried_from`) that are
    in `folder` and readable."""
    from poforum_tui.store.errors import SessionFileError
    from poforum_tui.store.load import load

    names = {session.follows} | {d.carried_from for d in session.decisions}
    titles = {}
    for name in sorted(n for n in names if n):
        try:
            titles[name] = load(folder / name).title
        except (SessionFileError, OSError):
            continue
    return titles


def export_path(session_path: Path | str, fmt: str) -> Path:
    """Where an export of `session_path` goes: beside it, e.g. `x.minutes.md` for `x.toml`."""
    session_path = Path(session_path)
    return session_path.with_name(session_path.stem + _SUFFIXES[fmt])


def write_export(session: Session, session_path: Path | str, fmt: str) -> Path:
    """Write the `fmt` export beside the session file (atomically, with the session file's
    permissions) and return its path. `target.ExportRefused` (an OSError) when that would
    overwrite a file that is not an export of this session, or one another poforum holds."""
    from poforum_tui.store.export.target import write_export_file

    session_path = Path(session_path)
    text = export(session, fmt, folder=session_path.parent)
    target = export_path(session_path, fmt)
    return write_export_file(target, text, session, session_path, named_after=True)


__all__ = [
    "FORMATS",
    "FORMAT_LABELS",
    "WHAT",
    "export",
    "export_path",
    "to_csv",
    "to_json",
    "to_markdown",
]
