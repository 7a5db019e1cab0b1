"""The Agenda screen driven by keys on a fake clock: the session and the saved file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.domain import FakeClock
from poforum_tui.domain import agenda as ops
from poforum_tui.screens.agenda.agenda_table import AgendaTable
from poforum_tui.screens.agenda.item_form import KeepDiscussingScreen
from poforum_tui.screens.agenda.screen import AgendaScreen
from poforum_tui.store import load
from poforum_tui.widgets.item_timer import ItemTimer
from tests.conftest import FORUM, KICKOFF, make_app, notices

START = dt.datetime(2026, 11, 17, 10, 0, 0)


def digits(app) -> str:
    return app.screen.query_one(ItemTimer).digits


def messages(app) -> list[str]:
    return [n.message for n in notices(app)]


async def settle(app) -> None:
    app.flush_save()  # saves now: no waiting out the debounce


async def tick(pilot) -> None:
    """One timer tick, as set_interval would run it, then let its notices arrive."""
    pilot.app.screen.tick()
    await pilot.pause()


async def test_space_starts_pauses_and_resumes_on_the_clock(sessions_dir: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, AgendaScreen) and digits(app) == "15:00"
        await pilot.press("space")
        assert app.session.agenda[0].status == "running"
        clock.advance(100)
        undo_depth = len(app.undo_stack)
        await tick(pilot)
        assert digits(app) == "13:20"
        assert len(app.undo_stack) == undo_depth  # ticks never change the session
        await pilot.press("space")
        item = app.session.agenda[0]
        assert item.status == "paused" and item.spent_seconds == 100
        clock.advance(300)
        await tick(pilot)
        assert digits(app) == "13:20"  # paused: no count
        await pilot.press("space")
        clock.advance(20)
        await tick(pilot)
        assert digits(app) == "13:00"
        await settle(app)
        saved = load(sessions_dir / FORUM)
        assert saved.agenda[0].status == "running" and saved.agenda[0].spent_seconds == 100
        assert saved.agenda[0].started_at == START + dt.timedelta(seconds=400)
        assert saved.start == dt.time(10, 0) and saved.end == dt.time(11, 30)


async def test_overrun_counts_up_in_error_colour_with_one_bell(sessions_dir: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    rings: list[int] = []
    app.bell = lambda: rings.append(1)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.press("space")
        await tick(pilot)
        clock.advance(13 * 60 + 59)  # 61 s left
        await tick(pilot)
        assert not any("1 minute left" in m for m in messages(app))
        clock.advance(2)
        await tick(pilot)
        assert sum("1 minute left for 'Follow-ups'" in m for m in messages(app)) == 1
        clock.advance(60)
        await tick(pilot)
        assert digits(app) == "+00:01"
        assert app.screen.query_one(ItemTimer).has_class("-overrun")
        assert rings == [1]
        for _ in range(3):
            clock.advance(45)
            await tick(pilot)
            screen.show_session(app.session)
        assert rings == [1] and sum("Time is up" in m for m in messages(app)) == 1
        assert digits(app) == "+02:16"
        table = app.screen.query_one(AgendaTable)
        assert str(table.get_cell("follow-ups", "over")) == "+02:16 over"
        assert str(table.get_cell("follow-ups", "time")) == "17:16 / 15:00"


async def test_next_finishes_and_starts_the_following(sessions_dir: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        clock.advance(16 * 60)
        await pilot.press("n")
        first, second = app.session.agenda[:2]
        assert first.status == "done" and first.spent_seconds == 960
        assert second.status == "running"
        assert app.screen.selected_id() == second.id  # the cursor follows the meeting
        await settle(app)
        saved = load(sessions_dir / FORUM)
        assert saved.agenda[0].spent_seconds == 960 and saved.agenda[1].status == "running"
        for _ in range(5):
            clock.advance(60)
            await pilot.press("n")
        assert all(item.status == "done" for item in app.session.agenda)
        assert any("Agenda finished" in m for m in messages(app))
        finished = app.session
        await pilot.press("n", "space", "plus")  # nothing left: the keys are dimmed
        assert app.session is finished


async def test_plus_and_minus_change_the_current_timebox(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("plus", "plus", "minus")
        assert app.session.agenda[0].minutes == 16
        await settle(app)
        assert load(sessions_dir / FORUM).agenda[0].minutes == 16


async def test_restart_mid_item_resumes_from_the_wall_clock(sessions_dir: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        clock.advance(200)
        await pilot.press("ctrl+q")
    clock.advance(100)  # the app was closed for 100 s
    reopened = make_app(sessions_dir, FORUM, clock)
    async with reopened.run_test(size=(100, 30)):
        item = reopened.session.agenda[0]
        assert item.status == "running"
        assert ops.elapsed_seconds(item, clock.now()) == 300
        assert digits(reopened) == "10:00"


async def test_rebalance_fits_pending_items_and_undo_restores(sessions_dir: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        clock.advance(25 * 60)  # 10 min over on a 15 min item
        await pilot.press("n")
        before = app.session
        await pilot.press("b")
        after = [item.minutes for item in app.session.agenda]
        assert after[:2] == [15, 10] and sum(after[2:]) == 55  # 65 min of pending into 55
        assert any(m.startswith("Discuss: No shared roadmap") for m in messages(app))
        await settle(app)
        assert [i.minutes for i in load(sessions_dir / FORUM).agenda] == after
        await pilot.press("ctrl+z")
        assert app.session == before


async def test_pattern_asks_to_keep_discussing(sessions_dir: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.change(lambda s: ops.edit_item(s, "follow-ups", minutes=7, pattern="7+5+3"))
        await pilot.press("space")
        await tick(pilot)
        clock.advance(7 * 60)
        await tick(pilot)
        await pilot.pause()
        assert isinstance(app.screen, KeepDiscussingScreen)
        await pilot.press("y")
        assert app.session.agenda[0].minutes == 12 and app.session.agenda[0].status == "running"
        clock.advance(5 * 60 + 1)
        await tick(pilot)
        await pilot.pause()
        await pilot.press("escape")  # decide later: keeps running in overrun
        assert app.session.agenda[0].status == "running"
        assert not isinstance(app.screen, KeepDiscussingScreen)
        await pilot.press("plus")  # back under the timebox, crosses zero again: asks again
        await tick(pilot)
        clock.advance(60)
        await tick(pilot)
        await pilot.pause()
        assert isinstance(app.screen, KeepDiscussingScreen)
        await pilot.press("n")
        assert [i.status for i in app.session.agenda[:2]] == ["done", "running"]


async def test_add_form_refuses_bad_input_and_keeps_it(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "a")
        form = app.screen
        assert form.focused.id == "field-title"
        await pilot.press("enter")
        assert "a title is required" in str(form.query_one("#error-title").render())
        await pilot.press(*"Risks")
        for typed, reason in [
            ("", "whole number of minutes"),
            ("abc", "whole number of minutes"),
            ("0", "1 to 480"),
            ("481", "1 to 480"),
            ("2.5", "whole number"),
        ]:
            form.query_one("#field-timebox").value = typed
            await pilot.press("enter")
            assert reason in str(form.query_one("#error-timebox").render()), typed
            assert form.focused.id == "field-timebox"
        assert form.value("title") == "Risks"
        form.query_one("#field-timebox").value = "10"
        form.query_one("#field-pattern").value = "7+x"
        await pilot.press("enter")
        assert "like 7+5+3" in str(form.query_one("#error-pattern").render())
        form.query_one("#field-pattern").value = "7+5+3"
        await pilot.press("enter")
        assert "one of 7, 12, 15" in str(form.query_one("#error-timebox").render())
        form.query_one("#field-timebox").value = ""
        form.query_one("#field-owner").value = "Keiko Tanaka"
        await pilot.press("enter")
        assert isinstance(app.screen, AgendaScreen)
        added = app.session.agenda[2]  # after the selected (second) item
        assert (added.title, added.minutes, added.pattern) == ("Risks", 7, "7+5+3")
        assert added.owner == "Keiko Tanaka"
        await settle(app)
        assert load(sessions_dir / FORUM).agenda[2].title == "Risks"


async def test_escape_cancels_the_form(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        before = app.session
        await pilot.press("a", *"Nope", "escape")
        assert app.session is before and isinstance(app.screen, AgendaScreen)


async def test_edit_the_selected_item(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "e")
        form = app.screen
        assert form.value("title") == "Refresh the forum backlog"
        assert form.value("timebox") == "10"
        form.query_one("#field-title").value = "Refresh the backlog"
        form.query_one("#field-notes").value = ""
        await pilot.press("enter")
        item = app.session.item("backlog")
        assert item.title == "Refresh the backlog" and item.notes is None
        await settle(app)
        assert "notes" not in load(sessions_dir / FORUM).item("backlog").model_fields_set


async def test_delete_asks_first(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(app.session.agenda) == 6
        await pilot.press("delete", "y")
        assert app.session.agenda[0].id == "backlog"
        await settle(app)
        assert len(load(sessions_dir / FORUM).agenda) == 5


async def test_shift_arrows_reorder_and_the_cursor_follows(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("shift+down", "shift+down")
        assert [i.id for i in app.session.agenda][:3] == ["backlog", "discuss-t5", "follow-ups"]
        assert app.screen.selected_id() == "follow-ups"
        await pilot.press("shift+up")
        assert app.session.agenda[1].id == "follow-ups"
        await pilot.press("up", "shift+up")  # at the top: nothing moves
        assert app.session.agenda[0].id == "backlog"


async def test_skip_reset_and_enter_runs_the_selected(sessions_dir: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "x")
        assert app.session.item("backlog").status == "skipped"
        await pilot.press("x")
        assert app.session.item("backlog").status == "pending"
        await pilot.press("enter")
        assert app.session.item("backlog").status == "running"
        clock.advance(90)
        await pilot.press("r")
        item = app.session.item("backlog")
        assert (item.status, item.spent_seconds, item.started_at) == ("pending", 0, None)


async def test_a_finished_session_shows_planned_vs_actual(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, KICKOFF, FakeClock(START))
    async with app.run_test(size=(100, 30)):
        timer = app.screen.query_one("#timer-text").render()
        assert "actual" in str(timer) and "planned" in str(timer)
        totals = str(app.screen.query_one("#agenda-totals").render())
        assert totals == (
            "11 of 11 done · done: planned 1:55:00, actual 2:02:56 (+07:56)"
            " · all: planned 1:55:00, actual 2:02:56"
        )


async def test_read_only_refuses_changes(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, FakeClock(START), read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        before = app.session
        await pilot.press("space", "n", "plus", "x", "b")
        assert app.session is before


async def test_palette_offers_the_agenda_commands(sessions_dir: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for title in ("Start/Pause (space)", "Skip (x)", "Reset (r)", "Rebalance (b)"):
            assert title in commands  # each key once, with its key, from the bindings
        assert commands["Rebalance (b)"].help.startswith("Fit the pending items")
        await commands["Start/Pause (space)"].callback()
        await pilot.pause()
        assert app.session.agenda[0].status == "running"
        clock.advance(20 * 60)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        await commands["Rebalance (b)"].callback()
        assert sum(i.minutes for i in app.session.agenda[1:]) == 70


async def test_the_current_items_notes_are_shown(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, FakeClock(START))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        text = str(app.screen.query_one("#timer-text").render())
        assert "Six items carried from the kickoff" in text


async def test_presenter_mode_still_asks_to_keep_discussing(sessions_dir: Path) -> None:
    clock = FakeClock(START)
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        agenda = app.screen
        app.change(lambda s: ops.edit_item(s, "follow-ups", minutes=7, pattern="7+5+3"))
        await pilot.press("space", "p")
        await pilot.pause()
        presenter = app.screen
        assert presenter is not agenda
        agenda.tick()
        clock.advance(7 * 60)
        agenda.tick()
        await pilot.pause()
        assert isinstance(app.screen, KeepDiscussingScreen)
        await pilot.press("y")
        assert app.screen is presenter and app.session.agenda[0].minutes == 12


async def test_read_only_agenda_refuses_keys_with_a_notice_and_focus_item_selects(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        before = app.session
        await pilot.press("space", "n", "a")
        await pilot.pause()
        assert app.session is before
        assert any("Read-only" in n.message for n in notices(app))
        item = app.session.agenda[3]
        app.screen.focus_item(item.id)
        await pilot.pause()
        assert app.screen.selected_id() == item.id
