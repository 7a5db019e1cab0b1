"""Block digits for reading a timer across a room: a 3x5 pixel font, each pixel `██`.

`scale` 1 draws 5 rows, 2 draws 10. Shows digits, `:`, `+` and `-`; anything else is a gap.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

FONT = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": ("  ", "  ", "  ", "  ", "  "),
}


def block_lines(text: str, scale: int = 1) -> list[str]:
    """The rows of `text` in the block font, `scale` times the base size."""
    glyphs = [FONT.get(char, FONT[" "]) for char in text]
    rows = []
    for row in range(5):
        line = "  ".join(
            "".join(("██" if pixel == "#" else "  ") * scale for pixel in glyph[row])
            for glyph in glyphs
        )
        rows.extend([line.rstrip()] * scale)
    return rows


def changed_columns(before: list[str], after: list[str]) -> tuple[int, int] | None:
    """The first and one past the last column where two renderings differ (None: same)."""
    first, last = None, 0
    for old, new in zip(before, after, strict=True):
        if old == new:
            continue
        width = max(len(old), len(new))
        old, new = old.ljust(width), new.ljust(width)
        left = next(x for x in range(width) if old[x] != new[x])
        right = next(x for x in range(width, 0, -1) if old[x - 1] != new[x - 1])
        first = left if first is None else min(first, left)
        last = max(last, right)
    return None if first is None else (first, last)


class BigDigits(Widget):
    """A timer value in block digits, coloured by the widget's `color`.

    Drawn line by line: a tick that turns 04:12 into 04:11 repaints the last glyph's
    columns only."""

    DEFAULT_CSS = """
    BigDigits {
        width: auto;
        height: auto;
    }
    """

    value: reactive[str] = reactive("", layout=True)
    scale: reactive[int] = reactive(1, layout=True)

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value = value

    def update(self, value: str) -> None:
        """Show `value`; a layout only when its width changes (the digits tick every second)."""
        if value == self.value:
            return
        if len(value) == len(self.value) and self.is_mounted:
            before = self._rows()
            self.set_reactive(BigDigits.value, value)
            columns = changed_columns(before, self._rows())
            if columns is not None:
                first, last = columns
                self.refresh(Region(first, 0, last - first, len(before)))
            return
        self.value = value

    _drawn: tuple[tuple[str, int], list[str]] | None = None

    def _rows(self) -> list[str]:
        key = (self.value, self.scale)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = key, block_lines(self.value, self.scale)
        return self._drawn[1]

    def render_line(self, y: int) -> Strip:
        rows = self._rows()
        style = self.visual_style.rich_style
        if y >= len(rows) or not rows[y]:
            return Strip.blank(0, style)
        return Strip([Segment(rows[y], style)], len(rows[y]))

    def get_content_width(self, container, viewport) -> int:
        return max((len(line) for line in self._rows()), default=0)

    def get_content_height(self, container, viewport, width: int) -> int:
        return 5 * self.scale
