"""`LineText`: a few lines of text that repaint line by line (the timer's "04:12 of 10:00").

A Static re-renders all its lines when one changes and sends its whole area to the
compositor; a tick changes one or two of the timer's lines. This widget keeps its lines,
and `update` repaints only those whose text or style changed. Its height is its CSS's (or
its line count, for `height: auto`); an update never lays the screen out.

A line that fits is drawn as a few segments in styles resolved once (Textual's own text
rendering gives each segment a new style carrying its offset, for mouse selection: a tick
paid for that every second). Text in these lines is not mouse-selectable.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget


def _same(a: Content, b: Content) -> bool:
    """Equal text and styles (Content's `==` compares the text only)."""
    return a.plain == b.plain and a.spans == b.spans


class LineText(Widget):
    """Lines of `Content` (never markup), drawn one line each."""

    DEFAULT_CSS = """
    LineText {
        height: auto;
    }
    """
    ALLOW_SELECT = False

    def __init__(self, content: Content | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Content] = content.split("\n") if content is not None else []
        self._styles: dict[tuple[Style, Style], RichStyle] = {}

    def update(self, content: Content) -> None:
        """Show `content`; only its lines that changed are repainted."""
        lines = content.split("\n", allow_blank=True) if content.plain else []
        before, self._lines = self._lines, lines
        changed = [
            y
            for y in range(max(len(lines), len(before)))
            if y >= len(lines) or y >= len(before) or not _same(lines[y], before[y])
        ]
        if not changed or not self.is_mounted:
            return
        if len(lines) != len(before):
            self.refresh(layout=True)  # `height: auto` follows the line count
        else:
            width = self.size.width
            self.refresh(*(Region(0, y, width, 1) for y in changed))

    def render(self) -> Content:
        """All the lines, as one Content (what the widget shows)."""
        return Content("\n").join(self._lines)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines)

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self.visual_style
        if y >= len(self._lines):
            return Strip.blank(width, base.rich_style)
        line = self._lines[y]
        if line.cell_length > width or "\t" in line.plain:  # cut (ellipsis) or tabs: Textual's
            strips = Visual.to_strips(self, line, width, 1, base)
            return strips[0] if strips else Strip.blank(width, base.rich_style)
        if not line.spans:
            return Strip([Segment(line.plain, base.rich_style)], line.cell_length)
        segments = [
            Segment(text, self._rich(base, style))
            for text, style in line.render(base, end="", parse_style=self._parse)
        ]
        return Strip(segments, line.cell_length)

    def _parse(self, style: str | Style) -> Style:
        return self._get_style(style)

    def _rich(self, base: Style, style: Style) -> RichStyle:
        """`style` over `base` as a Rich style, made once per pair (the theme is in `base`)."""
        key = (base, style)
        rich = self._styles.get(key)
        if rich is None:
            if len(self._styles) > 64:
                self._styles.clear()
            rich = self._styles[key] = (base + style).rich_style
        return rich
