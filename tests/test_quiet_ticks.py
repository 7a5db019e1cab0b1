"""A timer tick draws only what changed, and only where it can be seen (issue 18: the Agenda
burned CPU while the meeting ran, relayouting and re-rendering every second)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from poforum_tui.domain import FakeClock
from poforum_tui.screens.agenda.screen import AgendaScreen
from poforum_tui.screens.presenter.screen import PresenterScreen
from poforum_tui.widgets.big_digits import BigDigits
from poforum_tui.widgets.item_timer import ItemTimer
from poforum_tui.widgets.line_text import LineText
from poforum_tui.widgets.meeting_clock import MeetingClockView
from tests.conftest import FORUM, make_app

START = dt.datetime(2026, 11, 17, 10, 0, 0)


def count_updates(monkeypatch) -> list[str]:
    """The ids (or classes) of the Statics, line texts and big digits updated from now on."""
    updated: list[str] = []
    real_static, real_lines, real_big = Static.update, LineText.update, BigDigits.update

    def static_update(self, *args, **kwargs):
        updated.append(self.id or type(self).__name__)
        return real_static(self, *args, **kwargs)

    def lines_update(self, content):
        updated.append(self.id or type(self).__name__)
        return real_lines(self, content)

    def big_update(self, value):
        updated.append("big")
        return real_big(self, value)

    monkeypatch.setattr(Static, "update", static_update)
    monkeypatch.setattr(LineText, "update", lines_update)
    monkeypatch.setattr(BigDigits, "update", big_update)
    return updated


async def test_a_tick_redraws_only_what_changed(sessions_dir: Path, monkeypatch) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        screen.tick()
        updated = count_updates(monkeypatch)
        screen.tick()  # the same second again: nothing moved
        assert updated == []
        clock.advance(1)
        screen.tick()
        assert "timer-text" in updated and "big" in updated  # the seconds moved
        assert "timer-title" not in updated  # the item did not change
        assert MeetingClockView.__name__ not in updated and "agenda-clock" not in updated
        assert "agenda-totals" in updated  # "actual" counts the running second


async def test_the_agenda_does_not_draw_under_presenter_mode(
    sessions_dir: Path, monkeypatch
) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        agenda = app.screen
        drawn: list[dt.datetime] = []
        real = AgendaScreen.show_time
        monkeypatch.setattr(
            AgendaScreen,
            "show_time",
            lambda self, session, now: (drawn.append(now), real(self, session, now)),
        )
        await pilot.press("p")
        assert isinstance(app.screen, PresenterScreen)
        clock.advance(1)
        agenda.tick()
        assert drawn == []
        timer = app.screen.query_one(ItemTimer)
        before = timer._shown
        app.screen.tick()
        assert timer._shown != before  # the presenter's own timer moved
        await pilot.press("p")  # back: the agenda catches up at once, then ticks again
        clock.advance(1)
        agenda.tick()
        assert drawn and drawn[-1] == clock.now()
