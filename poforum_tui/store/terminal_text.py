"""Text for a terminal: control characters from a file (ESC, BEL) shown, never obeyed."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """`text` with each control character but tab and newline written as `\\x1b`-style."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)
