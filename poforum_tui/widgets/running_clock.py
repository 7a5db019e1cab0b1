"""The running item's clock in one line, for every screen's header while the meeting runs.

`▶ Intro 04:12`, or `▶ Intro +02:15` in the error colour once it overruns; `⏸` and dimmed
while paused; nothing between items. A tick (once a second) repaints this one line only when
its text changed: the width is fixed, so the screen is never laid out again. It is shown or
hidden (a layout) only when an item starts, pauses or ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Header

from poforum_tui.domain import Clock
from poforum_tui.widgets.heartbeat import every_second
from poforum_tui.widgets.literal import clean, clip
from poforum_tui.widgets.timefmt import mmss

if TYPE_CHECKING:
    from poforum_tui.domain import AgendaItem, Session

WIDTH = 28
"""Cells the clock takes at the header's right end (the title keeps the rest)."""


def running_text(item: AgendaItem, left: int, width: int = WIDTH) -> Content:
    """`▶ title 04:12` / `▶ title +02:15` (error colour) / `⏸ title 04:12` (dim), right-aligned
    in `width` cells, the title cut to fit."""
    mark = "▶" if item.status == "running" else "⏸"
    time = f"+{mmss(-left)}" if left < 0 else mmss(left)
    title = clip(clean(item.title), max(width - len(time) - 4, 1))
    style = "bold $error" if left < 0 else "bold" if item.status == "running" else "dim"
    line = Content.assemble(
        (f"{mark} ", "dim" if item.status == "paused" else ""),
        (title, "dim" if item.status == "paused" else ""),
        " ",
        (time, style),
        " ",
    )
    return Content(" " * max(width - line.cell_length, 0)) + line


class ClockHost(Protocol):
    """What the clock needs of the app: the meeting's time (poforum's app has it)."""

    @property
    def clock(self) -> Clock: ...


class RunningClock(Widget, can_focus=False):
    """The open session's running (or paused) agenda item and its time, in one line."""

    DEFAULT_CSS = f"""
    RunningClock {{
        width: {WIDTH};
        height: 1;
        display: none;
    }}
    RunningClock.-shown {{
        display: block;
    }}
    """

    def __init__(self, clock: Clock | None = None, *, id: str | None = None) -> None:
        """`clock` is the app's (`app.clock`) unless given."""
        super().__init__(id=id)
        self._clock = clock
        self._item: AgendaItem | None = None
        self._drawn: Content | None = None

    def on_mount(self) -> None:
        self.watch(self.app, "session", self._session_changed, init=True)
        every_second(self, self.tick)

    def _session_changed(self, session: Session | None) -> None:
        item = None
        if session is not None:
            from poforum_tui.domain.agenda import active_item  # loaded with the session

            item = active_item(session)
        self._item = item
        self.set_class(item is not None, "-shown")  # a layout only when this changes
        if isinstance(self.parent, SessionHeader):
            self.parent.set_class(item is not None, "-running")
        self.tick()

    def _text(self) -> Content:
        item = self._item
        if item is None:
            return Content("")
        from poforum_tui.domain.agenda import remaining_seconds

        now = (self._clock or cast(ClockHost, self.app).clock).now()
        return running_text(item, remaining_seconds(item, now), self.size.width or WIDTH)

    def tick(self) -> None:
        """Repaint this line if its text changed (and only while its screen is shown)."""
        if self._item is None or self.screen not in self.app.screen_stack:
            return
        if self._text() != self._drawn:
            self.refresh()

    def render(self) -> Content:
        self._drawn = self._text()
        return self._drawn


class SessionHeader(Header):
    """Textual's Header with the running item's clock at its right end, in place of the
    space Textual's header keeps for a clock."""

    DEFAULT_CSS = """
    SessionHeader.-running > HeaderClockSpace { display: none; }
    SessionHeader > RunningClock { dock: right; }
    """

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield RunningClock()
