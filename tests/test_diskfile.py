"""Saving the open file: no outside write overwritten, links respected, permissions kept.

Issue 14: item 4 (a write landing during the save), 7 (symlinks, hard links), 12 (the `.bak`
keeps the session's mode) and the read-only part of 14 (chmod 444).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from poforum_tui.store import atomic, diskfile
from poforum_tui.store.diskfile import DiskFile, FileChanged, backup_of, write_refusal
from poforum_tui.store.lock import SessionLock, lock_path
from tests.conftest import EXAMPLES, FORUM

OURS = b'schema = 1\ntitle = "Ours"\n'
THEIRS = b'schema = 1\ntitle = "Theirs"\n'


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / FORUM
    path.write_bytes((EXAMPLES / FORUM).read_bytes())
    return path


@pytest.fixture(params=["exchange", "replace"])
def swap_mode(request, monkeypatch) -> str:
    """Both ways of replacing: the atomic exchange, and (where there is none) check + replace."""
    if request.param == "replace":
        monkeypatch.setattr(diskfile, "exchange", lambda first, second: False)
    return request.param


def land_outside_write_during_save(monkeypatch, path: Path, text: bytes) -> None:
    """Someone writes `path` after poforum wrote its temp file and before it replaces."""
    real_write_temp = diskfile.write_temp

    def write_temp_then_outside_edit(target: Path, payload: bytes, mode: int) -> Path:
        temp = real_write_temp(target, payload, mode)
        path.write_bytes(text)
        return temp

    monkeypatch.setattr(diskfile, "write_temp", write_temp_then_outside_edit)


def test_outside_write_during_the_save_is_a_conflict_not_an_overwrite(
    session_file: Path, monkeypatch, swap_mode: str
) -> None:
    disk = DiskFile(session_file, session_file.read_bytes())
    land_outside_write_during_save(monkeypatch, session_file, THEIRS)
    with pytest.raises(FileChanged):
        disk.write(OURS)
    assert session_file.read_bytes() == THEIRS
    assert not list(session_file.parent.glob(".*.tmp"))


def test_second_outside_write_between_the_swaps_is_kept_in_a_named_file(
    session_file: Path, monkeypatch
) -> None:
    disk = DiskFile(session_file, session_file.read_bytes())
    land_outside_write_during_save(monkeypatch, session_file, THEIRS)
    calls = []
    real_exchange = atomic.exchange

    def exchange_with_a_write_in_between(first: Path, second: Path) -> bool:
        calls.append(first)
        if len(calls) == 2:  # right before the swap back, a second outside save lands
            second.with_name("theirs-2").write_bytes(b"schema = 1\ntitle = 'Theirs 2'\n")
            os.replace(second.with_name("theirs-2"), second)
        return real_exchange(first, second)

    monkeypatch.setattr(diskfile, "exchange", exchange_with_a_write_in_between)
    with pytest.raises(FileChanged) as raised:
        disk.write(OURS)
    assert session_file.read_bytes() == THEIRS
    assert raised.value.kept is not None and b"Theirs 2" in raised.value.kept.read_bytes()
    assert raised.value.kept.name in str(raised.value)


def test_deleted_file_is_not_silently_recreated_over_by_a_replace(session_file: Path) -> None:
    disk = DiskFile(session_file, session_file.read_bytes())
    session_file.unlink()
    with pytest.raises(FileChanged):
        disk.write(OURS)
    change = disk.check()
    assert change is not None and change.missing
    disk.accept(change)
    disk.write(OURS)  # once the deletion is known, the next save creates the file again
    assert session_file.read_bytes() == OURS


def test_a_file_created_where_poforum_expects_none_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    disk = DiskFile(path, b"")
    path.write_bytes(THEIRS)
    with pytest.raises(FileChanged):
        disk.write(OURS)
    assert path.read_bytes() == THEIRS


def test_save_keeps_the_previous_version_as_bak(session_file: Path, swap_mode: str) -> None:
    before = session_file.read_bytes()
    disk = DiskFile(session_file, before)
    disk.write(OURS)
    assert session_file.read_bytes() == OURS
    assert backup_of(session_file).read_bytes() == before
    assert disk.check() is None


def test_bak_keeps_the_session_files_mode(session_file: Path, swap_mode: str) -> None:
    old_umask = os.umask(0o022)
    try:
        session_file.chmod(0o600)
        disk = DiskFile(session_file, session_file.read_bytes())
        disk.write(OURS)
        disk.write(OURS + b"# again\n")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(backup_of(session_file).stat().st_mode) == 0o600
    assert stat.S_IMODE(session_file.stat().st_mode) == 0o600


def test_symlinked_session_is_written_through_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / FORUM
    target.parent.mkdir()
    target.write_bytes((EXAMPLES / FORUM).read_bytes())
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    disk = DiskFile(link, link.read_bytes())
    disk.write(OURS)
    assert link.is_symlink() and link.resolve() == target
    assert target.read_bytes() == OURS
    assert backup_of(link) == target.parent / ".poforum" / (FORUM + ".bak")
    assert backup_of(link).exists()


def test_every_name_of_a_symlinked_file_shares_one_lock(tmp_path: Path) -> None:
    target = tmp_path / FORUM
    target.write_bytes(OURS)
    link = tmp_path / "alias.toml"
    link.symlink_to(target.name)
    assert lock_path(link) == lock_path(target)
    first = SessionLock(target)
    assert first.acquire() is None
    try:
        assert SessionLock(link).acquire() is not None  # a second writer is refused
    finally:
        first.release()


def test_hard_linked_session_is_refused_for_writing_with_the_reason(session_file: Path) -> None:
    other = session_file.with_name("other-name.toml")
    os.link(session_file, other)
    before = session_file.read_bytes()
    assert "hard links" in (write_refusal(session_file) or "")
    disk = DiskFile(session_file, before)
    with pytest.raises(PermissionError, match="hard links"):
        disk.write(OURS)
    assert session_file.read_bytes() == before == other.read_bytes()
    assert os.path.samefile(session_file, other)


def test_read_only_file_is_not_rewritten(session_file: Path) -> None:
    session_file.chmod(0o444)
    before = session_file.read_bytes()
    assert "read-only" in (write_refusal(session_file) or "")
    disk = DiskFile(session_file, before)
    with pytest.raises(PermissionError, match="read-only"):
        disk.write(OURS)
    assert session_file.read_bytes() == before


def test_writable_regular_file_has_no_refusal(session_file: Path, tmp_path: Path) -> None:
    assert write_refusal(session_file) is None
    assert write_refusal(tmp_path / "not-there-yet.toml") is None
    os.mkfifo(tmp_path / "fifo.toml")
    assert "not a regular file" in (write_refusal(tmp_path / "fifo.toml") or "")


def test_taking_the_lock_removes_temp_files_a_killed_save_left(session_file: Path) -> None:
    stale = session_file.with_name(f".{session_file.name}.k1ll3d.tmp")
    stale.write_bytes(b"half a save")
    other = session_file.with_name(".other.toml.abc.tmp")
    other.write_bytes(b"another file's")
    holder = SessionLock(session_file)
    assert holder.acquire() is None
    try:
        assert not stale.exists() and other.exists()
        stale.write_bytes(b"a save in progress")
        assert SessionLock(session_file).acquire() is not None
        assert stale.exists()  # not ours to remove while another instance writes
    finally:
        holder.release()


def test_copies_get_new_names_and_the_session_files_mode(session_file: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        session_file.chmod(0o600)
        disk = DiskFile(session_file, session_file.read_bytes())
        first = disk.save_copy(THEIRS, "theirs")
        second = disk.save_copy(OURS, "theirs")
    finally:
        os.umask(old_umask)
    assert first.name == f"{session_file.stem}-theirs.toml" and first.read_bytes() == THEIRS
    assert second.name == f"{session_file.stem}-theirs-2.toml" and second.read_bytes() == OURS
    assert {stat.S_IMODE(p.stat().st_mode) for p in (first, second)} == {0o600}
    disk.write(OURS + b"# a later save\n")
    assert first.read_bytes() == THEIRS  # later saves never touch a copy
    assert not list(session_file.parent.glob(".*.tmp"))
