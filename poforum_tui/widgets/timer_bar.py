"""The timer's bar: the share of the timebox spent, drawn as Textual's ProgressBar draws it.

A ProgressBar ticks on a timer of its own (its ETA) and re-renders on each of its reactives,
so a second frame a second and three widgets repainted for a bar that, for a 10-minute
timebox over 40 cells, moves a half cell every 7.5 s. This bar is one widget that repaints
only when a half cell (or its colour) changes.
"""

from __future__ import annotations

from rich.style import Style
from textual.renderables.bar import Bar
from textual.widget import Widget


def half_cells(done: float, width: int) -> int:
    """How many half cells of `width` cells `done` (0..1) fills (ProgressBar's rounding: down)."""
    done = min(max(done, 0.0), 1.0)
    return int(done * width * 2)


class TimerBar(Widget, can_focus=False):
    """A one-line bar, `show(done, overrun=)`; full and overrunning it takes the error colour
    (its `bar--complete` component, styled by the timer)."""

    COMPONENT_CLASSES = {"bar--bar", "bar--complete"}
    DEFAULT_CSS = """
    TimerBar {
        width: 1fr;
        height: 1;
    }
    TimerBar > .bar--bar {
        color: $primary;
        background: $surface;
    }
    TimerBar > .bar--complete {
        color: $success;
        background: $surface;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.done = 0.0
        """The share of the bar filled, 0..1."""
        self.overrun = False
        self._drawn: tuple[int, int, bool] | None = None

    def _state(self) -> tuple[int, int, bool]:
        width = self.size.width
        return width, half_cells(self.done, width), self.overrun

    def show(self, done: float, *, overrun: bool = False) -> None:
        """Fill `done` (0..1) of the bar; a repaint only when a half cell or the colour moved."""
        self.done, self.overrun = done, overrun
        if self._state() != self._drawn:
            self.refresh()

    def render(self) -> Bar:
        self._drawn = width, halves, _ = self._state()
        component = "bar--complete" if halves >= 2 * width else "bar--bar"
        style = self.get_component_rich_style(component)
        return Bar(
            highlight_range=(0, halves / 2),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
        )
