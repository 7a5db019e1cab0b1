"""The room's libraries are imported only when a room opens: startup does not pay for them."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLES, FORUM

ROOM_LIBRARIES = ("starlette", "uvicorn", "jinja2", "segno")

PROBE = """
import sys
{body}
loaded = sorted(m for m in {libraries!r} if m in sys.modules)
print("LOADED", ",".join(loaded))
"""


def loaded_after(body: str) -> list[str]:
    code = PROBE.format(body=body, libraries=ROOM_LIBRARIES)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("LOADED"))
    return [name for name in line.removeprefix("LOADED ").split(",") if name]


def test_cli_commands_do_not_import_the_room() -> None:
    session = EXAMPLES / FORUM
    body = f"""
from poforum_tui import cli
for argv in (["check", {str(session)!r}], ["templates"], ["log", "--dir", {str(EXAMPLES)!r}]):
    try:
        cli.main(argv)
    except SystemExit:
        pass
"""
    assert loaded_after(body) == []


def test_the_apps_startup_does_not_import_the_room() -> None:
    body = f"""
import asyncio
from pathlib import Path
from poforum_tui.app import PoforumApp
from poforum_tui.domain import FakeClock

async def start():
    app = PoforumApp(Path({str(EXAMPLES)!r}), path=Path({str(EXAMPLES / FORUM)!r}),
                     clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()

asyncio.run(start())
"""
    assert loaded_after(body) == []


def test_the_probe_sees_a_room_import() -> None:
    assert loaded_after("import poforum_tui.room.server") == sorted(ROOM_LIBRARIES)
