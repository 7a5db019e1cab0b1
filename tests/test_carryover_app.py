"""Carry-over from the app: the palette command writes the next session and opens its follow-ups."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from poforum_tui.screens.decisions.screen import DecisionsScreen
from poforum_tui.screens.sessions.carry_over_form import CarryOverForm
from poforum_tui.store import load
from tests.conftest import KICKOFF, make_app, notices


async def test_carry_over_opens_the_next_session_on_its_follow_ups(
    sessions_dir: Path, clock
) -> None:
    (sessions_dir / "2026-11-17-po-forum.toml").unlink()  # the hand-made one takes the name
    app = make_app(sessions_dir, KICKOFF, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.carry_over()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CarryOverForm)
        assert form.query_one("#field-title", Input).value == "PO Forum #2"
        assert form.query_one("#field-date", Input).value == "2026-11-17"
        assert form.query_one("#field-template").value == "po-forum"
        form.query_one("#field-date", Input).value = "+2w"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DecisionsScreen)
        assert app.path == sessions_dir / "2026-11-17-po-forum-2.toml"
        assert app.session.follows == KICKOFF
        summary = str(app.screen.query_one("#decisions-summary").render())
        assert summary.startswith("6 of 6 follow-ups lack an outcome")
    assert load(sessions_dir / "2026-11-17-po-forum-2.toml").decision("d1").carried == 1


async def test_carry_over_refusals_keep_the_form(sessions_dir: Path, clock) -> None:
    app = make_app(sessions_dir, KICKOFF, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.carry_over()
        await pilot.pause()
        form = app.screen
        notes = [str(hint.render()) for hint in form.query(".form-hint")]
        assert any("2026-11-17-po-forum.toml already follows" in note for note in notes)
        form.query_one("#field-date", Input).value = "next week"
        await pilot.press("enter")
        assert "is not a date" in str(form.query_one("#error-date").render())
        form.query_one("#field-date", Input).value = "2026-11-17"
        form.query_one("#field-title", Input).value = "PO Forum"  # that file name exists
        await pilot.press("enter")
        assert app.screen is form  # refused beside the title, typed values kept
        assert "2026-11-17-po-forum.toml already exists" in str(
            form.query_one("#error-title").render()
        )
        assert form.query_one("#field-date", Input).value == "2026-11-17"
        await pilot.press("escape")
        assert app.path == sessions_dir / KICKOFF  # nothing opened


async def test_carry_over_from_a_file_that_is_not_open(sessions_dir: Path, clock) -> None:
    app = make_app(sessions_dir, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.carry_over(sessions_dir / "2026-11-17-po-forum.toml")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CarryOverForm)
        assert form.query_one("#field-title", Input).value == "PO Forum #3"
        assert form.query_one("#field-date", Input).value == "2026-12-01"
        await pilot.press("enter")
        await pilot.pause()
        assert app.path == sessions_dir / "2026-12-01-po-forum-3.toml"
        assert isinstance(app.screen, DecisionsScreen)
        assert app.session.decision("d1").carried == 2
        (sessions_dir / "zz.toml").write_text("schema = [\n")
        app.carry_over(sessions_dir / "zz.toml")
        await pilot.pause()
        assert not isinstance(app.screen, CarryOverForm)
        assert any("zz.toml:1" in n.message for n in notices(app))


async def test_palette_offers_carry_over_and_log(sessions_dir: Path, clock) -> None:
    app = make_app(sessions_dir, KICKOFF, clock)
    async with app.run_test(size=(100, 30)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "New session from this one (carry over)" in titles
        assert "Decision log" in titles
    home = make_app(sessions_dir, clock=clock)
    async with home.run_test(size=(100, 30)):
        titles = [command.title for command in home.get_system_commands(home.screen)]
        assert "Decision log" in titles
        assert "New session from this one (carry over)" not in titles
