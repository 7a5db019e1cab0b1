"""The session core without any UI: changes, refusals, undo, listeners, saving, questions."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from poforum_tui.core import SessionCore
from poforum_tui.domain import FakeClock, session_info
from poforum_tui.domain import board as board_ops
from poforum_tui.store import load
from poforum_tui.store.lock import SessionLock
from tests.conftest import FORUM


def rename(title: str):
    return lambda s: session_info.rename(s, title)


async def test_change_undo_redo_and_listeners(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    core = SessionCore(FakeClock())
    seen: list[str] = []
    core.on_change(lambda s: seen.append(s.title))
    original = core.open(path)
    assert seen == [original.title]
    assert core.change(rename("Changed"), "Rename") is None
    assert core.session is not None and core.session.title == "Changed"
    assert core.undo() == "Rename" and core.session.title == original.title
    assert core.redo() == "Rename" and core.session.title == "Changed"
    assert core.undo() == "Rename" and core.undo() is None
    assert seen == [original.title, "Changed", original.title, "Changed", original.title]
    core.close()


async def test_a_refusal_is_returned_with_its_reason(sessions_dir: Path) -> None:
    core = SessionCore(FakeClock())
    assert core.change(rename("x")).kind == "no-session"
    core.open(sessions_dir / FORUM)
    refusal = core.change(lambda s: board_ops.add_topic(s, "no-such-column", "T"), "Add")
    assert refusal is not None and refusal.kind == "domain" and "no-such-column" in refusal
    assert core.undo_stack == []
    core.close()


async def test_changes_are_saved_after_the_debounce_and_on_close(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    core = SessionCore(FakeClock())
    core.open(path)
    core.change(rename("Saved by the worker"))
    for _ in range(200):  # the save is a thread; the loop hands back its outcome
        await asyncio.sleep(0.01)
        if not core.unsaved:
            break
    assert load(path).title == "Saved by the worker"
    core.change(rename("Saved on close"))
    core.close()
    assert load(path).title == "Saved on close"
    assert SessionLock(path).acquire() is None  # close let go of the lock


async def test_a_second_core_is_read_only_and_names_the_holder(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    first, second = SessionCore(FakeClock()), SessionCore(FakeClock())
    first.open(path)
    second.open(path)
    assert second.read_only and second.holder is not None
    assert second.change(rename("x")).kind == "read-only"
    first.close()
    assert second.take_over() and not second.read_only
    second.close()


async def test_without_an_asker_an_outside_edit_keeps_both_versions(sessions_dir: Path) -> None:
    """Headless (no surface can ask): the unsaved version goes to a copy, theirs is shown."""
    path = sessions_dir / FORUM
    core = SessionCore(FakeClock())
    core.open(path)
    core.change(rename("Mine"))
    text = path.read_text(encoding="utf-8")
    old_title = load(path).title
    path.write_text(text.replace(old_title, "Theirs", 1), encoding="utf-8")
    core.persistence._seen = None
    core.persistence.poll()
    await asyncio.sleep(0.05)
    copies = list(sessions_dir.glob("*-mine*.toml"))
    assert core.session is not None and core.session.title == "Theirs"
    assert len(copies) == 1 and load(copies[0]).title == "Mine"
    core.close()


def test_the_core_imports_no_textual() -> None:
    code = (
        "import sys, poforum_tui.core, poforum_tui.core.persistence;"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('textual','rich')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
