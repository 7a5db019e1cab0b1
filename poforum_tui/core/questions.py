"""The questions the core may need a person to answer, as data: a surface shows them.

The TUI shows a `Question` as a dialog; a surface that cannot ask (the headless room server)
leaves the answer to the core's safe default, which never loses either version.
"""

from __future__ import annotations

from dataclasses import dataclass

from poforum_tui.store import SessionFileError


@dataclass(frozen=True)
class Option:
    """One answer: the key that picks it, the value handed back, the label shown."""

    key: str
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    title: str
    text: str
    options: tuple[Option, ...]
    cancel: str | None = None
    """The label of `escape` (None: the question must be answered)."""
    default: str | None = None
    """The answer taken when no surface can ask (None: the question stays open)."""


def outside_edit(name: str, broken: SessionFileError | None) -> Question:
    """An outside edit arrived while this instance has unsaved changes."""
    stem = name.removesuffix(".toml")
    options = [
        Option("k", "mine", "Keep mine (overwrite)"),
        Option("c", "copy", "Save mine as a copy"),
    ]
    if broken is None:
        what = "changed on disk (an editor, a git pull)"
        options.insert(0, Option("r", "theirs", "Reload theirs"))
    else:
        what = f"changed on disk and now has an error at {broken.location}: {broken.message}"
    return Question(
        "The session file changed outside poforum",
        f"{name} {what} while you have changes that are not saved yet.\n"
        f"Keep mine keeps theirs as .poforum/{stem}-theirs.toml (saves never touch it); "
        f"a copy of mine goes to {stem}-mine.toml.",
        tuple(options),
        cancel="Decide later",
        default="copy",
    )


def unsaved_quit(reason: str) -> Question:
    """Quitting while the last changes cannot be saved."""
    return Question(
        "Your last changes are not saved",
        f"{reason}.\nA copy goes beside the session file, or into your home folder.",
        (
            Option("r", "retry", "Try again"),
            Option("c", "copy", "Save a copy and quit"),
            Option("d", "discard", "Quit without saving"),
        ),
        cancel="Stay",
        default="copy",
    )
