"""Outside writes at random moments around saves: never one silent overwrite (issue 14, item 4).

Another process writes the session file in a loop (atomic renames like an editor, and
in-place rewrites like `echo > file`) while poforum's DiskFile saves in a loop, as the app
does: it reloads a complete outside version it sees and never saves over a broken one.
Two checks, over a bounded number of saves (no timing in the assertions):
- every save that succeeds replaced exactly the version poforum last saw (its `.bak`);
- whenever the writer finds poforum's text where it had just written version k, poforum
  had read version k: no outside version is ever replaced unseen.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from poforum_tui.core.session_core import SessionCore
from poforum_tui.domain import FakeClock, session_info
from poforum_tui.store import diskfile
from poforum_tui.store.diskfile import DiskFile, FileChanged, backup_of
from poforum_tui.store.load import tomllib
from tests.conftest import FORUM

WRITES = 300
"""Outside versions the writer process writes, then it stops (the loops are bounded by it)."""
SAVES = 3000
"""At most this many save attempts."""

WRITER = r"""
import fcntl, json, os, random, sys, time
path, writes = sys.argv[1], int(sys.argv[2])
observe = open(path + ".observe", "w")
random.seed(int(sys.argv[3]))
seen = []
print("ready", flush=True)
for n in range(1, writes + 1):
    pad = "." * random.randint(10, 20000)
    text = f'title = "outside {n}"\npad = "{pad}"\nend = true\n'.encode()
    if random.random() < 0.5:
        temp = f"{path}.outside.tmp"
        with open(temp, "wb") as handle:
            handle.write(text)
        os.replace(temp, path)
    else:
        with open(path, "wb") as handle:  # in place: truncate, then write
            handle.write(text)
    time.sleep(random.random() * 0.003)
    fcntl.flock(observe, fcntl.LOCK_EX)  # look between poforum's saves, never inside one
    with open(path, "rb") as handle:
        seen.append((f"outside {n}", handle.readline().decode(errors="replace")))
    fcntl.flock(observe, fcntl.LOCK_UN)
print(json.dumps(seen), flush=True)
"""


def label(raw: bytes | None) -> str:
    """The title on a version's first line (`outside 3`, `poforum 7`), or '' when cut short."""
    first = (raw or b"").split(b"\n", 1)[0].decode(errors="replace")
    return first.removeprefix('title = "').removesuffix('"') if first.endswith('"') else ""


@contextlib.contextmanager
def observed_from_outside_after_it(path: Path) -> Iterator[None]:
    """The writer reads the file only before or after a save (its writes race freely): a
    save that swaps in and back out is never mistaken for an overwrite."""
    with open(f"{path}.observe", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def complete(raw: bytes) -> bool:
    try:
        return tomllib.loads(raw.decode()).get("end") is True
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


@pytest.mark.slow
def test_outside_writes_racing_saves_never_overwrite_silently(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "session.toml"
    path.write_bytes(b'title = "start"\nend = true\n')
    read_by_poforum: set[str] = set()
    real_read = getattr(diskfile, "_read_exact", None)
    if real_read is not None:  # what a save looks at while replacing counts as seen
        monkeypatch.setattr(
            diskfile, "_read_exact", lambda p: read_by_poforum.add(label(r := real_read(p))) or r
        )
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(WRITES), "14"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    disk = DiskFile(path, path.read_bytes())
    saved = conflicts = 0
    try:
        for n in range(SAVES):
            if writer.poll() is not None:
                break
            change = disk.check()
            if change is not None:
                read_by_poforum.add(label(change.raw))
                if not complete(change.raw):
                    os.sched_yield()
                    continue  # broken on disk (a write in progress): the app does not save
                disk.accept(change)
            known = disk.known
            payload = f'title = "poforum {n}"\npad = "{"-" * (n * 50)}"\nend = true\n'.encode()
            try:
                with observed_from_outside_after_it(path):
                    disk.write(payload)
            except FileChanged:
                conflicts += 1
                continue
            saved += 1
            assert backup_of(path).read_bytes() == known  # it replaced what it knew
    finally:
        seen = json.loads(writer.communicate(timeout=120)[0])
    replaced_unseen = [
        wrote
        for wrote, found in seen
        if label(found.encode()).startswith("poforum") and wrote not in read_by_poforum
    ]
    assert replaced_unseen == []
    print(f"{len(seen)} outside writes, {saved} saves, {conflicts} conflicts")
    assert len(seen) > 50 and saved > 0 and conflicts > 0  # the race really happened
    assert not list(tmp_path.glob(".session.toml.*.tmp"))


SESSION_WRITER = r"""
import fcntl, json, os, random, re, sys, time
path, writes = sys.argv[1], int(sys.argv[2])
random.seed(int(sys.argv[3]))
base = open(path, encoding="utf-8").read()
observe = open(path + ".observe", "w")
seen = []
print("ready", flush=True)
for n in range(1, writes + 1):
    text = re.sub(r'^title = ".*"$', f'title = "outside {n}"', base, count=1, flags=re.M)
    temp = f"{path}.outside.tmp"
    with open(temp, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temp, path)  # as an editor saves
    time.sleep(random.random() * 0.01)
    fcntl.flock(observe, fcntl.LOCK_EX)
    found = re.search(r'^title = "(.*)"$', open(path, encoding="utf-8").read(), re.M)
    fcntl.flock(observe, fcntl.LOCK_UN)
    seen.append((f"outside {n}", found.group(1) if found else ""))
print(json.dumps(seen), flush=True)
"""


def title_of(raw: bytes | None) -> str:
    found = re.search(rb'^title = "(.*)"$', raw or b"", re.M)
    return found.group(1).decode() if found else ""


@pytest.mark.slow
async def test_outside_edits_racing_the_apps_autosave_are_never_overwritten_unseen(
    sessions_dir: Path, monkeypatch
) -> None:
    """The same race through the session core: edits, autosaves, outside-edit questions
    answered by the core's safe default (mine goes to a copy, theirs is shown)."""
    path = sessions_dir / FORUM
    read_by_poforum: set[str] = set()
    for name in ("_read_exact", "read_limited"):
        real = getattr(diskfile, name)
        monkeypatch.setattr(
            diskfile, name, lambda p, real=real: read_by_poforum.add(title_of(r := real(p))) or r
        )
    writer = subprocess.Popen(
        [sys.executable, "-c", SESSION_WRITER, str(path), "150", "15"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    core = SessionCore(FakeClock())
    core.open(path)
    edits = 0
    try:
        for n in range(3000):
            if writer.poll() is not None:
                break
            if core.change(lambda s, n=n: session_info.rename(s, f"poforum {n}")) is None:
                edits += 1
            with observed_from_outside_after_it(path):
                core.flush()
            core.persistence.poll()
            await asyncio.sleep(0)  # the question's default answer, reloads
    finally:
        seen = json.loads(writer.communicate(timeout=120)[0])
        core.close()
    replaced_unseen = [
        wrote
        for wrote, found in seen
        if found.startswith("poforum") and wrote not in read_by_poforum
    ]
    assert replaced_unseen == []
    assert edits > 0 and any(found.startswith("poforum") for _, found in seen)
    assert list(sessions_dir.glob(f"{path.stem}-mine*.toml"))  # conflicts happened, mine kept
