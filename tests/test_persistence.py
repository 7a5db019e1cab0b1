"""Autosave, failed saves, quitting and the one-writer lock, through the running app."""

from __future__ import annotations

import errno
import time
from pathlib import Path

from poforum_tui.core import persistence
from poforum_tui.dialogs.choice import ChoiceScreen
from poforum_tui.domain import board as board_ops
from poforum_tui.domain import session_info
from poforum_tui.store import load
from poforum_tui.store.diskfile import DiskFile
from poforum_tui.store.lock import SessionLock
from poforum_tui.store.save import backup_path
from tests.conftest import FORUM, make_app, notices


def rename(app, title: str) -> bool:
    return app.change(lambda s: session_info.rename(s, title), "Rename")


async def wait_until(pilot, condition, seconds: float = 3.0) -> float:
    """Pump the app until `condition()` holds; returns the seconds it took."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"not within {seconds} s")
        await pilot.pause(0.02)
    return time.monotonic() - start


async def test_autosave_is_debounced_and_keeps_a_bak(sessions_dir: Path, monkeypatch) -> None:
    path = sessions_dir / FORUM
    before = path.read_bytes()
    writes: list[bytes] = []
    real_write = DiskFile.write
    monkeypatch.setattr(DiskFile, "write", lambda d, p: (writes.append(p), real_write(d, p)))
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        for n in range(5):
            assert rename(app, f"Title {n}")
        # The debounce is what the issue bounds; wall time on a loaded machine is not.
        assert persistence.DEBOUNCE <= 0.5
        await wait_until(pilot, lambda: load(path).title == "Title 4", 10)
        assert len(writes) == 1  # five quick changes, one write
        assert backup_path(path).read_bytes() == before
        await wait_until(pilot, lambda: not app.unsaved)


async def test_quit_waits_for_the_last_save(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        rename(app, "Saved on quit")
        await pilot.press("ctrl+q")
    assert load(path).title == "Saved on quit"
    assert not (sessions_dir / f".{FORUM}.lock").exists() or SessionLock(path).acquire() is None


def disk_full(monkeypatch) -> None:
    """The session file's saves fail (a copy elsewhere can still be written)."""

    def fail(disk, payload):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(DiskFile, "write", fail)


async def test_failed_save_warns_keeps_session_and_retries(sessions_dir: Path, monkeypatch):
    path = sessions_dir / FORUM
    monkeypatch.setattr(persistence, "RETRY", 0.1)
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        with monkeypatch.context() as patch:
            disk_full(patch)
            rename(app, "Kept in memory")
            await wait_until(pilot, lambda: app.save_error is not None)
            assert "No space left on device" in app.save_error
            text, severity = app.file_status
            assert text.startswith("⚠ Not saved: No space left on device") and severity == "error"
            assert app.session.title == "Kept in memory" and app.unsaved
            await pilot.pause(0.3)  # retries fail quietly, the warning stays
            assert app.save_error is not None
            banner = app.screen.query_one("FileStatus")
            assert banner.display and "Not saved" in str(banner.render())
        await wait_until(pilot, lambda: app.save_error is None)  # the disk has space again
        assert load(path).title == "Kept in memory"
        assert app.file_status == ("", "")
        await pilot.pause()
        assert any("Saved again" in n.message for n in notices(app))


async def test_quit_with_a_failing_save_asks_and_can_retry(sessions_dir: Path, monkeypatch):
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        with monkeypatch.context() as patch:
            disk_full(patch)
            rename(app, "Not lost")
            await pilot.press("ctrl+q")
            assert isinstance(app.screen, ChoiceScreen) and app.is_running
            await pilot.press("escape")  # stay
            assert not isinstance(app.screen, ChoiceScreen) and app.is_running
            await pilot.press("ctrl+q", "r")  # retry, still failing: asked again
            assert isinstance(app.screen, ChoiceScreen) and app.is_running
        await pilot.press("r")  # retry once the disk has space: saved, quits
        await pilot.pause()
    assert not app.is_running
    assert load(path).title == "Not lost"


async def test_quit_with_a_failing_save_can_write_a_copy(sessions_dir: Path, monkeypatch):
    path = sessions_dir / FORUM
    before = path.read_bytes()
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        disk_full(monkeypatch)
        rename(app, "Rescued")
        await pilot.press("ctrl+q", "c")
        await pilot.pause()
    assert path.read_bytes() == before
    assert load(sessions_dir / ".poforum" / f"{path.stem}-unsaved.toml").title == "Rescued"


async def test_second_instance_is_read_only_and_names_the_holder(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    other = SessionLock(path)
    assert other.acquire() is None  # another poforum (same pid here) holds the file
    app = make_app(sessions_dir, FORUM)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            assert app.read_only and app.sub_title.endswith("read-only")
            text, severity = app.file_status
            assert "is editing this file" in text and "pid" in text and severity == "warning"
            assert "Take over editing" in text
            assert not rename(app, "Refused")
            app.action_take_over()  # still held: says so, stays read-only
            assert app.read_only
            other.release()
            app.action_take_over()
            assert not app.read_only and app.file_status == ("", "")
            assert rename(app, "Mine now")
            await pilot.press("ctrl+q")
        assert load(path).title == "Mine now"
    finally:
        other.release()


async def test_a_lock_left_by_a_dead_instance_does_not_block(sessions_dir: Path) -> None:
    lock_file = sessions_dir / f".{FORUM}.lock"
    lock_file.write_text("host=elsewhere\npid=999999\nsince=2026-11-17 10:00:00\n")
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)):
        assert not app.read_only
        assert "pid=" in lock_file.read_text() and "999999" not in lock_file.read_text()


async def test_unmount_saves_and_unlocks(sessions_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(persistence, "DEBOUNCE", 30)  # only the save at exit can write it
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)):
        rename(app, "Saved at exit")
        app.exit()  # not ctrl+q: e.g. a crash in a widget ends the app
    assert load(path).title == "Saved at exit"
    lock = SessionLock(path)
    assert lock.acquire() is None
    lock.release()


async def test_read_only_open_takes_no_lock(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM, read_only=True)
    async with app.run_test(size=(100, 30)):
        column = app.session.board.columns[0].id
        assert not app.change(lambda s: board_ops.add_topic(s, column, "x"))
        lock = SessionLock(path)
        assert lock.acquire() is None
        lock.release()


async def test_a_file_that_fails_to_open_leaves_the_open_session_saving(sessions_dir: Path):
    path = sessions_dir / FORUM
    broken = sessions_dir / "broken.toml"
    broken.write_text('title = "x"\nminutes = = 3\n', encoding="utf-8")
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        assert not app.open_session(broken)
        assert app.path == path and not app.read_only
        rename(app, "Still saved")
        app.flush_save()
        assert load(path).title == "Still saved"
        assert app.open_session(path) and not app.read_only  # reopening the same file
        await pilot.pause()
        assert any("broken.toml:2:11" in n.message for n in notices(app))


async def test_a_crash_in_a_screen_still_saves_the_last_change(sessions_dir: Path, monkeypatch):
    from poforum_tui.screens.board.screen import BoardScreen

    def crash(self, session):
        raise ZeroDivisionError("a bug in a screen")

    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    monkeypatch.setattr(BoardScreen, "show_session", crash)
    monkeypatch.setattr(persistence, "DEBOUNCE", 30)  # only the save at exit can write it
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            rename(app, "Saved despite the crash")
            await pilot.press("2")
            await pilot.pause()
    except ZeroDivisionError:
        pass
    assert not app.is_running
    assert load(path).title == "Saved despite the crash"
