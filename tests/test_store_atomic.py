"""Atomic saves, the .bak of the previous version, and the one-writer lock."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from poforum_tui.store import dumps, load, save
from poforum_tui.store.diskfile import DiskFile
from poforum_tui.store.lock import Holder, SessionLock, lock_path
from poforum_tui.store.save import backup_path
from tests.conftest import EXAMPLES, FORUM


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / FORUM
    path.write_bytes((EXAMPLES / FORUM).read_bytes())
    return path


class Boom(OSError):
    pass


def _raise(*args, **kwargs):
    raise Boom(28, "No space left on device")


@pytest.mark.parametrize(
    "step",
    ["tempfile.mkstemp", "os.fchmod", "write", "os.fsync", "os.replace"],
)
def test_interrupted_save_leaves_the_old_file_intact(
    session_file: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    before = session_file.read_bytes()
    session = load(session_file)
    renamed = session.model_copy(update={"title": "Renamed"})
    module, _, name = step.rpartition(".")
    if step == "write":
        monkeypatch.setattr(os, "fdopen", _half_writer(os.fdopen))
    else:
        target = {"tempfile": __import__("tempfile"), "os": os}[module]
        monkeypatch.setattr(target, name, _raise)
    with pytest.raises(Boom):
        save(renamed, session_file)
    monkeypatch.undo()
    assert session_file.read_bytes() == before
    leftovers = [p.name for p in session_file.parent.iterdir() if p.name != session_file.name]
    assert leftovers == []  # no temp file left behind


def _half_writer(real):
    """os.fdopen whose handle writes half the bytes, then fails as a full disk would."""

    class Writer:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def fileno(self):
            return self.handle.fileno()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])  # half written, then the disk fills up
            self.handle.flush()
            _raise()

        def flush(self):
            self.handle.flush()

    return lambda *args, **kwargs: Writer(real(*args, **kwargs))


def test_save_keeps_permissions(session_file: Path) -> None:
    session_file.chmod(0o640)
    save(load(session_file).model_copy(update={"title": "x"}), session_file)
    assert stat.S_IMODE(session_file.stat().st_mode) == 0o640


def test_diskfile_keeps_the_previous_version_as_bak(session_file: Path) -> None:
    before = session_file.read_bytes()
    disk = DiskFile(session_file, before)
    first = dumps(load(session_file).model_copy(update={"title": "One"})).encode()
    disk.write(first)
    assert backup_path(session_file).read_bytes() == before
    second = dumps(load(session_file).model_copy(update={"title": "Two"})).encode()
    disk.write(second)
    assert backup_path(session_file).read_bytes() == first
    assert session_file.read_bytes() == second
    assert disk.check() is None  # our own write is not an outside edit


def test_diskfile_tells_outside_edits_from_touches(session_file: Path) -> None:
    raw = session_file.read_bytes()
    disk = DiskFile(session_file, raw)
    os.utime(session_file, ns=(1, 1))
    assert disk.check() is None  # same bytes: only touched
    session_file.write_bytes(raw.replace(b"PO Forum #2", b"PO Forum #3"))
    change = disk.check()
    assert change is not None and b"PO Forum #3" in change.raw
    session_file.unlink()
    assert disk.check().missing


def test_second_lock_names_the_holder(session_file: Path) -> None:
    first, second = SessionLock(session_file), SessionLock(session_file)
    assert first.acquire() is None
    try:
        holder = second.acquire()
        assert holder is not None and holder.pid == os.getpid()
        assert "this computer" in str(holder) and f"pid {os.getpid()}" in str(holder)
        assert not second.held
    finally:
        first.release()
    assert second.acquire() is None
    second.release()
    assert lock_path(session_file).name == f".{FORUM}.lock"


def test_lock_of_a_killed_process_never_blocks(session_file: Path) -> None:
    code = (
        "import sys, time; from pathlib import Path;"
        "from poforum_tui.store.lock import SessionLock;"
        "lock = SessionLock(Path(sys.argv[1])); print(lock.acquire(), flush=True); time.sleep(60)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(session_file)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "None"
        lock = SessionLock(session_file)
        holder = lock.acquire()
        assert holder is not None and holder.pid == child.pid
    finally:
        child.kill()
        child.wait(timeout=10)
    assert lock.acquire() is None  # the kernel dropped the dead holder's lock
    assert Holder.parse(lock_path(session_file).read_text()).pid == os.getpid()
    lock.release()


def test_holder_parse_tolerates_garbage() -> None:
    assert Holder.parse("") is None
    assert Holder.parse("host=x\npid=abc\n") is None
    assert Holder.parse("host=box\npid=42\n") == Holder("box", 42, "")
