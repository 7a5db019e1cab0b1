"""A default is a real, editable value; a placeholder is an example that cannot be taken for
one ("e.g. 10"), dimmer than text and italic in every theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input

from poforum_tui.screens.agenda.item_form import AgendaItemForm
from poforum_tui.screens.people.people_forms import ParticipantForm
from poforum_tui.screens.sessions.new_session_form import NextSessionForm
from poforum_tui.themes import THEMES
from tests.conftest import FORUM, make_app


async def test_the_agenda_forms_timebox_is_a_value_not_a_grey_example(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, AgendaItemForm)
        timebox = form.query_one("#field-timebox", Input)
        assert timebox.value == "10" and timebox.placeholder.startswith("e.g.")
        await pilot.press(*"Risks", "enter")
        assert any(i.title == "Risks" and i.minutes == 10 for i in app.session.agenda)


async def test_the_new_session_title_starts_as_the_templates_title(sessions_dir: Path) -> None:
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        app.new_session_from("po-forum")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NextSessionForm)
        title = form.query_one("#field-title", Input)
        assert title.value == "PO Forum" and title.placeholder.startswith("e.g.")
        form.query_one("#field-template").value = "metascrum"
        await pilot.pause()
        assert title.value == "MetaScrum"  # an untouched default follows the template
        title.value = "Our sync"
        form.query_one("#field-template").value = "po-forum"
        await pilot.pause()
        assert title.value == "Our sync"  # what was typed stays


async def test_people_placeholders_are_examples(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ParticipantForm())
        await pilot.pause()
        shown = [field.placeholder for field in app.screen.query(Input) if field.placeholder]
        assert shown and all(p.startswith("e.g.") or p == "optional" for p in shown), shown


class PlaceholderApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(placeholder="e.g. 10", id="empty")
        yield Input("10", id="typed")


@pytest.mark.parametrize("theme", [t.name for t in THEMES] + ["textual-dark", "textual-light"])
async def test_a_placeholder_is_dimmer_than_text_and_italic_in_every_theme(theme: str) -> None:
    from poforum_tui.app import poforum_app

    app = PlaceholderApp(css_path=Path(poforum_app.__file__).parent / "app.tcss")
    for extra in THEMES:
        app.register_theme(extra)
    async with app.run_test(size=(40, 8)) as pilot:
        app.theme = theme
        await pilot.pause()
        empty, typed = app.query_one("#empty", Input), app.query_one("#typed", Input)
        example = next(s for s in empty.render_line(0) if "g. 10" in s.text).style
        value = next(s for s in typed.render_line(0) if "10" in s.text).style
        assert example.italic and not value.italic
        assert example.color != value.color
