"""Dependencies screen, its form, carried ones under review and the confidence vote, and the
Agenda's representation line, at 100x30 and 80x24."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from poforum_tui.store.carryover import session_after
from poforum_tui.store.create import create_session_file
from tests.conftest import SYNC, make_app

SIZES = [(100, 30), (80, 24)]


@pytest.mark.parametrize("size", SIZES)
def test_example_sync_dependencies(snap_compare, sessions_dir: Path, clock, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("4")
        await pilot.pause()

    app = make_app(sessions_dir, SYNC, clock)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_dependency_form_with_refusal(snap_compare, sessions_dir: Path, clock, size) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("4", "a", *"Card vault tokens", "enter")
        await pilot.pause()
        await pilot.pause()  # the refusal moves the focus: let its cursor settle

    app = make_app(sessions_dir, SYNC, clock)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_carried_under_review_by_who_needs_it(
    snap_compare, sessions_dir: Path, clock, size
) -> None:
    path = create_session_file(
        sessions_dir, session_after(sessions_dir / SYNC, date=dt.date(2026, 12, 8))
    )

    async def run_before(pilot) -> None:
        await pilot.press("4", "o", "k", "o", "m", "g")  # dep1 kept, the next escalated
        await pilot.pause()

    app = make_app(sessions_dir, path.name, clock)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_agenda_says_who_is_missing(snap_compare, sessions_dir: Path, clock, size) -> None:
    app = make_app(sessions_dir, SYNC, clock)
    assert snap_compare(app, terminal_size=size)
