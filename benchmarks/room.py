"""The room's figures (issue 15), in a process of their own: `python -m benchmarks.room`.

The app runs headless at 100x30 on a copy of the example session (a vote budget nobody uses
up), shows the Board and opens the room on 127.0.0.1. Twelve participants in another process
(benchmarks.room_clients) join and hold their live streams open, then:

- keys: `down` / `up` on the Board, timed from the key to the first frame painted after the
  cursor moved, while the participants vote and take votes back (6 requests a second,
  BUSY_RATE) and, interleaved with that, while they are connected but quiet;
- votes: 36 votes over HTTP, each timed from its request (stamped by the participant's
  process on the shared monotonic clock) to the first frame the Board painted after the core
  applied it; the baseline is the same vote made in the app's process by `core.change`;
- memory: the process's resident memory with the room open and busy, above the app's own
  before the room opened (both VmRSS).

Prints one JSON object; benchmarks/__main__.py turns it into rows.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.frames import Frames, settle, watch_frames
from benchmarks.startup import EXAMPLE
from benchmarks.ui import SIZE, press, with_room_to_vote
from poforum_tui.domain import FakeClock
from poforum_tui.domain import board as board_ops
from poforum_tui.store import load, save

VOTES = 36
BUSY_RATE = 6
"""Requests a second while keys are timed: the 36 votes of twelve participants cast in six
seconds, a brisk room (a real one takes a minute or two). A key that lands just after a
vote's repaint waits for the next frame (Textual paints at most 60 frames a second)."""
KEY_WAIT = 5.0


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


async def first_frame_after(frames: Frames, moment: float, limit: float = KEY_WAIT) -> float:
    give_up = time.monotonic() + limit
    while time.monotonic() < give_up:
        later = [t for t in frames.times[-8:] if t > moment]
        if later:
            return later[0]
        await asyncio.sleep(0.001)
    raise TimeoutError("no frame")


async def key_sample(app: Any, frames: Frames, key: str) -> float:
    """Seconds from `key` to the first frame after the board's cursor moved."""
    view = app.screen.view
    before = view.current
    sent = press(app, key)
    give_up = sent + KEY_WAIT
    while view.current is before and time.monotonic() < give_up:
        await asyncio.sleep(0.0005)
    moved = time.monotonic()
    return await first_frame_after(frames, moved) - sent


async def keys(app: Any, frames: Frames, count: int) -> list[float]:
    samples = []
    for index in range(count):
        samples.append(await key_sample(app, frames, "down" if index % 2 == 0 else "up"))
        await asyncio.sleep(0.05)
    return samples


async def direct_votes(app: Any, frames: Frames, count: int) -> list[float]:
    """The baseline: a vote made in the app's process, to its frame."""
    topic = app.session.board.topics[0].id
    samples = []
    for index in range(count):
        voter = f"Direct voter {index % 3}"
        sent = time.monotonic()
        app.core.change(lambda s, v=voter: board_ops.vote(s, topic, v), "Vote")
        samples.append(await first_frame_after(frames, time.monotonic()) - sent)
        await settle(app, frames)
    return samples


async def measure(path: Path, runs: int) -> dict[str, Any]:
    from poforum_tui.app import PoforumApp

    app = PoforumApp(path.parent, path=path, clock=FakeClock(), room_host="127.0.0.1", room_port=0)
    app.animation_level = "none"
    frames = watch_frames(app)
    applied: list[tuple[float, int]] = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, frames)
        await pilot.press("2")
        await settle(app, frames)
        app.screen.view.select(app.session.board.columns[0].id, app.session.board.topics[1].id)
        await settle(app, frames)
        app_rss = rss_mib()
        direct = await direct_votes(app, frames, runs * 2)
        if not await app.open_room():
            raise RuntimeError("the room did not open")
        await pilot.press("escape")
        await settle(app, frames)
        app.core.on_change(
            lambda s: applied.append((time.monotonic(), sum(t.vote_total for t in s.board.topics)))
        )
        clients = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "benchmarks.room_clients",
            app.room_server.url,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        try:
            ready = (await asyncio.wait_for(clients.stdout.readline(), 60)).decode()
            if not ready.startswith("ready"):
                raise RuntimeError(f"participants did not start: {ready!r}")
            quiet: list[float] = []
            busy: list[float] = []
            for _ in range(runs):  # interleaved: the machine's own noise hits both alike
                await settle(app, frames)
                quiet += await keys(app, frames, 4)
                clients.stdin.write(f"churn 1.8 {BUSY_RATE}\n".encode())
                await asyncio.sleep(0.3)
                busy += await keys(app, frames, 4)
                await clients.stdout.readline()  # churn done
            await settle(app, frames)
            base_total = sum(t.vote_total for t in app.session.board.topics)
            applied.clear()
            clients.stdin.write(f"votes {VOTES} 0.1\n".encode())
            sent: dict[int, float] = {}
            while True:
                line = (await asyncio.wait_for(clients.stdout.readline(), 60)).decode().split()
                if not line or line[0] == "done":
                    break
                sent[int(line[1])] = float(line[2])
            await settle(app, frames)
            room_rss = rss_mib()
            latencies = []
            for number, moment in sent.items():
                when = next(t for t, total in applied if total >= base_total + number)
                shown = next(t for t in frames.times if t > when)
                latencies.append(shown - moment)
            clients.stdin.write(b"quit\n")
            await clients.stdin.drain()
            await asyncio.wait_for(clients.wait(), 30)
        finally:
            if clients.returncode is None:
                clients.kill()
        lost = VOTES - (sum(t.vote_total for t in app.session.board.topics) - base_total)
        await app.close_room(quiet=True)
    return {
        "key_quiet_ms": statistics.median(quiet) * 1000,
        "key_busy_ms": statistics.median(busy) * 1000,
        "vote_room_ms": statistics.median(latencies) * 1000,
        "vote_direct_ms": statistics.median(direct) * 1000,
        "votes_lost": lost,
        "app_rss_mib": app_rss,
        "room_rss_mib": room_rss,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.room", description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="poforum-bench-room-") as scratch:
        path = Path(scratch) / EXAMPLE.name
        shutil.copy(EXAMPLE, path)
        save(with_room_to_vote(load(path)), path)
        print(json.dumps(asyncio.run(measure(path, args.runs))))
    return 0


if __name__ == "__main__":
    sys.exit(main())


def room_figures(runs: int) -> list:
    """The room's three rows, measured by this module in a fresh process."""
    import subprocess

    from benchmarks.measure import Figure

    rows = [
        Figure(
            "room: a participant's vote (HTTP) to the board",
            "the same vote by core.change",
            "<= 100 ms",
            limit_abs=100,
        ),
        Figure(
            "room: board key while 12 participants vote",
            "the same key, room quiet",
            "<= 1.5x",
            limit_ratio=1.5,
        ),
        Figure(
            "room: memory above the app's own (open, busy)",
            "the app's own RSS",
            "<= 40 MiB",
            unit="MiB",
            limit_abs=40,
        ),
    ]
    try:
        result = subprocess.run(
            [sys.executable, "-m", "benchmarks.room", "--runs", str(runs)],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        data = json.loads(result.stdout.strip().splitlines()[-1])
    except (subprocess.SubprocessError, ValueError, IndexError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        for row in rows:
            row.na = f"the room's run failed: {detail.strip().splitlines()[-1][:100]}"
        return rows
    rows[0].subject, rows[0].base = data["vote_room_ms"], data["vote_direct_ms"]
    rows[1].subject, rows[1].base = data["key_busy_ms"], data["key_quiet_ms"]
    rows[2].subject = data["room_rss_mib"] - data["app_rss_mib"]
    rows[2].base = data["app_rss_mib"]
    if data["votes_lost"]:
        rows[0].na = f"{data['votes_lost']} of {VOTES} votes were lost"
    return rows
