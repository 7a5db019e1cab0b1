"""A column's cards as one virtual list: only the lines on screen are ever rendered."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from poforum_tui.domain import Topic
from poforum_tui.widgets.topic_card import CardLine, card_lines

PADDING = 1
GAP = 1


class CardList(ScrollView, can_focus=True, inherit_bindings=False):
    """Topic cards of one column with a cursor; a line-API widget, so 1,000 cards stay cheap."""

    DEFAULT_CSS = """
    CardList {
        height: 1fr;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        background: $surface;
        & > .card-list--title { text-style: bold; }
        & > .card-list--details { color: $text-muted; }
        & > .card-list--votes { color: $accent; text-style: bold; }
        & > .card-list--empty { color: $text-muted; text-style: italic; }
        & > .card-list--cursor { background: $boost; }
        &:focus > .card-list--cursor { background: $block-cursor-background; }
    }
    """
    COMPONENT_CLASSES = {
        "card-list--title",
        "card-list--details",
        "card-list--votes",
        "card-list--empty",
        "card-list--cursor",
    }
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False, id="cards-up"),
        Binding("down", "cursor(1)", "Down", show=False, id="cards-down"),
        Binding("home", "jump(False)", "First", show=False, id="cards-first"),
        Binding("end", "jump(True)", "Last", show=False, id="cards-last"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="cards-page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="cards-page-down"),
    ]

    @dataclass
    class Highlighted(Message):
        """The card under the cursor changed (None: the column is empty)."""

        card_list: CardList
        topic: Topic | None

    def __init__(self, empty_text: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.empty_text = empty_text
        self.topics: tuple[Topic, ...] = ()
        self.hidden = False
        self.cursor = 0
        self._lines: list[tuple[CardLine, ...]] = []
        self._starts: list[int] = []
        self._width = 0

    # -- data ---------------------------------------------------------------------------

    @property
    def current(self) -> Topic | None:
        """The topic under the cursor."""
        return self.topics[self.cursor] if self.topics else None

    def set_topics(
        self, topics: tuple[Topic, ...], hidden: bool, follow: str | None = None
    ) -> None:
        """Show `topics`; the cursor stays on the same topic (or `follow`) when it can."""
        keep = follow or (self.current.id if self.current else None)
        unchanged = hidden == self.hidden and len(topics) == len(self.topics)
        if unchanged and all(a is b for a, b in zip(topics, self.topics, strict=True)):
            if follow is not None:
                self.select(follow)
            return
        ids = [topic.id for topic in topics]
        self.topics, self.hidden = topics, hidden
        cursor = ids.index(keep) if keep in ids else min(self.cursor, max(len(ids) - 1, 0))
        self._layout()
        self._move_to(cursor, force=True)
        self.refresh()

    def select(self, topic_id: str) -> bool:
        """Put the cursor on `topic_id` if it is in this list."""
        for index, topic in enumerate(self.topics):
            if topic.id == topic_id:
                self._move_to(index)
                return True
        return False

    def _layout(self) -> None:
        if self.scrollable_content_region.width <= 2 * PADDING:
            self._width, self._lines, self._starts = 0, [], []  # laid out on the first resize
            return
        width = self._text_width()
        self._width = width
        self._lines = [card_lines(topic, width, self.hidden) for topic in self.topics]
        self._starts = []
        line = 0
        for lines in self._lines:
            self._starts.append(line)
            line += len(lines) + GAP
        height = line if self.topics else 1
        self.virtual_size = Size(self.scrollable_content_region.width, height)

    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - 2 * PADDING, 4)

    def on_resize(self) -> None:
        if self._text_width() != self._width:
            self._layout()
            self._scroll_to_cursor()
            self.refresh()

    # -- cursor -------------------------------------------------------------------------

    def _move_to(self, index: int, *, force: bool = False) -> None:
        index = max(0, min(index, len(self.topics) - 1)) if self.topics else 0
        if index == self.cursor and not force:
            return
        self.cursor = index
        self.refresh()
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.current))

    def _scroll_to_cursor(self) -> None:
        if not self._lines:
            return
        start = self._starts[self.cursor]
        height = len(self._lines[self.cursor]) + GAP
        region = Region(0, start, max(self._width, 1), height)
        self.call_after_refresh(self.scroll_to_region, region, animate=False, force=True)

    def action_cursor(self, delta: int) -> None:
        self._move_to(self.cursor + delta)

    def action_jump(self, last: bool) -> None:
        self._move_to(len(self.topics) - 1 if last else 0)

    def action_page(self, direction: int) -> None:
        if not self._lines:
            return
        target = self._starts[self.cursor] + direction * max(
            self.scrollable_content_region.height, 1
        )
        self._move_to(self._card_at(max(target, 0)))

    def _card_at(self, line: int) -> int:
        return max(bisect_right(self._starts, line) - 1, 0)

    def on_click(self, event: events.Click) -> None:
        if self.topics:
            self._move_to(self._card_at(event.y + int(self.scroll_y)))

    def on_focus(self) -> None:
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    def on_blur(self) -> None:
        self.refresh()

    # -- rendering ----------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # Looked up once per render instead of once per line (and per segment for the styles).
        self._line_width = self.scrollable_content_region.width
        self._line_base = self.rich_style
        self._role_styles = {}
        try:
            return super().render_lines(crop)
        finally:
            self._line_width = self._line_base = self._role_styles = None

    _line_width: int | None = None
    _line_base: Style | None = None
    _role_styles: dict[str, Style] | None = None

    def _role_style(self, role: str) -> Style:
        cache = self._role_styles
        style = cache.get(role) if cache is not None else None
        if style is None:
            style = self.get_component_rich_style(f"card-list--{role}", partial=True)
            if cache is not None:
                cache[role] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self._line_width
        if width is None:  # called on its own (tests), not from render_lines
            return self._render_line(y, self.scrollable_content_region.width, self.rich_style)
        return self._render_line(y, width, self._line_base)

    def _render_line(self, y: int, width: int, base: Style) -> Strip:
        line_no = int(self.scroll_y) + y
        if not self.topics:
            if line_no == 0 and self.empty_text:
                style = base + self.get_component_rich_style("card-list--empty")
                return Strip([Segment(" " * PADDING + self.empty_text, style)]).crop_extend(
                    0, width, base
                )
            return Strip.blank(width, base)
        if not self._lines:
            return Strip.blank(width, base)
        index = self._card_at(line_no)
        offset = line_no - self._starts[index]
        lines = self._lines[index]
        if offset >= len(lines):
            return Strip.blank(width, base)
        if index == self.cursor:
            base = base + self.get_component_rich_style("card-list--cursor")
        pad = Segment(" " * PADDING, base)
        segments = [pad]
        for text, role in lines[offset].parts:
            if text:
                segments.append(Segment(text, base + self._role_style(role)))
        segments.append(pad)
        return Strip(segments).crop_extend(0, width, base)
