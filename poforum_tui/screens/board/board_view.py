"""The board's columns of topic cards, drawn by one widget.

One focusable line-API widget instead of a widget (and a scrollbar) per column: moving the
cursor, moving a topic or changing column repaints this widget's lines and nothing else, with
no layout and no focus change, so a board of 1,000 topics answers a key as fast as a small one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from poforum_tui.domain import Column, Topic
from poforum_tui.screens.board.column_cards import ColumnCards

MIN_COLUMN_WIDTH = 19
"""Narrower than this, the board shows fewer columns and scrolls sideways to the focused one."""
PADDING = 1
SCROLL_LINES = 3
BOLD = Style(bold=True)
DIM = Style(dim=True)


def _text_width(column_width: int) -> int:
    """Cells of card text in a column `column_width` wide (padding and scrollbar aside)."""
    return max(column_width - 2 * PADDING - 1, 4)


@dataclass(frozen=True)
class ColumnView:
    """What one column shows: its topics, and those matching the filter."""

    column: Column
    topics: tuple[Topic, ...]
    shown: tuple[Topic, ...]


class BoardView(Widget, can_focus=True):
    """Columns side by side: a title row, then each column's cards with a cursor."""

    DEFAULT_CSS = """
    BoardView {
        height: 1fr;
        background: $surface;
        & > .board-view--gap { background: $background; }
        & > .board-view--title { background: $panel; }
        & > .board-view--title-focused { background: $primary; color: $text; }
        & > .board-view--card-title { text-style: bold; }
        & > .board-view--details { color: $text-muted; }
        & > .board-view--votes { color: $accent; text-style: bold; }
        & > .board-view--empty { color: $text-muted; text-style: italic; }
        & > .board-view--cursor { background: $boost; }
        &:focus > .board-view--cursor { background: $block-cursor-background; }
        & > .board-view--cursor-other { background: $boost; }
        & > .board-view--track { background: $scrollbar-background; }
        & > .board-view--thumb { background: $scrollbar; }
        & > .board-view--more { color: $text-muted; }
    }
    """
    COMPONENT_CLASSES = {
        "board-view--title",
        "board-view--title-focused",
        "board-view--gap",
        "board-view--card-title",
        "board-view--details",
        "board-view--votes",
        "board-view--empty",
        "board-view--cursor",
        "board-view--cursor-other",
        "board-view--track",
        "board-view--thumb",
        "board-view--more",
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
        """The focused column or the card under its cursor changed (None: it is empty)."""

        view: BoardView
        topic: Topic | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: dict[str, ColumnCards] = {}
        self.focused_id: str | None = None
        self.first = 0
        self.widths: dict[str, int] = {}
        """Each column's width (without its gap), set by `_fit`."""
        self._styles: dict[str, Style] | None = None

    # -- what is shown ----------------------------------------------------------------------

    @property
    def focused_cards(self) -> ColumnCards | None:
        """The column the cursor is in (the first one if none was chosen)."""
        cards = self.columns.get(self.focused_id or "")
        return cards if cards is not None else next(iter(self.columns.values()), None)

    @property
    def current(self) -> Topic | None:
        """The topic under the cursor of the focused column."""
        cards = self.focused_cards
        return cards.current if cards is not None else None

    def show(self, views: list[ColumnView], hidden: bool, filtering: bool) -> None:
        """Draw these columns; the cursor stays on its topic, the focus on its column."""
        before = self.current
        changed = [view.column.id for view in views] != list(self.columns)
        if changed:  # added, deleted or moved columns: repaint even if no card changed
            old = self.columns
            self.columns = {
                v.column.id: old.get(v.column.id) or ColumnCards(v.column) for v in views
            }
            self._fit()
        for view in views:
            cards = self.columns[view.column.id]
            changed |= cards.set_topics(view.column, view.topics, view.shown, hidden, filtering)
        if changed:
            self._fit()  # a column's cards may now need (or spare) width
            self._after_cursor_change(before)

    def select(self, column_id: str, topic_id: str | None = None) -> bool:
        """Focus `column_id`, with the cursor on `topic_id` when given and shown there."""
        cards = self.columns.get(column_id)
        if cards is None:
            return False
        before = self.current if self.focused_id == column_id else None
        if topic_id is not None:
            cards.select(topic_id)
        self.focused_id = column_id
        self._after_cursor_change(before, force=True)
        return True

    def focus_column(self, delta: int) -> None:
        """Focus the column `delta` places to the right (negative: left), if there is one."""
        ids = list(self.columns)
        cards = self.focused_cards
        if cards is None:
            return
        index = ids.index(cards.column.id) + delta
        if 0 <= index < len(ids):
            self.select(ids[index])

    def _after_cursor_change(self, before: Topic | None, *, force: bool = False) -> None:
        cards = self.focused_cards
        if cards is not None:
            cards.scroll_to_cursor(self._rows)
            self._scroll_to_focused()
        self.refresh()
        if force or self.current is not before:
            self.post_message(self.Highlighted(self, self.current))

    # -- geometry ---------------------------------------------------------------------------

    @property
    def _rows(self) -> int:
        """Lines available for cards under the title row."""
        return max(self.size.height - 1, 0)

    def column_width(self) -> int:
        """The columns' equal share of the width (without the one-cell gap after each)."""
        count = max(len(self.columns), 1)
        return max(MIN_COLUMN_WIDTH, self.size.width // count - 1)

    def _fit(self) -> None:
        """Lay the cards out for the current size and keep every cursor in view."""
        if not self.size.width:
            return  # laid out on the first resize
        rows = self._rows
        self.widths = self._balanced()
        for column_id, cards in self.columns.items():
            cards.set_size(_text_width(self.widths[column_id]), rows)  # no-op if unchanged
            cards.scroll_to_cursor(rows)
        self._scroll_to_focused()

    def _balanced(self) -> dict[str, int]:
        """Each column's width: an equal share; but when every column is on screen and some
        cannot show every word of their cards, the columns that can even at the narrowest
        width give them the rest (an empty column, a short one)."""
        each = self.column_width()
        widths = dict.fromkeys(self.columns, each)
        count, rows = len(self.columns), self._rows
        if count < 2 or count * (MIN_COLUMN_WIDTH + 1) > self.size.width:
            return widths  # some columns are off screen: equal widths, scrolled sideways
        share = _text_width(each)
        cut = [i for i, cards in self.columns.items() if cards.level_at(share, rows) > 0]
        if not cut:
            return widths
        narrow = _text_width(MIN_COLUMN_WIDTH)
        givers = [
            i
            for i, cards in self.columns.items()
            if i not in cut and cards.level_at(narrow, rows) == 0
        ]
        if not givers:
            return widths
        extra, left = divmod(len(givers) * (each - MIN_COLUMN_WIDTH), len(cut))
        widths.update(dict.fromkeys(givers, MIN_COLUMN_WIDTH))
        for number, column_id in enumerate(cut):
            widths[column_id] = each + extra + (1 if number < left else 0)
        return widths

    def _scroll_to_focused(self) -> None:
        """Slide the first shown column so that the focused one is entirely on screen."""
        ids = list(self.columns)
        cards = self.focused_cards
        if cards is None or not self.size.width:
            self.first = 0
            return
        index = ids.index(cards.column.id)
        each = self.column_width() + 1
        fits = max(self.size.width // each, 1)
        self.first = min(self.first, index)
        if index >= self.first + fits:
            self.first = index - fits + 1
        self.first = max(0, min(self.first, len(ids) - fits))

    def on_resize(self) -> None:
        self._fit()
        self.refresh()

    # -- keys and mouse ---------------------------------------------------------------------

    def _move(self, index: int) -> None:
        cards = self.focused_cards
        if cards is not None and cards.move_cursor(index):
            self._after_cursor_change(None, force=True)

    def action_cursor(self, delta: int) -> None:
        cards = self.focused_cards
        if cards is not None:
            self._move(cards.cursor + delta)

    def action_jump(self, last: bool) -> None:
        cards = self.focused_cards
        if cards is not None:
            self._move(len(cards.shown) - 1 if last else 0)

    def action_page(self, direction: int) -> None:
        cards = self.focused_cards
        if cards is not None:
            self._move(cards.page_target(direction, self._rows))

    def _column_at(self, x: int) -> ColumnCards | None:
        each = self.column_width()
        start = 0
        for column_id in list(self.columns)[self.first :]:
            start += self.widths.get(column_id, each) + 1
            if x < start:
                return self.columns[column_id]
        return None

    def on_click(self, event: events.Click) -> None:
        cards = self._column_at(event.x)
        if cards is None:
            return
        if event.y >= 1 and cards.shown:
            cards.move_cursor(cards.card_at(cards.top + event.y - 1))
        self.select(cards.column.id)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_column(event, SCROLL_LINES)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_column(event, -SCROLL_LINES)

    def _scroll_column(self, event: events.MouseEvent, lines: int) -> None:
        event.stop()
        cards = self._column_at(event.x)
        if cards is not None and cards.scroll_by(lines, self._rows):
            self.refresh()

    def on_focus(self) -> None:
        self.post_message(self.Highlighted(self, self.current))

    # -- drawing ----------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        """The widget's style plus component class `board-view--{name}` (cached per paint);
        the widget's own style for an empty name."""
        cache = self._styles
        style = cache.get(name) if cache is not None else None
        if style is None:
            style = self.rich_style
            if name:
                style += self.get_component_rich_style(f"board-view--{name}")
            if cache is not None:
                cache[name] = style
        return style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._styles = {}  # looked up once per paint, not once per line and segment
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._style("gap")
        ids = list(self.columns)
        if not ids:
            return Strip.blank(width, base)
        each = self.column_width()
        focused = self.focused_cards
        segments: list[Segment] = []
        widths = self.widths
        for column_id in ids[self.first : self.first + width // (each + 1) + 1]:
            cards = self.columns[column_id]
            wide = widths.get(column_id, each)
            if y == 0:
                segments += self._title(cards, wide, cards is focused)
            else:
                segments += self._card_line(cards, y - 1, wide, cards is focused)
            segments.append(Segment(" ", base))
        strip = Strip(segments).crop_extend(0, width, base)
        return self._more_marks(strip, len(ids), each, width) if y == 0 else strip

    def _title(self, cards: ColumnCards, each: int, focused: bool) -> list[Segment]:
        style = self._style("title-focused" if focused else "title")
        name, tail = cards.title_parts(each - 2 * PADDING)
        parts = [
            Segment(" " * PADDING, style),
            Segment(name, style + BOLD),
            Segment(tail, style + DIM),
        ]
        return list(Strip(parts).crop_extend(0, each, style))

    def _card_line(self, cards: ColumnCards, row: int, each: int, focused: bool) -> list[Segment]:
        base = self._style("")
        pad = Segment(" " * PADDING, base)
        below = cards.below(self._rows) if cards.shown and row == self._rows - 1 else 0
        if not cards.shown:
            text = cards.empty_text if row == 0 and cards.top == 0 else ""
            parts = [pad, Segment(text, self._style("empty"))]
        elif below:  # the last row says how many cards the column has further down
            parts = [pad, Segment(f"+{below} more ↓", self._style("more"))]
        else:
            index, line = cards.line(cards.top + row)
            if line is not None and index == cards.cursor:
                base = self._style("cursor" if focused else "cursor-other")
                pad = Segment(" " * PADDING, base)
            parts = [pad]
            if line is not None:
                for text, role in line.parts:
                    if text:
                        parts.append(Segment(text, base + self._role(role)))
        body = Strip(parts).crop_extend(0, each - 1, base)
        return [*body, self._scroll_cell(cards, row)]

    def _role(self, role: str) -> Style:
        """The partial style of a card part (title, details, votes)."""
        name = "card-title" if role == "title" else role
        key = f"role-{name}"
        cache = self._styles
        style = cache.get(key) if cache is not None else None
        if style is None:
            style = self.get_component_rich_style(f"board-view--{name}", partial=True)
            if cache is not None:
                cache[key] = style
        return style

    def _scroll_cell(self, cards: ColumnCards, row: int) -> Segment:
        thumb = cards.thumb(self._rows)
        if thumb is None:
            return Segment(" ", self._style(""))
        start, size = thumb
        return Segment(" ", self._style("thumb" if start <= row < start + size else "track"))

    def hidden_columns(self) -> tuple[int, int]:
        """How many columns are off screen to the left and to the right ((0, 0) before the
        board has a width)."""
        if not self.size.width:
            return 0, 0
        each = self.column_width() + 1
        shown = max((self.size.width + 1) // each, 1)
        return self.first, max(len(self.columns) - self.first - shown, 0)

    def _more_marks(self, strip: Strip, count: int, each: int, width: int) -> Strip:
        """`‹` and `3›` at the ends of the title row: columns off screen to that side (the
        left mark sits on the first title's padding; the summary line counts both sides)."""
        more = self._style("more")
        left, right = self.hidden_columns()
        if left:
            strip = Strip([Segment("‹", more), *strip.crop(1, width)])
        if right:
            mark = f" {right}›"
            strip = Strip([*strip.crop(0, width - len(mark)), Segment(mark, more)])
        return strip
