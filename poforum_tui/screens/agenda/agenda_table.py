"""The agenda as a table: status, title, owner, actual / timebox, and over or under.

Drawn line by line (issue 18): a DataTable re-rendered every visible row each second the
timer ran (any cell update invalidates all its cached lines), and cost ~30 ms more to compose
and style at startup. Here a tick replaces the running row's two time cells and repaints that
one line. The title column fills whatever width the others leave; the table posts `Resized`
so its screen can redraw the rows after the columns were refitted.
"""

from __future__ import annotations

import datetime as dt

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from poforum_tui.domain import AgendaItem, Session
from poforum_tui.domain.agenda import current_item, elapsed_seconds
from poforum_tui.widgets.item_timer import over_text
from poforum_tui.widgets.line_list import LineList, line_cell
from poforum_tui.widgets.literal import cell
from poforum_tui.widgets.timefmt import mmss

STATUS_MARKS = {
    "pending": "· todo",
    "running": "▶ now",
    "paused": "⏸ paused",
    "done": "✓ done",
    "skipped": "⤼ skipped",
}
# Fixed column widths, wide and narrow (below 98 columns); the title takes what is left.
WIDTHS = {"status": 9, "owner": 16, "time": 13, "over": 11}
NARROW = {"status": 1, "owner": 13, "time": 13, "over": 11}
COLUMNS = ("status", "title", "owner", "time", "over")
LABELS = {"status": "Status", "title": "Item", "owner": "Owner", "time": "Actual / box"}
GAP = 2
"""Blank cells between two columns (and at each end: one)."""


class RowDoesNotExist(KeyError):
    """No row has that key."""


class AgendaTable(LineList):
    """One row per agenda item, keyed by the item's id; the current item is accented."""

    BINDINGS = [Binding("enter", "select", "Start", show=False)]

    class Resized(Message):
        """The table's width changed: its columns were refitted, redraw the rows."""

    class RowSelected(Message):
        """Enter (or a click on the highlighted row): run that item now."""

        def __init__(self, table: AgendaTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> AgendaTable:
            return self.table

    _title_width = 0
    _narrow = True

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.note: Text | None = None
        """A second line under the first item's title (who is missing), or None."""
        self.keys: list[str] = []
        self.cells: dict[str, dict[str, Text]] = {}
        self.cursor_row = 0
        self._cells_drawn: dict[tuple[object, ...], list[Segment]] = {}

    # -- the DataTable-like surface the screen and tests use ---------------------------------

    @property
    def row_count(self) -> int:
        return len(self.keys)

    @property
    def rows(self) -> dict[str, dict[str, Text]]:
        return self.cells

    @property
    def selected_key(self) -> str | None:
        return self.keys[self.cursor_row] if self.keys else None

    def get_row_index(self, key: str) -> int:
        try:
            return self.keys.index(key)
        except ValueError:
            raise RowDoesNotExist(key) from None

    def get_row_at(self, row: int) -> list[Text]:
        cells = [self.cells[self.keys[row]][column] for column in COLUMNS]
        if row == 0 and self.note is not None:
            cells[1] = Text.assemble(cells[1], "\n", self.note)
        return cells

    def get_cell(self, key: str, column: str) -> Text:
        return self.cells[key][column]

    def update_cell(self, key: str, column: str, value: Text) -> None:
        """Replace one cell and repaint its line only."""
        self.cells[key][column] = value
        self._refresh_row(self.keys.index(key))

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        row = max(0, min(row, len(self.keys) - 1)) if self.keys else 0
        if row != self.cursor_row:
            self._refresh_row(self.cursor_row)
        self.cursor_row = row
        self._refresh_row(row)
        self._scroll_to_cursor()

    # -- columns and rows --------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, 1 + self._line_count())
        if self._fitted()[1] != self._title_width:  # the rows drawn already still fit
            self.post_message(self.Resized())

    def _fitted(self) -> tuple[dict[str, int], int]:
        """The fixed column widths for the table's width, and what the title column gets."""
        widths = NARROW if self.size.width < 98 else WIDTHS
        return widths, max(12, self.size.width - sum(widths.values()) - 2 * len(widths) - 4)

    def fit_columns(self) -> None:
        """Size the title column to the table's width (only when that width changed)."""
        widths, title = self._fitted()
        self._title_width, self._narrow = title, widths is NARROW

    def _widths(self) -> dict[str, int]:
        widths = NARROW if self._narrow else WIDTHS
        return {**widths, "title": self._title_width}

    def show_rows(self, session: Session, now: dt.datetime, first_note: str | None = None) -> None:
        """Every item's row, afresh (once the table has a width: its resize redraws it);
        `first_note` (who is missing) is shown in the first item's title."""
        if not self.size.width:
            return
        self.fit_columns()
        current = current_item(session)
        self.keys = [item.id for item in session.agenda]
        self.cells = {
            item.id: dict(
                zip(
                    COLUMNS,
                    self._cells(item, now, current is not None and item.id == current.id),
                    strict=True,
                )
            )
            for item in session.agenda
        }
        self.note = cell(f"⚠ {first_note}", "bold yellow") if first_note and self.keys else None
        self.cursor_row = min(self.cursor_row, max(0, len(self.keys) - 1))
        self.virtual_size = Size(self.size.width, 1 + self._line_count())
        self.refresh()

    # -- lines: one per row, two for the first row when it carries a note -----------------------

    def _line_count(self) -> int:
        return len(self.keys) + (1 if self.note is not None else 0)

    def _first_line(self, row: int) -> int:
        """The content line (0 = under the header) where `row` starts."""
        return row + (1 if self.note is not None and row > 0 else 0)

    def _row_of_line(self, line: int) -> tuple[int, int]:
        """(row, line within the row) of content line `line`."""
        if self.note is None:
            return line, 0
        return (0, line) if line < 2 else (line - 1, 0)

    def show_running(self, session: Session, now: dt.datetime) -> None:
        """Only the running item's time, for the ticking clock: cells whose text changed."""
        for item in session.agenda:
            if item.status == "running" and item.id in self.cells:
                time, over = self._time_cells(item, now, self._accent())
                row = self.cells[item.id]
                if row["time"].plain != time.plain or row["over"].plain != over.plain:
                    row["time"], row["over"] = time, over
                    self._refresh_row(self.keys.index(item.id))

    def _accent(self) -> str:
        return f"bold {self.app.current_theme.accent}"

    def _cells(self, item: AgendaItem, now: dt.datetime, is_current: bool) -> list[Text]:
        style = "dim" if item.status == "skipped" else self._accent() if is_current else ""
        title = item.title + (f"  [{item.pattern}]" if item.pattern else "")
        mark = STATUS_MARKS[item.status]
        return [
            cell(mark[0] if self._narrow else mark, style),
            cell(title, style),
            cell(item.owner or "", style),
            *self._time_cells(item, now, style),
        ]

    def _time_cells(self, item: AgendaItem, now: dt.datetime, style: str) -> list[Text]:
        spent = elapsed_seconds(item, now)
        over = spent - item.minutes * 60
        if over > 0:
            extra = cell(over_text(over), f"bold {self.app.current_theme.error}")
        elif item.status == "done" and over < 0:
            extra = cell(f"{mmss(-over)} under", "dim")
        else:
            extra = cell("")
        return [cell(f"{mmss(spent)} / {mmss(item.minutes * 60)}", style), extra]

    # -- the cursor --------------------------------------------------------------------------

    def _refresh_row(self, row: int) -> None:
        y = 1 + self._first_line(row) - round(self.scroll_y)
        lines = 2 if row == 0 and self.note is not None else 1
        if y >= 1:
            self.refresh_lines(y, lines)

    def _scroll_to_cursor(self) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        top = self._first_line(self.cursor_row)
        bottom = top + (2 if self.cursor_row == 0 and self.note is not None else 1)
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > self.scroll_y + height:
            self.scroll_to(y=bottom - height, animate=False, immediate=True)

    def action_select(self) -> None:
        if self.keys:
            self.post_message(self.RowSelected(self, self.keys[self.cursor_row]))

    def on_click(self, event: events.Click) -> None:
        line = event.y - 1 + round(self.scroll_y)
        if event.y < 1 or not 0 <= line < self._line_count():
            return
        row = self._row_of_line(line)[0]
        if row == self.cursor_row:
            self.action_select()
        else:
            self.move_cursor(row=row)

    # -- drawing -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        widths = self._widths()
        if y == 0:
            style = base + self.get_component_rich_style("line-list--header")
            labels = {
                column: Text("" if column == "status" and self._narrow else LABELS.get(column, ""))
                for column in COLUMNS
            }
            labels["over"] = Text("Over")
            return self._strip(labels, widths, width, style)
        line = y - 1 + round(self.scroll_y)
        if line >= self._line_count():
            return Strip.blank(width, base)
        row, part = self._row_of_line(line)
        if row == self.cursor_row:
            style = base + self.get_component_rich_style("line-list--cursor")
        elif row % 2:
            style = base + self.get_component_rich_style("line-list--even")
        else:
            style = base
        if part:  # the note under the first item's title
            blank = {column: Text("") for column in COLUMNS}
            return self._strip({**blank, "title": self.note or Text("")}, widths, width, style)
        return self._strip(self.cells[self.keys[row]], widths, width, style)

    def _strip(
        self, cells: dict[str, Text], widths: dict[str, int], width: int, style: Style
    ) -> Strip:
        segments = [Segment(" ", style)]
        for index, column in enumerate(COLUMNS):
            if index:
                segments.append(Segment(" " * GAP, style))
            segments += self._cell(cells[column], widths[column], style)
        return Strip(segments).extend_cell_length(width, style).crop(0, width)

    def _cell(self, text: Text, width: int, style: Style) -> list[Segment]:
        """One cell's segments, kept while its text, width and row style stay: a tick redraws
        the running row, whose time is the only cell that changed."""
        key = (text.plain, text.style, tuple(text.spans), text.justify, width, style)
        segments = self._cells_drawn.get(key)
        if segments is None:
            if len(self._cells_drawn) > 8 * len(COLUMNS) * max(len(self.keys), 8):
                self._cells_drawn.clear()
            segments = line_cell(self.app.console, text, width, style)
            self._cells_drawn[key] = segments
        return segments
