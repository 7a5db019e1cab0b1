"""The open file in the app: nothing lost, nothing overwritten unseen (issue 14).

Items 1 (the file deleted right after an edit), 3 ("keep mine" keeps theirs where saves never
reach), 4 (an outside write landing during the save), 7 (symlinks, hard links), 12 (rescue
copies keep the session's mode) and the chmod 444 part of 14.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from poforum_tui.dialogs.choice import ChoiceScreen
from poforum_tui.domain import session_info
from poforum_tui.store import diskfile, load
from poforum_tui.store.lock import SessionLock
from tests.conftest import FORUM, make_app
from tests.conftest import notices as conftest_notices
from tests.test_outside_edits import conflict, edit_outside  # noqa: F401 - the fixture
from tests.test_persistence import disk_full, rename, wait_until


def notices(app) -> list[str]:
    return [notification.message for notification in conftest_notices(app)]


async def test_file_deleted_right_after_an_edit_is_written_again_and_said(
    sessions_dir: Path,
) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        said: list[str] = []  # the core's notices (a toast may time out on a loaded machine)
        app.core.on_notice(lambda notice: said.append(notice.message))
        rename(app, "Edited, then deleted")
        path.unlink()  # before the debounced save runs (git stash -u, a branch switch)
        assert app.core.flush() == "conflict"
        text, severity = app.file_status
        assert "was deleted outside poforum" in text and severity == "error"
        await wait_until(pilot, path.exists, 10)
        app.flush_save()
        assert load(path).title == "Edited, then deleted"
        rename(app, "And again")
        app.flush_save()
        assert load(path).title == "And again"  # saving goes on
        await wait_until(pilot, lambda: app.file_status == ("", ""))
        assert any("written again" in message for message in said)


async def test_keep_mine_keeps_theirs_in_a_file_later_saves_never_touch(conflict) -> None:  # noqa: F811
    app, pilot, path = conflict
    await pilot.press("k")
    theirs = path.parent / ".poforum" / f"{path.stem}-theirs.toml"  # out of git status
    assert load(theirs).title == "Theirs" and load(path).title == "Mine"
    assert any(theirs.name in message for message in notices(app))
    for title in ("Mine, later", "Mine, even later"):  # each save rotates the .bak
        rename(app, title)
        app.flush_save()
    assert load(theirs).title == "Theirs"


async def test_outside_write_during_a_save_is_a_question_not_an_overwrite(
    sessions_dir: Path, monkeypatch
) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        real_write_temp = diskfile.write_temp

        def outside_edit_lands_mid_save(target: Path, payload: bytes, mode: int) -> Path:
            temp = real_write_temp(target, payload, mode)
            edit_outside(path, "Theirs, mid-save")
            return temp

        monkeypatch.setattr(diskfile, "write_temp", outside_edit_lands_mid_save)
        rename(app, "Mine")
        assert app.core.flush() == "conflict"
        monkeypatch.undo()
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert load(path).title == "Theirs, mid-save"
        await pilot.press("c")
        assert load(path.with_name(f"{path.stem}-mine.toml")).title == "Mine"


async def test_symlinked_session_is_locked_and_saved_at_its_target(sessions_dir: Path) -> None:
    target = sessions_dir / FORUM
    link = sessions_dir / "this-week.toml"
    link.symlink_to(target.name)
    app = make_app(sessions_dir, link.name)
    async with app.run_test(size=(100, 30)):
        assert not app.read_only
        assert SessionLock(target).acquire() is not None  # one writer, whichever name
        rename(app, "Through the link")
        app.flush_save()
    assert link.is_symlink() and load(target).title == "Through the link"


async def test_hard_linked_session_opens_read_only_with_the_reason(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    os.link(path, sessions_dir / "second-name.toml")
    before = path.read_bytes()
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)):
        assert app.read_only
        text, _ = app.file_status
        assert text.startswith("Read-only: it has 2 hard links")
        assert not app.change(lambda s: session_info.rename(s, "Mine"))
    assert path.read_bytes() == before


async def test_read_only_file_opens_read_only_with_the_reason(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    path.chmod(0o444)
    before = path.read_bytes()
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)):
        assert app.read_only
        assert "the file is read-only (its permissions forbid writing" in app.file_status[0]
        path.chmod(0o644)  # fixed: editing can be taken over
        assert app.core.take_over() and not app.read_only
    assert path.read_bytes() == before


async def test_rescue_copy_keeps_the_session_files_mode(sessions_dir: Path, monkeypatch) -> None:
    path = sessions_dir / FORUM
    path.chmod(0o600)
    old_umask = os.umask(0o022)
    try:
        app = make_app(sessions_dir, FORUM)
        async with app.run_test(size=(100, 30)) as pilot:
            disk_full(monkeypatch)
            rename(app, "Rescued")
            await pilot.press("ctrl+q", "c")
            await pilot.pause()
    finally:
        os.umask(old_umask)
    rescued = sessions_dir / ".poforum" / f"{path.stem}-unsaved.toml"
    assert load(rescued).title == "Rescued"
    assert stat.S_IMODE(rescued.stat().st_mode) == 0o600
