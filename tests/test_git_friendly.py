"""Issue 17.8: a sessions folder under git stays clean: no lock file after a clean quit,
backups and rescue copies in a hidden, git-ignored folder, and `new --from` copies the planned
start time, not the time the last meeting actually began."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from poforum_tui.domain import agenda as agenda_ops
from poforum_tui.domain.carryover import next_session
from poforum_tui.store import load, save
from poforum_tui.store.diskfile import DiskFile
from poforum_tui.store.file_text import file_bytes
from poforum_tui.store.lock import SessionLock, lock_path
from poforum_tui.store.save import HIDDEN_FOLDER, backup_path
from tests.conftest import EXAMPLES, FORUM


def test_releasing_the_lock_removes_the_lock_file(tmp_path: Path) -> None:
    session_file = tmp_path / "s.toml"
    session_file.write_text("")
    lock = SessionLock(session_file)
    assert lock.acquire() is None
    assert lock_path(session_file).exists()
    lock.release()
    assert not lock_path(session_file).exists()
    again = SessionLock(session_file)  # and the file can be locked again at once
    assert again.acquire() is None
    again.release()


def test_a_second_lock_still_sees_the_holder(tmp_path: Path) -> None:
    session_file = tmp_path / "s.toml"
    first, second = SessionLock(session_file), SessionLock(session_file)
    assert first.acquire() is None
    holder = second.acquire()
    assert holder is not None and holder.pid > 0
    first.release()
    assert second.acquire() is None
    second.release()


def test_backups_go_to_a_hidden_git_ignored_folder(tmp_path: Path) -> None:
    path = tmp_path / FORUM
    shutil.copy(EXAMPLES / FORUM, path)
    disk = DiskFile(path, path.read_bytes())
    disk.write(path.read_bytes() + b"\n")
    assert backup_path(path) == tmp_path / HIDDEN_FOLDER / f"{FORUM}.bak"
    assert backup_path(path).exists() and not (tmp_path / f"{FORUM}.bak").exists()
    assert (tmp_path / HIDDEN_FOLDER / ".gitignore").read_text().splitlines()[-1] == "*"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_status_lists_only_the_session_after_saves(tmp_path: Path) -> None:
    path = tmp_path / FORUM
    shutil.copy(EXAMPLES / FORUM, path)

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.email=t@t", "-c", "user.name=t", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "start")
    lock = SessionLock(path)
    assert lock.acquire() is None
    disk = DiskFile(path, path.read_bytes())
    session = load(path)
    for title in ("One", "Two"):
        session = session.model_copy(update={"title": title})
        disk.write(file_bytes(session, disk.known))
    lock.release()
    assert git("status", "--porcelain").splitlines() == [f" M {FORUM}"]


def test_new_from_copies_the_planned_start_not_the_actual_one(tmp_path: Path) -> None:
    previous = load(EXAMPLES / FORUM)
    assert previous.start == dt.time(10, 0)
    ran = agenda_ops.toggle(previous, dt.datetime.combine(previous.date, dt.time(10, 7)))
    late = agenda_ops.toggle(previous, dt.datetime(2026, 11, 20, 14, 5))  # run another day
    for session in (ran, late):
        save(session, tmp_path / FORUM)
        reread = load(tmp_path / FORUM)
        following = next_session(reread, FORUM, None, title="Next", date=dt.date(2026, 12, 1))
        assert following.start == dt.time(10, 0)
        assert following.started is None and following.end is None
    assert late.started == dt.time(14, 5) and late.start == dt.time(10, 0)
