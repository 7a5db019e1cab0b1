"""The file banner: the one lasting problem with the open session file, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from poforum_tui.core.persistence import Persistence


def file_banner(persistence: Persistence) -> tuple[str, str]:
    """(text, severity) of the most urgent problem; empty text when all is well."""
    if persistence.error:
        return f"⚠ Not saved: {persistence.error} — kept in memory, retrying.", "error"
    if persistence.undecided is not None and persistence.path is not None:
        return (
            f"⚠ {persistence.path.name} changed outside poforum; your changes are not saved "
            "until you decide: ctrl+p → Decide about the outside edit.",
            "error",
        )
    if persistence.outside_error:
        return f"⚠ {persistence.outside_error}", "error"
    if persistence.missing and persistence.path is not None:
        return f"⚠ {persistence.path.name} was deleted outside poforum; writing it again.", "error"
    if persistence.holder is not None:
        return (
            f"Read-only: {persistence.holder} is editing this file. Quit it there, then "
            "ctrl+p → Take over editing (a crashed instance holds nothing).",
            "warning",
        )
    if persistence.read_only_reason:
        return (
            f"Read-only: {persistence.read_only_reason}. Once that is fixed, "
            "ctrl+p → Take over editing.",
            "warning",
        )
    return "", ""
