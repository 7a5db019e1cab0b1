"""Each command imports only what it needs: the CLI's quick commands never load Textual,
and the app's startup never loads the room's web stack (issue 13.7)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, FORUM

HEAVY_UI = ("textual", "rich")
WEB_STACK = ("starlette", "uvicorn", "jinja2", "segno", "httpx")

PROBE = """
import sys
sys.argv = ["poforum", *{argv!r}]
try:
    from poforum_tui.cli import main
    code = main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
loaded = sorted({{name.split('.')[0] for name in sys.modules}})
print("LOADED", " ".join(loaded))
"""


def loaded_by(*argv: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=list(argv))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("LOADED"))
    return set(line.split()[1:])


@pytest.mark.parametrize(
    "argv",
    [
        ("templates",),
        ("check", str(EXAMPLES / FORUM)),
        ("log", "--dir", str(EXAMPLES)),
        ("--version",),
    ],
    ids=lambda argv: argv[0],
)
def test_quick_commands_never_import_textual(argv) -> None:
    loaded = loaded_by(*argv)
    assert not loaded & set(HEAVY_UI + WEB_STACK), sorted(loaded & set(HEAVY_UI + WEB_STACK))


def test_the_apps_startup_does_not_import_the_web_stack() -> None:
    code = (
        "import sys; from poforum_tui.app import PoforumApp;"
        "import poforum_tui.screens.agenda.screen, poforum_tui.screens.sessions.screen;"
        f"bad=sorted({{m.split('.')[0] for m in sys.modules}} & {set(WEB_STACK)!r}); print(bad);"
        "sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


SESSIONS_HOME = """
import asyncio, sys
from pathlib import Path
from poforum_tui.app import PoforumApp
from poforum_tui.store.index import SessionIndex

folder = Path(sys.argv[1])

async def show() -> str:
    app = PoforumApp(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down")
        await app.workers.wait_for_complete()
        return str(app.screen.query_one("#preview-body").render())

text = asyncio.run(show())
print("PREVIEW", "PO Forum #2" in text, "pydantic" in sys.modules)
"""


def test_the_sessions_home_shows_its_list_and_preview_without_pydantic(sessions_dir) -> None:
    """Once the folder's index is built, the home screen and its previews need no parse (the
    models and their validation are pydantic's: it is imported when a session opens)."""
    from poforum_tui.store.index import SessionIndex

    with SessionIndex(sessions_dir) as index:
        index.refresh()
    result = subprocess.run(
        [sys.executable, "-c", SESSIONS_HOME, str(sessions_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "PREVIEW True False" in result.stdout, result.stdout + result.stderr


def test_a_second_log_of_an_unchanged_folder_needs_no_pydantic(sessions_dir) -> None:
    """(pydantic_core: the package `pydantic` names a stand-in plugin loader, see
    domain/pydantic_setup.py, before anything imports pydantic itself.)"""
    assert "pydantic_core" in loaded_by("log", "--dir", str(sessions_dir))  # the first folds
    assert "pydantic_core" not in loaded_by("log", "--dir", str(sessions_dir))
