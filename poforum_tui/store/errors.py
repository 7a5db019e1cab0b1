"""The one error type for a session file that cannot be used: `path:line:col: message`."""

from __future__ import annotations

from pathlib import Path


class SessionFileError(Exception):
    """A problem in a session file, located as precisely as the file allows."""

    def __init__(self, path: Path | str, line: int, col: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{col}: {message}")
        self.path = Path(path)
        self.line = line
        self.col = col
        self.message = message

    @property
    def location(self) -> str:
        """`line:col`, for places that already show the file name."""
        return f"{self.line}:{self.col}"
