"""The one error type for a session file that cannot be used: `path:line:col: message`."""

from __future__ import annotations

from pathlib import Path


class SessionFileError(Exception):
    """A problem in a session file, located as precisely as the file allows."""

    def __init__(
        self, path: Path | str, line: int, col: int, message: str, *, positioned: bool = True
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.col = col
        self.message = message
        self.positioned = positioned
        """False for what is about the whole file (cannot read it, too big): no `:1:1:`."""
        where = f"{path}:{line}:{col}" if positioned else f"{path}"
        super().__init__(f"{where}: {message}")

    @classmethod
    def whole_file(cls, path: Path | str, message: str) -> SessionFileError:
        """A problem with no place in the file: `path: message`."""
        return cls(path, 1, 1, message, positioned=False)

    @property
    def location(self) -> str:
        """`line:col`, for places that already show the file name."""
        return f"{self.line}:{self.col}"


class UnsafeWriteError(OSError):
    """The text poforum would write does not read back as the session: nothing is written."""
