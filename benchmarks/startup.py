"""Startup: process start to first full frame, and peak memory, each in a fresh `python`."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.measure import Figure, NotApplicable

PROBE = Path(__file__).with_name("probe.py")
ROOT = PROBE.parent.parent
EXAMPLE = ROOT / "sessions" / "2026-11-17-po-forum.toml"


def run_probe(*args: str) -> tuple[float, float]:
    """(seconds from spawn to first full frame, peak RSS in MiB) of one probe process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.pop("NO_COLOR", None)
    # Python caches compiled modules on a user's machine; the warm-up run writes the cache for
    # poforum's own modules (libraries have theirs from pip) even where the environment says
    # not to, so every sample starts like a second launch, not like the very first.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=ROOT,
    )
    out = process.stdout.read()
    process.stdout.close()
    _, status, _usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    text = out.decode(errors="replace")
    if process.returncode != 0 or "first-frame" not in text:
        problem = (text.strip().splitlines() or ["no output"])[-1]
        raise NotApplicable(f"probe {' '.join(args)} failed: {problem}")
    frame = float(text.split("first-frame", 1)[1].split()[0])
    return frame - started, int(text.split("peak-rss-kib", 1)[1].split()[0]) / 1024


def startup_figures(runs: int, session: Path = EXAMPLE) -> list[Figure]:
    time_figure = Figure(
        f"startup: `poforum {session.name}` to first frame",
        "minimal Textual app",
        "<= 1.25x",
        limit_ratio=1.25,
    )
    floor_figure = Figure(
        "startup: minimal app + poforum's pydantic models",
        "minimal Textual app",
        "- (the floor)",
    )
    rss_figure = Figure(
        "startup: peak RSS", "minimal Textual app", "<= 1.5x", unit="MiB", limit_ratio=1.5
    )
    floor_rss = Figure(
        "startup: peak RSS of that floor", "minimal Textual app", "- (the floor)", unit="MiB"
    )
    kinds = {"subject": ("poforum", str(session)), "floor": ("floor",), "baseline": ("minimal",)}
    try:
        samples: dict[str, list[tuple[float, float]]] = {kind: [] for kind in kinds}
        for args in kinds.values():
            run_probe(*args)  # warm the file cache and .pyc files
        for index in range(runs):
            order = list(kinds) if index % 2 == 0 else list(reversed(kinds))
            for kind in order:
                samples[kind].append(run_probe(*kinds[kind]))
    except NotApplicable as why:
        time_figure.na = floor_figure.na = rss_figure.na = floor_rss.na = str(why)
        return [time_figure, floor_figure, rss_figure, floor_rss]
    base = statistics.median(s[0] for s in samples["baseline"]) * 1000
    time_figure.subject = statistics.median(s[0] for s in samples["subject"]) * 1000
    floor_figure.subject = statistics.median(s[0] for s in samples["floor"]) * 1000
    time_figure.base = floor_figure.base = base
    rss_figure.subject = statistics.median(s[1] for s in samples["subject"])
    floor_rss.subject = statistics.median(s[1] for s in samples["floor"])
    rss_figure.base = floor_rss.base = statistics.median(s[1] for s in samples["baseline"])
    return [time_figure, floor_figure, rss_figure, floor_rss]
