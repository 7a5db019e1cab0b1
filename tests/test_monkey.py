"""Monkey test: on each screen, 500 seeded random keys (with form text) raise nothing, and every
50 keys the saved file loads and equals the session in memory.

The alphabet is generic (the key contract, letters, digits, navigation, hostile form text), so
it exercises whatever the screens bind. ctrl+q is left out (it quits), and ctrl+p only comes as
"open the Rename form" (random palette text could run Textual's own Quit or Screenshot).
"""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from poforum_tui.store import load
from tests.conftest import FORUM, make_app

MODES = {"sessions": "0", "agenda": "1", "board": "2", "decisions": "3"}
KEYS = 500
CHECK_EVERY = 50

CONTRACT = [
    *("question_mark", "f1", "ctrl+z", "ctrl+y", "enter", "escape", "space", "n", "plus"),
    *("minus", "a", "e", "delete", "shift+up", "shift+down", "left", "right", "up", "down"),
    *("shift+left", "shift+right", "v", "s", "h", "t", "d"),
]
NAVIGATION = ["tab", "shift+tab", "home", "end", "pageup", "pagedown", "backspace", "f5"]
LETTERS = list(string.ascii_lowercase + string.ascii_uppercase)
FORM_TEXT = [
    "[bold]x[/]",
    "[@click=app.quit]q",
    "😀👩‍👩‍👧",
    "中文字符",
    "مرحبا",
    "   ",
    "9" * 12,
    "-5",
    "W" * 40,
]

RENAME = ["ctrl+p", *"Rename session", "enter"]
"""Opens the Rename form from the palette (then a FORM_TEXT and enter submit it)."""


def monkey_keys(rng: random.Random) -> list[str]:
    """KEYS keys: mostly contract and navigation keys and letters, some typed text and digits."""
    keys: list[str] = []
    while len(keys) < KEYS:
        roll = rng.random()
        if roll < 0.45:
            keys.append(rng.choice(CONTRACT))
        elif roll < 0.60:
            keys.append(rng.choice(NAVIGATION))
        elif roll < 0.80:
            keys.append(rng.choice(LETTERS))
        elif roll < 0.83:
            keys.append(rng.choice(string.digits))  # 0-3 switch screens
        elif roll < 0.85:
            keys.extend([*RENAME, *rng.choice(FORM_TEXT), "enter"])
        else:
            keys.extend(rng.choice(FORM_TEXT))  # typed one character at a time
    return keys[:KEYS]


@pytest.mark.slow
@pytest.mark.parametrize("mode", list(MODES))
async def test_monkey(sessions_dir: Path, clock, mode: str) -> None:
    app = make_app(sessions_dir, FORUM, clock=clock)
    keys = monkey_keys(random.Random(f"poforum-monkey-{mode}"))
    async with app.run_test(size=(100, 30)) as pilot:
        app.switch_mode(mode)
        await pilot.pause()
        for start in range(0, KEYS, CHECK_EVERY):
            for key in keys[start : start + CHECK_EVERY]:
                await pilot.press(key)
            clock.advance(seconds=CHECK_EVERY)
            assert app.is_running, f"the app stopped after key {start + CHECK_EVERY}"
            app.flush_save()
            if app.session is not None and app.path is not None and not app.read_only:
                assert load(app.path) == app.session, f"saved file differs after {start} keys"
            if app.current_mode != mode and not app.screen.is_modal:
                await pilot.press(MODES[mode])
