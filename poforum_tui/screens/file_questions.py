"""The questions poforum asks about the session file: an outside edit, quitting unsaved."""

from __future__ import annotations

from poforum_tui.screens.choice import Choice, ChoiceScreen
from poforum_tui.store import SessionFileError


def outside_edit_question(name: str, broken: SessionFileError | None) -> ChoiceScreen:
    """Ask what to do about an outside edit while this instance has unsaved changes."""
    choices = [
        Choice("k", "mine", "Keep mine (overwrite)"),
        Choice("c", "copy", "Save mine as a copy"),
    ]
    if broken is None:
        what = "changed on disk (an editor, a git pull)"
        choices.insert(0, Choice("r", "theirs", "Reload theirs"))
    else:
        what = f"changed on disk and now has an error at {broken.location}: {broken.message}"
    return ChoiceScreen(
        "The session file changed outside poforum",
        f"{name} {what} while you have changes that are not saved yet.\n"
        f"Keep mine keeps theirs in {name}.bak; a copy is saved beside it.",
        choices,
    )


def unsaved_quit_question(reason: str) -> ChoiceScreen:
    """Ask what to do when quitting while the last changes cannot be saved."""
    return ChoiceScreen(
        "Your last changes are not saved",
        f"{reason}.\nA copy goes beside the session file, or into your home folder.",
        [
            Choice("r", "retry", "Try again"),
            Choice("c", "copy", "Save a copy and quit"),
            Choice("d", "discard", "Quit without saving"),
        ],
        cancel="Stay",
    )
