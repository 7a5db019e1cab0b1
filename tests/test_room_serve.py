"""`poforum serve`: the real command, bound to 127.0.0.1, as its one writer, stopped by SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from poforum_tui.store import load
from poforum_tui.store.lock import SessionLock
from poforum_tui.store.save import backup_path
from tests.conftest import FORUM, make_app

pytest.importorskip("uvicorn")

SERVE = [sys.executable, "-m", "poforum_tui", "serve"]


def start_serve(path: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [*SERVE, str(path), "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    if not line.startswith("join "):
        process.kill()
        raise AssertionError(f"no join line: {line!r} {process.stderr.read()}")
    return process, line.split()[1]


def post(url: str, **body) -> dict:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def stop(process: subprocess.Popen) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    try:
        _, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return process.returncode, err


def test_serve_prints_the_url_saves_every_change_and_stops_cleanly(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    process, url = start_serve(path)
    try:
        assert url.startswith("http://127.0.0.1:") and ":0/" not in url  # the real port
        assert post(f"{url}/join", name="Ada Lovelace") == {"ok": True}
        assert post(f"{url}/topics", name="Ada Lovelace", title="From the room") == {"ok": True}
        second = subprocess.run(
            [sys.executable, "-m", "poforum_tui", "serve", str(path), "--host", "127.0.0.1"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert second.returncode == 1
        assert f"(pid {process.pid}" in second.stderr and "is editing this file" in second.stderr
    finally:
        status, err = stop(process)
    assert status == 0, err
    saved = load(path)
    assert saved.board.topics[-1].title == "From the room"
    assert saved.board.topics[-1].author == "Ada Lovelace"
    assert "Ada Lovelace" in [p.name for p in saved.participants]
    assert backup_path(sessions_dir / FORUM).exists()  # in the hidden .poforum/ (17.8)
    lock = SessionLock(path)
    assert lock.acquire() is None  # unlocked on the way out
    lock.release()


def test_serve_refuses_a_file_that_does_not_load(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema = 1\ntitle = "x"\ndate = 2026-13-01\n')
    result = subprocess.run(
        [sys.executable, "-m", "poforum_tui", "serve", str(broken), "--host", "127.0.0.1"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"{broken}:3:")
    assert result.stdout == ""


async def test_serve_refuses_a_file_the_app_holds(sessions_dir: Path, clock) -> None:
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.read_only
        result = subprocess.run(
            [*SERVE, str(sessions_dir / FORUM), "--host", "127.0.0.1", "--port", "0"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 1
    assert f"(pid {os.getpid()}" in result.stderr and result.stdout == ""


async def test_the_app_opens_read_only_a_file_serve_holds(sessions_dir: Path, clock) -> None:
    process, _url = start_serve(sessions_dir / FORUM)
    try:
        app = make_app(sessions_dir, FORUM, clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.read_only
            assert f"pid {process.pid}" in app.persistence.status()[0]
    finally:
        status, err = stop(process)
    assert status == 0, err


def test_the_example_is_untouched_by_a_serve_that_changed_nothing(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    before = path.read_bytes()
    process, _url = start_serve(path)
    status, err = stop(process)
    assert status == 0, err
    assert path.read_bytes() == before
    assert not (sessions_dir / ".poforum").exists()  # no backup, no hidden folder


def test_serve_notices_an_outside_edit_and_serves_it(sessions_dir: Path) -> None:
    import time

    path = sessions_dir / FORUM
    process, url = start_serve(path)
    try:
        path.write_text(path.read_text().replace('title = "PO Forum #2"', 'title = "Edited"', 1))
        give_up = time.monotonic() + 20  # the core polls the file every second
        title = ""
        while time.monotonic() < give_up and title != "Edited":
            time.sleep(0.2)
            with urllib.request.urlopen(f"{url}/state", timeout=5) as answer:
                title = json.loads(answer.read())["title"]
        assert title == "Edited"
        assert post(f"{url}/join", name="Ada Lovelace") == {"ok": True}
    finally:
        status, err = stop(process)
    assert status == 0, err
    saved = path.read_text()
    assert 'title = "Edited"' in saved and 'name = "Ada Lovelace"' in saved


def test_a_closed_terminal_stops_serve_with_everything_saved(sessions_dir: Path) -> None:
    """SIGHUP (the terminal or SSH link to the team server went away) saves and unlocks, as
    Ctrl+C does: without a handler it would end the process with the last edits unsaved."""
    path = sessions_dir / FORUM
    process, url = start_serve(path)
    try:
        assert post(f"{url}/join", name="Grace Hopper") == {"ok": True}
        assert post(f"{url}/topics", name="Grace Hopper", title="Asked before the hang-up")
    finally:
        process.send_signal(signal.SIGHUP)
        _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert load(path).board.topics[-1].title == "Asked before the hang-up"
    lock = SessionLock(path)
    assert lock.acquire() is None
    lock.release()


async def test_a_room_whose_last_save_fails_is_rescued_and_says_where(
    sessions_dir: Path, clock, monkeypatch
) -> None:
    import asyncio
    import io

    from poforum_tui.core import SessionCore
    from poforum_tui.domain import board
    from poforum_tui.room.headless import serve
    from poforum_tui.store.diskfile import DiskFile

    path = sessions_dir / FORUM
    out, err, stop_now = io.StringIO(), io.StringIO(), asyncio.Event()
    cores: list[SessionCore] = []
    made = SessionCore.__init__

    def recorded(self, *args, **kwargs) -> None:
        made(self, *args, **kwargs)
        cores.append(self)

    monkeypatch.setattr(SessionCore, "__init__", recorded)

    def full_disk(self, payload: bytes) -> None:
        raise OSError(28, "No space left on device")

    async def change_then_stop() -> None:
        while "join " not in out.getvalue():
            await asyncio.sleep(0.01)
        (core,) = cores
        monkeypatch.setattr(DiskFile, "write", full_disk)
        assert core.session is not None
        column = core.session.board.columns[0].id
        core.change(lambda s: board.add_topic(s, column, "Kept in the rescue copy"), "add")
        stop_now.set()

    status, _ = await asyncio.gather(
        serve(path, "127.0.0.1", 0, clock, out=out, err=err, stop=stop_now), change_then_stop()
    )
    assert status == 0
    message = err.getvalue()
    assert "the room's changes are in" in message, message
    rescue = Path(message.split("the room's changes are in ", 1)[1].split()[0])
    assert "Kept in the rescue copy" in rescue.read_text(encoding="utf-8")
    assert "Kept in the rescue copy" not in path.read_text(encoding="utf-8")
