"""Decisions screen, form, outcome menu and log view at 100x30 and 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FORUM, KICKOFF, make_app

SIZES = [(100, 30), (80, 24)]


@pytest.mark.parametrize("size", SIZES)
def test_follow_ups_to_review(snap_compare, sessions_dir: Path, clock, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("3")
        await pilot.press("o", "k", "o", "m")  # d1 kept, d2 escalated
        pilot.app.clear_notifications()  # the outcome notices (tested elsewhere) cover the pane
        await pilot.pause()

    app = make_app(sessions_dir, FORUM, clock)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_kickoff_decisions(snap_compare, sessions_dir: Path, clock, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("3")
        await pilot.pause()

    app = make_app(sessions_dir, KICKOFF, clock)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_experiment_form_with_refusal(snap_compare, sessions_dir: Path, clock, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("3", "a")
        form = pilot.app.screen
        form.query_one("#field-kind").value = "experiment"
        await pilot.press(*"Weekly roadmap sync")
        form.query_one("#field-due").value = "next friday"
        await pilot.press("enter")
        await pilot.pause()

    app = make_app(sessions_dir, FORUM, clock)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_outcome_menu(snap_compare, sessions_dir: Path, clock, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("3", "o")
        await pilot.pause()

    app = make_app(sessions_dir, FORUM, clock)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_log_view(snap_compare, sessions_dir: Path, clock, size) -> None:

    async def run_before(pilot) -> None:
        await pilot.press("3", "l")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = make_app(sessions_dir, FORUM, clock)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
