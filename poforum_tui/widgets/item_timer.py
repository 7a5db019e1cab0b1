"""The current agenda item's timer: its title, big digits, a progress bar and the time as text.

The digits count down to 00:00, then up as overrun (`+02:15`) in the theme's error colour.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Digits, Static

from poforum_tui.domain import AgendaItem
from poforum_tui.domain.agenda import elapsed_seconds, next_step_minutes
from poforum_tui.domain.agenda_plan import Totals
from poforum_tui.widgets.big_digits import BigDigits
from poforum_tui.widgets.line_text import LineText
from poforum_tui.widgets.literal import literal
from poforum_tui.widgets.timefmt import mmss
from poforum_tui.widgets.timer_bar import TimerBar

# Terminal heights from which the block digits replace Digits (5 rows), and double (10 rows).
BIG_FROM = 30
HUGE_FROM = 45


def over_text(seconds: int) -> str:
    """`+02:15 over` for seconds past the timebox."""
    return f"+{mmss(seconds)} over"


class ItemTimer(Vertical):
    """Shows one agenda item's time against its timebox; `show_item` / `show_finished`.

    `big_from` / `huge_from`: terminal heights from which the block digits (5 rows), and
    double ones (10 rows), replace Digits; presenter mode, with nothing else to show, asks
    for them sooner."""

    def __init__(
        self, *, big_from: int = BIG_FROM, huge_from: int = HUGE_FROM, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.big_from, self.huge_from = big_from, huge_from

    DEFAULT_CSS = """
    ItemTimer {
        height: auto;
        padding: 0 1;
    }
    ItemTimer #timer-title {
        text-style: bold;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ItemTimer #timer-middle {
        height: auto;
    }
    ItemTimer #timer-digits, ItemTimer #timer-big {
        width: auto;
        color: $success;
        text-style: bold;
        padding-right: 2;
    }
    ItemTimer #timer-big, ItemTimer.-big #timer-digits {
        display: none;
    }
    ItemTimer.-big #timer-big {
        display: block;
    }
    ItemTimer.-paused #timer-digits, ItemTimer.-idle #timer-digits,
    ItemTimer.-paused #timer-big, ItemTimer.-idle #timer-big {
        color: $text-muted;
    }
    ItemTimer.-overrun #timer-digits, ItemTimer.-overrun #timer-big {
        color: $error;
    }
    ItemTimer.-overrun TimerBar > .bar--complete {
        color: $error;
    }
    ItemTimer #timer-text {
        width: 1fr;
        height: 3;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """
    HELP = """
### Timer
Big digits: the time left in the current item's timebox. Past zero they count up as
overrun in red; the bar fills with the time spent.
"""

    _shown: tuple | None = None
    """What was drawn last: (title, digits, progress, text, screen height)."""

    def compose(self) -> ComposeResult:
        yield Static(id="timer-title")
        with Horizontal(id="timer-middle"):
            yield Digits("--:--", id="timer-digits")
            yield BigDigits("--:--", id="timer-big")
            yield LineText(id="timer-text")
        yield TimerBar(id="timer-bar")

    def show_item(self, item: AgendaItem, now: dt.datetime, *, keys: bool = True) -> None:
        """Draw `item` (running, paused or about to start) at time `now`; `keys=False` (a
        read-only review) leaves out the hints of keys that would change it."""
        spent = elapsed_seconds(item, now)
        timebox = item.minutes * 60
        left = timebox - spent
        lines = [Content(f"{mmss(spent)} of {mmss(timebox)}")]
        if left < 0:
            lines.append(Content.styled(over_text(-left), "bold $error"))
        else:
            lines.append(Content.styled(f"{mmss(left)} left", "bold"))
        step = next_step_minutes(item)
        hints = {
            "pending": "space starts it",
            "paused": "space resumes · n next",
            "running": "space pauses · n next",
        }
        hint = hints.get(item.status, "") if keys else ""
        if item.status == "pending":
            lines = [Content(f"timebox {mmss(timebox)}"), Content.styled(hint, "dim")]
            hint = ""
        if item.pattern and step is not None:
            lines.append(Content.styled(f"pattern {item.pattern}: next step +{step} min", "dim"))
        elif item.notes:
            lines.append(literal(item.notes, "italic"))
        else:
            lines.append(Content.styled(hint, "dim"))
        self._draw(
            self._title(item),
            f"+{mmss(-left)}" if left < 0 else mmss(left),
            min(spent, timebox) / timebox,
            Content("\n").join(lines),
            overrun=left < 0,
            idle=item.status == "pending",
            paused=item.status == "paused",
        )

    _titled: tuple[tuple[str, str, str | None], Content] | None = None

    def _title(self, item: AgendaItem) -> Content:
        """`▶ Now: title — owner`, made again only when one of those changes."""
        key = (item.status, item.title, item.owner)
        if self._titled is None or self._titled[0] != key:
            mark = {"running": "▶ Now", "paused": "⏸ Paused"}.get(item.status, "Next")
            title: list[str | Content | tuple[str, str]] = [(f"{mark}: ", ""), literal(item.title)]
            if item.owner:
                title += [(" — ", "dim"), literal(item.owner, "dim")]
            self._titled = key, Content.assemble(*title)
        return self._titled[1]

    def show_finished(self, totals: Totals) -> None:
        """Every item is done or skipped: the meeting's actual time against its plan."""
        difference = totals.done_over
        verdict = (
            over_text(difference)
            if difference > 0
            else f"{mmss(-difference)} under"
            if difference < 0
            else "exactly on plan"
        )
        self._draw(
            Content.styled("✓ Agenda finished", "bold"),
            mmss(totals.actual),
            1.0,
            Content("\n").join(
                [
                    Content(f"actual  {mmss(totals.done_actual)}"),
                    Content(f"planned {mmss(totals.done_planned)}"),
                    Content.styled(verdict, "bold"),
                ]
            ),
            overrun=False,
            idle=True,
            paused=False,
        )

    def show_empty(self) -> None:
        self._draw(
            Content("No agenda items yet: press a to add one"),
            "--:--",
            0.0,
            Content(""),
            overrun=False,
            idle=True,
            paused=False,
        )

    def _draw(
        self,
        title: Content,
        digits: str,
        done: float,
        text: Content,
        *,
        overrun: bool,
        idle: bool,
        paused: bool,
    ) -> None:
        self.set_class(overrun, "-overrun")
        self.set_class(idle, "-idle")
        self.set_class(paused, "-paused")
        height = self.app.size.height
        big = height >= self.big_from
        self.set_class(big, "-big")
        shown = (title, digits, round(done * 1000), text, height)
        if shown == self._shown:
            return  # a tick that changed nothing draws nothing
        before, self._shown = self._shown, shown
        if before is None or before[0] != title:
            self.query_one("#timer-title", Static).update(title, layout=False)  # one line
        if big:  # only the digits that can be seen: the others catch up when shown
            block = self.query_one(BigDigits)
            block.scale = 2 if height >= self.huge_from else 1
            block.update(digits)
        else:
            self.query_one("#timer-digits", Digits).update(digits)  # lays out if its width changes
        self.query_one(TimerBar).show(shown[2] / 1000, overrun=overrun)
        # Three lines high (its CSS): new text never moves anything else.
        self.query_one(LineText).update(text)  # repaints the lines that changed

    @property
    def digits(self) -> str:
        """The time the shown digits (block or Digits) say: `13:20`, `+02:15`, `--:--`."""
        if self.has_class("-big"):
            return self.query_one(BigDigits).value
        return self.query_one("#timer-digits", Digits).value
