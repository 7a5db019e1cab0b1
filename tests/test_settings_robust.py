"""The settings file is the user's: never rewritten unread, read safely (issue 14, item 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from poforum_tui.store.settings import (
    Settings,
    SettingsNotSaved,
    keymap_problems,
    load_settings,
    save_settings,
)

BROKEN = '# my keys\n[keys]\ngo-board = "2,f2"\ntheme = \n'


def test_broken_settings_file_is_never_rewritten(user_settings: Path) -> None:
    user_settings.write_text(BROKEN)
    settings = load_settings()
    assert settings.problem and str(user_settings) in settings.problem
    with pytest.raises(SettingsNotSaved, match="left as it is"):
        save_settings(settings.with_theme("poforum-contrast"))
    assert user_settings.read_text() == BROKEN  # the [keys] are still there to fix


def test_choosing_a_theme_changes_only_the_theme_line(user_settings: Path) -> None:
    text = '# chosen for the projector\ntheme = "poforum-light"  # bright rooms\n'
    text += 'future-option = true\n\n[keys]\ngo-board = "2,f2"  # f2 on the clicker\n'
    user_settings.write_text(text)
    save_settings(load_settings().with_theme("poforum-contrast"))
    assert user_settings.read_text() == text.replace(
        'theme = "poforum-light"  # bright rooms\n', 'theme = "poforum-contrast"\n'
    )
    assert load_settings() == Settings(theme="poforum-contrast", keys={"go-board": "2,f2"})


def test_a_theme_is_added_above_the_tables(user_settings: Path) -> None:
    user_settings.write_text('[keys]\ngo-board = "b"\n')
    save_settings(load_settings().with_theme("poforum-contrast"))
    assert user_settings.read_text() == 'theme = "poforum-contrast"\n[keys]\ngo-board = "b"\n'


def test_a_key_that_is_not_a_string_is_named_and_kept(user_settings: Path) -> None:
    user_settings.write_text('[keys]\ngo-board = 2\ngo-agenda = "1"\n')
    settings = load_settings()
    assert settings.keys == {"go-agenda": "1"}
    assert settings.problem and "go-board" in settings.problem
    save_settings(settings.with_theme("poforum-contrast"))
    assert "go-board = 2" in user_settings.read_text()


def test_oversized_settings_file_is_refused_unread(user_settings: Path) -> None:
    user_settings.write_text("# padding\n" * 20_000 + 'theme = "poforum-contrast"\n')
    settings = load_settings()
    assert settings.theme is None and "larger than 64 KB" in (settings.problem or "")


LOAD = "from poforum_tui.store.settings import load_settings; print(load_settings().problem)"


def load_in_a_child(path: str) -> str:
    """load_settings() for POFORUM_CONFIG=path, in a process with 1 GB of memory at most."""
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
    done = subprocess.run(
        [sys.executable, "-c", limit + LOAD],
        env={**os.environ, "POFORUM_CONFIG": path},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_dev_zero_as_settings_is_refused_without_reading_it() -> None:
    assert "/dev/zero: not a regular file" in load_in_a_child("/dev/zero")


def test_a_fifo_as_settings_does_not_hang_startup(tmp_path: Path) -> None:
    fifo = tmp_path / "settings.toml"
    os.mkfifo(fifo)
    assert "not a regular file" in load_in_a_child(str(fifo))


def test_keymap_problems_name_unknown_ids_and_bad_key_names() -> None:
    keys = {"go-board": "2,f2", "go-bored": "b", "help": "f1,not a key", "quit": "ctrl+q,"}
    problems = keymap_problems(keys, {"go-board", "help", "quit"}, lambda name: " " not in name)
    assert problems == [
        "[keys] go-bored: no such binding id (see the help panel)",
        "[keys] help: 'not a key' is not a key name",
        "[keys] quit: '' is not a key name",
    ]


async def test_unknown_binding_ids_and_bad_key_names_are_named_at_startup(
    sessions_dir: Path, user_settings: Path
) -> None:
    from tests.conftest import FORUM, make_app, notices

    user_settings.write_text('[keys]\ngo-bored = "b"\ngo-agenda = "1,notakey"\ngo-board = "2,f2"\n')
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        messages = [n.message for n in notices(app)]
        assert any("[keys] go-bored: no such binding id" in m for m in messages)
        assert any("[keys] go-agenda: 'notakey' is not a key name" in m for m in messages)
        assert not any("go-board" in m for m in messages)
        await pilot.press("f2")
        assert app.current_mode == "board"  # the valid remap still applies
