"""The form that renames the open session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from poforum_tui.screens.form import FormScreen


class RenameForm(FormScreen[str | None]):
    """Asks for the session's new title; returns it, or None when cancelled."""

    form_title = "Rename session"
    submit_label = "Rename"

    def __init__(self, title: str) -> None:
        super().__init__()
        self.current = title

    def compose_fields(self) -> ComposeResult:
        yield from self.field("title", "Title", Input(self.current, select_on_focus=True))

    def submit(self) -> None:
        title = self.value("title").strip()
        if not title:
            self.refuse("title", "a title is required")
            return
        self.dismiss(title)
