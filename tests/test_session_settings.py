"""Issue 17.4: every session setting is editable in the app (title, date, start, kind,
facilitators), through one form that refuses bad input beside its field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from poforum_tui.dialogs.session_settings import SessionSettingsForm
from poforum_tui.domain import DomainError, session_info
from poforum_tui.store import load
from tests.conftest import FORUM, make_app


async def open_form(app, pilot) -> SessionSettingsForm:
    app.edit_settings()
    await pilot.pause()
    assert isinstance(app.screen, SessionSettingsForm)
    return app.screen


def fill(form: SessionSettingsForm, **values: str) -> None:
    for name, value in values.items():
        form.query_one(f"#field-{name}", Input).value = value


async def test_the_form_changes_every_setting_and_saves(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(app, pilot)
        fill(
            form,
            title="PO Forum #2 (moved)",
            date="2026-11-18",
            start="9:30",
            facilitators="Dana Levi,  Eli Cohen , Dana Levi",
        )
        form.query_one("#field-kind", Select).value = "po-sync"
        await pilot.press("ctrl+s")
        await pilot.pause()
        session = app.session
        assert session.title == "PO Forum #2 (moved)"
        assert session.date == dt.date(2026, 11, 18) and session.start == dt.time(9, 30)
        assert session.kind == "po-sync"
        assert session.facilitators == ("Dana Levi", "Eli Cohen")
        app.flush_save()
        assert load(sessions_dir / FORUM) == session
        await pilot.press("ctrl+z")  # one undo step for the whole form
        assert app.session.title == load_title(sessions_dir)


def load_title(sessions_dir: Path) -> str:
    from tests.conftest import EXAMPLES

    return load(EXAMPLES / FORUM).title


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("title", "   ", "a title is required"),
        ("date", "2026-13-01", "is not a day in the calendar"),
        ("date", "", "a date is required"),
        ("start", "25:00", "is not a time of day"),
        ("start", "soon", "is not a time of day"),
    ],
)
async def test_bad_input_is_refused_beside_its_field(
    sessions_dir: Path, field: str, value: str, reason: str
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        before = app.session
        form = await open_form(app, pilot)
        fill(form, **{field: value})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and app.session is before
        error = form.query_one(f"#error-{field}")
        assert "-shown" in error.classes and reason in str(error.render())
        assert form.focused is form.query_one(f"#field-{field}")


async def test_an_empty_start_clears_it(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_form(app, pilot)
        fill(form, start="")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.start is None


def test_the_operation_refuses_an_unknown_kind() -> None:
    session = load(Path(__file__).parents[1] / "sessions" / FORUM)
    with pytest.raises(DomainError, match="not a kind"):
        session_info.change_settings(
            session, title="x", date=session.date, start=None, kind="retro", facilitators=[]
        )
