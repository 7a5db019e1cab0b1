"""Outside edits (an editor, git pull) on an open session: reload, ask, keep the last good."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from poforum_tui.core import persistence
from poforum_tui.dialogs.choice import ChoiceScreen
from poforum_tui.domain import session_info
from poforum_tui.store import load
from poforum_tui.store.save import backup_path
from tests.conftest import FORUM, make_app, notices
from tests.test_persistence import wait_until

ORIGINAL = "PO Forum #2"


def edit_outside(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    current = load(path).title
    path.write_text(text.replace(f'title = "{current}"', f'title = "{title}"', 1), "utf-8")


async def test_no_local_changes_reloads_within_two_seconds(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        app.change(lambda s: session_info.rename(s, "Ours, saved"))
        app.flush_save()
        edit_outside(path, "Theirs after git pull")
        # The watcher polls every POLL seconds; a loaded CI machine may answer a little late.
        assert persistence.POLL <= 2.0
        await wait_until(pilot, lambda: app.session.title == "Theirs after git pull", 10)
        await pilot.pause()
        assert any("changed on disk" in n.message for n in notices(app))
        assert app.undo_stack == []  # undo must not bring back what the pull replaced
        assert not app.unsaved


@pytest.fixture
async def conflict(sessions_dir: Path):
    """The app with an unsaved local rename while the file was edited outside."""
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        edit_outside(path, "Theirs")
        app.change(lambda s: session_info.rename(s, "Mine"))
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert load(path).title == "Theirs"  # the save noticed and wrote nothing
        yield app, pilot, path


async def test_local_changes_ask_and_reload_theirs(conflict) -> None:
    app, pilot, path = conflict
    await pilot.press("r")
    assert app.session.title == "Theirs" and not app.unsaved
    app.flush_save()
    assert load(path).title == "Theirs"


async def test_local_changes_ask_and_keep_mine(conflict) -> None:
    app, pilot, path = conflict
    await pilot.press("k")
    assert app.session.title == "Mine" and not app.unsaved
    assert load(path).title == "Mine"
    assert load(backup_path(path)).title == "Theirs"  # theirs stays recoverable


async def test_local_changes_ask_and_save_mine_as_a_copy(conflict) -> None:
    app, pilot, path = conflict
    await pilot.press("c")
    assert app.session.title == "Theirs" and load(path).title == "Theirs"
    copy = path.with_name(f"{path.stem}-mine.toml")
    assert load(copy).title == "Mine"
    await pilot.pause()
    assert any(copy.name in n.message for n in notices(app))


async def test_broken_outside_edit_keeps_the_last_good_session(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        good = app.session
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("minutes = 10", "minutes = = 10", 1), "utf-8")
        line = next(n for n, row in enumerate(text.splitlines(), 1) if row == "minutes = 10")
        app.persistence.poll()
        assert app.session is good
        status, severity = app.file_status
        assert f"broken at {line}:11:" in status and severity == "error"
        await pilot.press("2", "3", "1")  # still usable
        # a local change now must not overwrite their (broken) edit without asking
        app.change(lambda s: session_info.rename(s, "Mine"))
        await wait_until(pilot, lambda: bool(app.screen.query("#choice-message")))
        message = str(app.screen.query_one("#choice-message").render())
        assert f"error at {line}:11" in message
        assert not app.screen.query("#choice-theirs")  # nothing to reload
        await pilot.press("k")
        assert load(path).title == "Mine"
        assert backup_path(path).read_text(encoding="utf-8").count("minutes = = 10") == 1
        assert app.file_status == ("", "")


async def test_fixing_a_broken_outside_edit_reloads(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    text = path.read_text(encoding="utf-8")
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)):
        path.write_text(text.replace('title = "', "title = ", 1), "utf-8")
        app.persistence.poll()
        assert app.file_status[1] == "error" and app.session.title == ORIGINAL
        time.sleep(0.01)
        path.write_text(text.replace(ORIGINAL, "Fixed by hand"), "utf-8")
        app.persistence.poll()
        assert app.session.title == "Fixed by hand" and app.file_status == ("", "")


async def test_deleted_file_is_written_again(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        path.unlink()
        app.persistence.poll()
        await wait_until(pilot, path.exists)
        app.flush_save()  # saves now: no waiting out the debounce
        assert load(path) == app.session


async def test_outside_file_over_the_limit_is_refused(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)):
        with path.open("r+b") as handle:
            handle.truncate(6 * 1024 * 1024)
        app.persistence.poll()
        assert "MB" in app.file_status[0] and app.session.title == ORIGINAL


@pytest.fixture
async def broken_conflict(sessions_dir: Path):
    """A broken outside edit, then a change in the app: the question is on screen."""
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("minutes = 10", "minutes = = 10", 1), "utf-8")
        app.persistence.poll()
        app.change(lambda s: session_info.rename(s, "Mine"))
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        yield app, pilot, path


async def test_saving_mine_as_a_copy_is_one_answer(broken_conflict) -> None:
    """17.6: the copy opens; the dialog does not come back; no -mine-mine; theirs untouched."""
    app, pilot, path = broken_conflict
    broken = path.read_bytes()
    await pilot.press("c")
    copy = path.with_name(f"{path.stem}-mine.toml")
    await wait_until(pilot, lambda: app.path == copy)
    for _ in range(3):
        app.persistence.poll()
        await pilot.pause(0.05)
    assert not isinstance(app.screen, ChoiceScreen)
    assert sorted(p.name for p in path.parent.glob(f"{path.stem}-mine*")) == [copy.name]
    assert load(copy).title == "Mine" and path.read_bytes() == broken
    app.change(lambda s: session_info.rename(s, "Mine, later"))
    app.flush_save()
    assert load(copy).title == "Mine, later" and path.read_bytes() == broken
    named = [n.message for n in notices(app) if "-mine" in n.message]
    assert named == [f"Yours is saved as {copy.name}, which is now open."]


async def test_escape_means_decide_later_and_the_banner_stays(broken_conflict) -> None:
    app, pilot, path = broken_conflict
    broken = path.read_bytes()
    await pilot.press("escape")
    await pilot.pause()
    assert not isinstance(app.screen, ChoiceScreen)
    status, severity = app.file_status
    assert "Decide about the outside edit" in status and severity == "error"
    app.change(lambda s: session_info.rename(s, "Mine again"))
    app.flush_save()
    assert path.read_bytes() == broken  # nothing written while undecided
    app.persistence.decide()
    await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
    await pilot.press("k")
    await pilot.pause()
    assert load(path).title == "Mine again" and app.file_status == ("", "")
