"""A one-line banner for the open file's lasting problems: not saved, broken on disk, read-only."""

from __future__ import annotations

from textual.widgets import Static

from poforum_tui.widgets.literal import literal


class FileStatus(Static):
    """Shows `app.file_status` (text, severity) and hides itself when there is nothing to say."""

    DEFAULT_CSS = """
    FileStatus {
        height: auto;
        max-height: 3;
        padding: 0 1;
        display: none;
        text-overflow: ellipsis;
    }
    FileStatus.-shown {
        display: block;
    }
    FileStatus.-warning {
        background: $warning-muted;
        color: $text;
    }
    FileStatus.-error {
        background: $error;
        color: $text;
        text-style: bold;
    }
    """
    HELP = """
## File status
Shown while the session file has a problem: a save that keeps failing (the session stays in
memory and saving is retried), an outside edit that broke the file, or another poforum
holding the file (this one is then read-only).
"""

    def on_mount(self) -> None:
        self.watch(self.app, "file_status", self._show, init=True)

    def _show(self, status: tuple[str, str]) -> None:
        text, severity = status
        self.update(literal(text))
        self.set_class(bool(text), "-shown")
        self.set_class(severity == "warning", "-warning")
        self.set_class(severity == "error", "-error")
