"""Block digits for reading a timer across a room: a 3x5 pixel font, each pixel `██`.

`scale` 1 draws 5 rows, 2 draws 10. Shows digits, `:`, `+` and `-`; anything else is a gap.
"""

from __future__ import annotations

from textual.reactive import reactive
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


class BigDigits(Widget):
    """A timer value in block digits, coloured by the widget's `color`."""

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
            self.set_reactive(BigDigits.value, value)
            self.refresh()
            return
        self.value = value

    def render(self) -> str:
        return "\n".join(block_lines(self.value, self.scale))

    def get_content_width(self, container, viewport) -> int:
        return max((len(line) for line in block_lines(self.value, self.scale)), default=0)

    def get_content_height(self, container, viewport, width: int) -> int:
        return 5 * self.scale
