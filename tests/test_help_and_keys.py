"""One source for keys: help, palette and footer come from the live bindings (after remapping);
help is a scrollable panel of the screen's keys and prose that escape and ? close."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Markdown

from poforum_tui.dialogs.help import HelpScreen
from poforum_tui.screens.board.screen import BoardScreen
from poforum_tui.store.settings import Settings, save_settings
from poforum_tui.widgets.footer import KeyFooter
from tests.conftest import FORUM, make_app


def help_keys(app) -> str:
    """The help's key list, runs of spaces as one."""
    text = str(app.screen.query_one("#help-keys").render())
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


async def test_help_opens_on_question_mark_and_closes_on_escape_and_question_mark(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, BoardScreen)


async def test_help_lists_the_screens_keys_and_its_prose_and_scrolls_at_80x24(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "question_mark")
        await pilot.pause()
        keys = help_keys(app)
        for line in ("On this screen", "Everywhere", "v Vote", "< Column left", "^z Undo"):
            assert line in keys
        for internal in ("Cursor up", "Copy selected text", "Focus Next"):
            assert internal not in keys  # Textual's own widget keys are not poforum's
        prose = [m.source for m in app.screen.query(Markdown)]
        assert any(text.startswith("## Board") for text in prose)
        assert not any("`v`" in text or "`a`" in text for text in prose)  # prose, not keys
        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0
        await pilot.press("pagedown")
        assert scroll.scroll_y > 0


async def test_a_long_description_wraps_under_itself_not_under_the_keys(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "question_mark")
        await pilot.pause()
        lines = str(app.screen.query_one("#help-keys").render()).splitlines()
        first = next(i for i, line in enumerate(lines) if line.startswith("V "))
        start = lines[first].index("Voting round")
        assert len(lines[first]) <= 78 and lines[first + 1][:start].strip() == ""
        assert lines[first + 1][start:].strip()  # the rest of the tooltip, under the text


async def test_remapped_keys_show_in_help_palette_and_footer(sessions_dir: Path) -> None:
    save_settings(Settings(keys={"board-vote": "g", "help": "f2"}))
    app = make_app(sessions_dir, FORUM)
    # wide enough for every key: a remapped key comes after the screen's other keys
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.press("2")
        footer = app.screen.query_one(KeyFooter).render_line(0).text
        assert "g Vote" in footer and "f2 Help" in footer and "v Vote" not in footer
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Vote (g)" in titles and "Vote (v)" not in titles
        await pilot.press("f2")
        assert isinstance(app.screen, HelpScreen)
        assert "g Vote" in help_keys(app) and "f2 Help" in help_keys(app)
        assert "f2 closes" in str(app.screen.query_one("#help").border_subtitle)
        await pilot.press("f2")
        assert isinstance(app.screen, BoardScreen)


async def test_the_palette_lists_each_command_once_and_no_widget_internals(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ("1", "2", "3", "0"):
            await pilot.press(key)
            titles = [c.title for c in app.get_system_commands(app.screen)]
            assert len(titles) == len(set(titles)), key
            for internal in ("Cursor left", "Copy selected text", "Cursor up"):
                assert not any(t.startswith(internal) for t in titles), key
            assert "Undo (^z)" in titles and "Go to Board (2)" in titles
        await pilot.press("2")
        helps = [c.help for c in app.get_system_commands(app.screen)]
        assert not any(h.endswith(("(b)", "(x)", "(h)")) for h in helps)
