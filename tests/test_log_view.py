"""The decision log view in the app: filters and jumping to the session holding an item."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from poforum_tui.screens.decisions.log_screen import DecisionLogScreen
from poforum_tui.screens.decisions.screen import DecisionsScreen
from tests.conftest import FORUM, KICKOFF, make_app


async def test_log_view_filters_and_opens_latest_session(sessions_dir: Path, clock) -> None:
    app = make_app(sessions_dir, KICKOFF, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DecisionLogScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 10  # with the 2026-12-01 PO sync's two decisions
        await pilot.press("o")
        assert table.row_count == 8
        await pilot.press("slash", *"sam")
        assert table.row_count == 1
        await pilot.press("enter")  # back to the table
        assert app.focused is table
        await pilot.press("enter")  # Sam's action is last seen in the 2026-11-17 forum
        await pilot.pause()
        assert isinstance(app.screen, DecisionsScreen)
        assert app.path == sessions_dir / FORUM


async def test_log_view_from_home_and_escape_closes(sessions_dir: Path, clock) -> None:
    (sessions_dir / "zz.toml").write_text("schema = [\n")
    app = make_app(sessions_dir, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.show_decision_log()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DecisionLogScreen)
        assert "zz.toml" in str(screen.query_one("#log-broken").render())
        await pilot.press("escape")
        assert not isinstance(app.screen, DecisionLogScreen)
        assert app.session is None
