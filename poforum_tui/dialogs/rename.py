"""The form that renames the open session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from poforum_tui.dialogs.form import FormScreen
from poforum_tui.widgets.literal import clean


class RenameForm(FormScreen[str | None]):
    """Asks for the session's new title; returns it, or None when cancelled."""

    form_title = "Rename session"
    submit_label = "Rename"

    def __init__(self, title: str) -> None:
        super().__init__()
        self.current = title

    def compose_fields(self) -> ComposeResult:
        current = clean(self.current)  # an Input shows one line, without control characters
        yield from self.field("title", "Title", Input(current, select_on_focus=True))

    def submit(self) -> None:
        title = self.value("title").strip()
        if not title:
            self.refuse("title", "a title is required")
            return
        self.dismiss(title)
