"""The meeting clock as text: start, planned end, projected end, and how late or early."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from poforum_tui.domain.agenda_plan import MeetingClock, Totals
from poforum_tui.widgets.timefmt import mmss


def lateness(seconds: int) -> tuple[str, str]:
    """("5 min late", "error") / ("3 min early", "success") / ("on time", "success")."""
    minutes = abs(seconds) // 60
    if minutes == 0:
        return "on time", "$success"
    if seconds > 0:
        return f"{minutes} min late", "$error"
    return f"{minutes} min early", "$success"


class MeetingClockView(Static):
    """Where the whole meeting stands; redrawn by `show(clock, totals)` every tick."""

    DEFAULT_CSS = """
    MeetingClockView {
        width: 25;
        height: auto;
        padding: 0 1;
    }
    """
    HELP = """
### Meeting clock
*Start* is the session's start time (or when the first item started). *Planned end* is
start + every timebox, fixed once the meeting starts. *Projected end* is now + what is
left of the current item + every pending timebox. The last line says how late or early.
"""

    _shown: tuple[tuple[tuple[str, str], ...], str, str] | None = None
    _lines = 0

    def show(self, clock: MeetingClock, totals: Totals) -> None:
        rows: list[tuple[str, str]] = []
        if clock.start is None:
            rows.append(("Start", "with item 1"))
            rows.append(("Length", mmss(totals.planned)))
        else:
            rows.append(("Start", f"{clock.start:%H:%M}"))
        if clock.planned_end is not None:
            rows.append(("Planned end", f"{clock.planned_end:%H:%M}"))
        if clock.finished:
            verdict, style = lateness(totals.done_over)
            rows.append(("Actual", f"{mmss(totals.done_actual)}"))
            rows.append(("Planned", f"{mmss(totals.done_planned)}"))
            verdict = verdict.replace("late", "over").replace("early", "under")
        else:
            if clock.projected_end is not None:
                rows.append(("Projected", f"{clock.projected_end:%H:%M}"))
            verdict, style = lateness(clock.late_seconds)
            style = f"bold {style}"
        shown = (tuple(rows), verdict, style)
        if shown == self._shown:
            return  # most ticks: the clock moves by the minute
        lines = [Content.assemble((f"{label:<12}", "dim"), value) for label, value in rows]
        lines.append(Content.styled(verdict, style))
        same_height = self._shown is not None and len(lines) == self._lines
        self._shown, self._lines = shown, len(lines)
        self.update(Content("\n").join(lines), layout=not same_height)
