"""Per-user settings: theme remembered, keys remapped, a broken file never blocks the app."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.screens.board.screen import BoardScreen
from poforum_tui.store.settings import Settings, load_settings, save_settings
from tests.conftest import FORUM, make_app, notices


def test_settings_round_trip(user_settings: Path) -> None:
    save_settings(Settings(theme="poforum-contrast", keys={"go-board": "b"}))
    assert load_settings() == Settings(theme="poforum-contrast", keys={"go-board": "b"})


def test_broken_settings_file_gives_defaults_with_reason(user_settings: Path) -> None:
    user_settings.write_text("theme = \n")
    settings = load_settings()
    assert settings.theme is None and settings.problem and str(user_settings) in settings.problem


async def test_theme_choice_is_remembered(sessions_dir: Path, user_settings: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)):
        app.theme = "poforum-contrast"
    assert load_settings().theme == "poforum-contrast"
    again = make_app(sessions_dir, FORUM)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "poforum-contrast"


async def test_theme_option_wins_and_unknown_theme_is_reported(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM, theme="poforum-contrast-light")
    async with app.run_test(size=(100, 30)):
        assert app.theme == "poforum-contrast-light"
    assert load_settings().theme == "poforum-contrast-light"
    bad = make_app(sessions_dir, FORUM, theme="neon")
    async with bad.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert bad.theme == "poforum-contrast-light"
        assert any("No theme 'neon'" in n.message for n in notices(bad))


async def test_keys_can_be_remapped(sessions_dir: Path) -> None:
    save_settings(Settings(keys={"go-board": "2,f2"}))
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, BoardScreen)
