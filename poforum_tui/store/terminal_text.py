"""Text printed to a terminal: session text shows as text and never controls the terminal.

Titles, file names and error messages can hold ESC, BEL and other control characters (an
`ESC ] 0 ;` sequence retitles the terminal window, `ESC [ 2 J` clears it) or bidi overrides
that make a line read differently from what it holds. `terminal_safe()` shows each as an escape
(`\\x1b`, `\\u202e`); tabs and line breaks stay. Files written with `-o` keep the exact data.
"""

from __future__ import annotations

import re
import sys

TYPE_CHECKING = False  # the CLI's light commands import no typing (issue 18)
if TYPE_CHECKING:
    from typing import TextIO

# C0 controls but tab and newline, a carriage return not before a newline (it would overwrite
# the line), DEL, C1 controls, and the bidi embeddings, overrides, isolates and marks.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every terminal-controlling character written as an escape."""
    return _CONTROLS.sub(_escape, text)


def say(text: object = "", *, file: TextIO | None = None) -> None:
    """Print a message line (to stdout by default) with control characters made visible."""
    print(terminal_safe(str(text)), file=file or sys.stdout)


def write_data(text: str, stream: TextIO | None = None) -> None:
    """Write exported data: byte for byte to a pipe or file, made visible on a terminal."""
    stream = stream or sys.stdout
    if stream.isatty():
        text = terminal_safe(text)
    stream.buffer.write(text.encode("utf-8"))
    stream.flush()
