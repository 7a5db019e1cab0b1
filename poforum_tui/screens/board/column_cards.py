"""One board column's cards as lines of text, with a cursor and a scroll offset.

Plain data (no widget): the board view keeps one per column and draws them side by side, so a
column of 1,000 cards costs a list of line starts and a few lookups per painted line.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.cells import cell_len

from poforum_tui.domain import Column, Topic
from poforum_tui.screens.board.topic_card import COMPACT, FITS, CardLine, card_lines, vote_mark
from poforum_tui.widgets.literal import clean, clip

GAP = 1
"""Blank lines below each card."""


class ColumnCards:
    """The cards of one column at a given text width and height; `top` is the first line shown.

    The cards take the roomiest shape (topic_card.FITS) in which the whole column fits its
    rows: a short column shows every word, a long one compact cards and "+3 more".
    """

    def __init__(self, column: Column) -> None:
        self.column = column
        self.topics: tuple[Topic, ...] = ()
        self.shown: tuple[Topic, ...] = ()
        self.hidden = False
        self.filtering = False
        self.cursor = 0
        self.top = 0
        self.width = 0
        self.rows = 0
        self.level = len(FITS) - 1
        """Which of topic_card.FITS the cards take now (0: every word shown)."""
        self.lines: list[tuple[CardLine, ...]] = []
        self.starts: list[int] = []
        self.height = 1

    # -- data ---------------------------------------------------------------------------

    @property
    def current(self) -> Topic | None:
        """The topic under the cursor."""
        return self.shown[self.cursor] if self.shown else None

    @property
    def empty_text(self) -> str:
        return "No match" if self.filtering and self.topics else "Empty: press a"

    def set_topics(
        self,
        column: Column,
        topics: tuple[Topic, ...],
        shown: tuple[Topic, ...],
        hidden: bool,
        filtering: bool,
    ) -> bool:
        """Show `shown` out of the column's `topics`; False when nothing visible changed.

        The cursor stays on the same topic when it is still shown.
        """
        same_cards = (
            hidden == self.hidden
            and len(shown) == len(self.shown)
            and all(a is b for a, b in zip(shown, self.shown, strict=True))
        )
        title_key = (self.column.title, len(self.topics), self.filtering, self._vote_total())
        self.column, self.topics, self.filtering = column, topics, filtering
        if same_cards:
            return title_key != (column.title, len(topics), filtering, self._vote_total())
        keep = self.current.id if self.current else None
        self.shown, self.hidden = shown, hidden
        ids = [topic.id for topic in shown]
        self.cursor = ids.index(keep) if keep in ids else min(self.cursor, max(len(ids) - 1, 0))
        self._layout()
        return True

    def _vote_total(self) -> int:
        return sum(topic.vote_total for topic in self.topics)

    def select(self, topic_id: str) -> bool:
        """Put the cursor on `topic_id` if this column shows it."""
        for index, topic in enumerate(self.shown):
            if topic.id == topic_id:
                self.cursor = index
                return True
        return False

    # -- layout -------------------------------------------------------------------------

    def set_size(self, width: int, rows: int = 0) -> None:
        """Lay the cards out for `width` cells of text and `rows` lines (0: compact cards);
        nothing to do if unchanged."""
        if (width, rows) != (self.width, self.rows):
            self.width, self.rows = width, rows
            self._layout()

    def _layout(self) -> None:
        if self.width <= 0:
            self.lines, self.starts, self.height = [], [], 1
            return
        self.lines = self._fitted()
        self.starts = []
        line = 0
        for lines in self.lines:
            self.starts.append(line)
            line += len(lines) + GAP
        self.height = max(line, 1)

    def _fitted(self) -> list[tuple[CardLine, ...]]:
        self.level, lines = self._shape(self.width, self.rows)
        return lines

    def level_at(self, width: int, rows: int) -> int:
        """The shape (index in FITS) the cards would take at `width` and `rows`."""
        if (width, rows) == (self.width, self.rows):
            return self.level
        return self._shape(width, rows, lay_out=False)[0]

    def _shape(
        self, width: int, rows: int, *, lay_out: bool = True
    ) -> tuple[int, list[tuple[CardLine, ...]]]:
        """The roomiest shape whose cards fit the rows (compact when none does), and the
        cards in it; a shape is given up as soon as its cards pass the last row."""
        hidden = self.hidden
        for level, fit in enumerate(FITS[:-1]) if rows > 0 else ():
            lines, height = [], 0
            for topic in self.shown:
                card = card_lines(topic, width, hidden, fit)
                height += len(card) + GAP
                if height > rows:
                    break
                lines.append(card)
            else:
                return level, lines
        compact = [card_lines(t, width, hidden, COMPACT) for t in self.shown] if lay_out else []
        return len(FITS) - 1, compact

    def card_at(self, line: int) -> int:
        """Index of the card drawn on content line `line` (the one above, in a gap)."""
        return max(bisect_right(self.starts, line) - 1, 0)

    def line(self, number: int) -> tuple[int, CardLine | None]:
        """(card index, its line) drawn on content line `number`; (-1, None) past the end."""
        if not self.lines or number >= self.height:
            return -1, None
        index = self.card_at(number)
        offset = number - self.starts[index]
        lines = self.lines[index]
        return index, lines[offset] if offset < len(lines) else None

    def below(self, rows: int) -> int:
        """Cards that start below the `rows` lines shown from `top` (for "+3 more")."""
        last = self.top + rows - 1
        if not self.lines or last >= self.height - 1:
            return 0
        return len(self.shown) - 1 - self.card_at(last)

    # -- cursor and scrolling -------------------------------------------------------------

    def move_cursor(self, index: int) -> bool:
        """Move the cursor (clamped); True if it moved."""
        index = max(0, min(index, len(self.shown) - 1)) if self.shown else 0
        moved, self.cursor = index != self.cursor, index
        return moved

    def page_target(self, direction: int, rows: int) -> int:
        """The card a page up / down from the cursor lands on."""
        if not self.starts:
            return 0
        return self.card_at(max(self.starts[self.cursor] + direction * max(rows, 1), 0))

    def scroll_to_cursor(self, rows: int) -> None:
        """Scroll the least needed for the cursor's card (and its gap) to be in `rows` lines."""
        if not self.starts or rows <= 0:
            self.top = 0
            return
        start = self.starts[self.cursor]
        end = start + len(self.lines[self.cursor]) + GAP
        if start < self.top:
            self.top = start
        elif end > self.top + rows:
            self.top = min(start, end - rows)
        self.clamp(rows)

    def scroll_by(self, lines: int, rows: int) -> bool:
        """Scroll by `lines` (the cursor stays put); True if the view moved."""
        before = self.top
        self.top += lines
        self.clamp(rows)
        return self.top != before

    def clamp(self, rows: int) -> None:
        self.top = max(0, min(self.top, self.height - max(rows, 1)))

    def thumb(self, rows: int) -> tuple[int, int] | None:
        """(first row, row count) of the scroll thumb, or None when everything fits."""
        if self.height <= rows or rows <= 0:
            return None
        size = max(1, round(rows * rows / self.height))
        travel = rows - size
        start = round(self.top * travel / max(self.height - rows, 1))
        return min(start, travel), size

    # -- title ----------------------------------------------------------------------------

    def title_parts(self, width: int) -> tuple[str, str]:
        """(name, tail) of the title line at `width` cells: the tail counts cards and votes."""
        counted = (
            f"{len(self.shown)} of {len(self.topics)}" if self.filtering else str(len(self.topics))
        )
        votes = vote_mark(self._vote_total(), self.hidden).replace(" ", "")
        tail = f" {counted}" + (f" {votes}" if votes else "")
        name = clip(clean(self.column.title), max(width - cell_len(tail), 1))
        return name, tail
