"""The footer: the screen's keys on one line; a click presses a key, a dimmed one rings."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.widgets.footer import KeyFooter
from tests.conftest import FORUM, make_app


def footer_text(app) -> str:
    footer = app.screen.query_one(KeyFooter)
    return footer.render_line(0).text


def x_of(app, label: str) -> int:
    text = footer_text(app)
    assert label in text, text
    return text.index(label)


async def test_a_click_on_a_key_presses_it(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.click(KeyFooter, offset=(x_of(app, "Vote"), 0))
        await pilot.pause()
        assert app.screen.picker.is_open


async def test_a_dimmed_key_rings_instead_of_acting(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        rang = []
        app.bell = lambda: rang.append(True)
        await pilot.click(KeyFooter, offset=(x_of(app, "Add"), 0))
        await pilot.pause()
        assert rang and app.screen.focused is app.screen.view


async def test_keys_that_do_not_fit_give_way_but_screens_help_and_the_palette_stay(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.press("2")
        wide = footer_text(app)
        assert "3 Decisions" in wide and "…" not in wide
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        narrow = footer_text(app).rstrip()
        assert "… 0 1 2 3 4 Screens ? Help" in narrow and narrow.endswith("palette")
        assert "3 Decisions" not in narrow and "a Add" in narrow


async def test_the_agenda_s_keys_leave_the_app_keys_in_view_at_80_and_100_columns(
    sessions_dir: Path,
) -> None:
    from poforum_tui.screens.board.screen import BoardScreen

    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        for size in ((100, 30), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.press("1")
            await pilot.pause()
            text = footer_text(app)
            assert "space Start/Pause" in text and "0 1 2 3 4 Screens ? Help" in text, text
        await pilot.click(KeyFooter, offset=(x_of(app, "2 3 4 Screens"), 0))
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)  # a bare screen key is still a button


async def test_a_theme_change_recolours_the_keys(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        footer = app.screen.query_one(KeyFooter)
        before = [segment.style for segment in footer.render_line(0)]
        app.theme = "poforum-contrast"
        await pilot.pause()
        after = [segment.style for segment in footer.render_line(0)]
        assert before != after


async def test_hovering_help_at_70_columns_highlights_help(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(70, 24)) as pilot:
        await pilot.press("2")
        footer = app.screen.query_one(KeyFooter)
        assert "Screens ? Help" in footer_text(app)  # keys were cut: spans and items differ
        before = [(segment.text, segment.style) for segment in footer.render_line(0)]
        await pilot.hover(KeyFooter, offset=(x_of(app, "? Help"), 0))
        await pilot.pause()
        after = [(segment.text, segment.style) for segment in footer.render_line(0)]
        changed = [
            text for (text, style), (_, old) in zip(after, before, strict=True) if style != old
        ]
        assert "".join(changed).strip() == "? Help"
        assert footer.items[footer._hover].action == "toggle_help"
