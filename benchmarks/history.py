"""Years of history (issue 18): the Sessions screen and `poforum log` over 200 and 2,000 session
files, a search keystroke, and the light commands' startup.

Startup figures run a fresh python per sample, interleaved with their baseline after a warm-up
of each (which also builds the folder's index: these are second runs, as every start after the
first is). The search keystroke runs in-process like the board keys (benchmarks/ui.py).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.frames import settle, watch_frames
from benchmarks.measure import Figure, NotApplicable, interleaved
from benchmarks.startup import ROOT, run_probe
from benchmarks.ui import SIZE, make_app, timed_key

ARGPARSE_ONLY = (
    "import argparse, sys; p = argparse.ArgumentParser(prog='poforum'); "
    "p.add_argument('--version', action='version', version='poforum 0'); "
    "p.add_argument('command', nargs='?'); p.parse_args(sys.argv[1:])"
)
POFORUM = "import sys; from poforum_tui.cli import main; sys.exit(main())"
"""What the installed `poforum` script runs."""


def _spawn_ms(code: str, *args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, cwd=ROOT)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        problem = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
        raise NotApplicable(f"{' '.join(args)} failed: {(problem or ['?'])[-1]}")
    return elapsed


def light_command_figures(runs: int) -> list[Figure]:
    """`poforum --version` and `poforum templates` vs python running argparse alone."""
    figures = []
    for args in (("--version",), ("templates",)):
        figure = Figure(
            f"startup: `poforum {' '.join(args)}`",
            "python + argparse",
            "<= 1.3x",
            limit_ratio=1.3,
        )
        try:
            figure.subject, figure.base = interleaved(
                lambda args=args: _spawn_ms(POFORUM, *args),
                lambda: _spawn_ms(ARGPARSE_ONLY, "--version"),
                runs,
            )
        except NotApplicable as why:
            figure.na = str(why)
        figures.append(figure)
    return figures


def sessions_startup_figures(folders: dict[str, Path], runs: int) -> list[Figure]:
    """`poforum --dir FOLDER` to its first settled frame vs the minimal Textual app."""
    targets = {200: 1.3, 2000: 1.5}
    figures = {
        label: Figure(
            f"Sessions screen: {label} files shown (index built)",
            "minimal Textual app",
            f"<= {targets.get(int(label.replace(',', '')), 1.5)}x",
            limit_ratio=targets.get(int(label.replace(",", "")), 1.5),
        )
        for label in folders
    }
    kinds = {"baseline": ("minimal",)}
    kinds.update({label: ("poforum", "--dir", str(path)) for label, path in folders.items()})
    samples: dict[str, list[float]] = {kind: [] for kind in kinds}
    try:
        for args in kinds.values():
            run_probe(*args)  # builds the index (the first start ever), warms the caches
        for index in range(runs):
            order = list(kinds) if index % 2 == 0 else list(reversed(kinds))
            for kind in order:
                samples[kind].append(run_probe(*kinds[kind])[0] * 1000)
    except NotApplicable as why:
        for figure in figures.values():
            figure.na = str(why)
        return list(figures.values())
    base = statistics.median(samples["baseline"])
    for label, figure in figures.items():
        figure.subject, figure.base = statistics.median(samples[label]), base
    return list(figures.values())


SEARCH_KEYS = ("s", "p", "l", "i", "t", "space", "s", "t", "o")
"""Typed one by one into the Sessions screen's search: "split sto"."""


async def _search_samples(folder: Path) -> list[float]:
    app = make_app(folder)
    frames = watch_frames(app)
    samples: list[float] = []
    async with app.run_test(size=SIZE, notifications=True):
        await settle(app, frames)
        if "Sessions" not in type(app.screen).__name__:
            raise NotApplicable("the app did not open on the Sessions screen")
        await timed_key(app, frames, "slash")
        for key in SEARCH_KEYS:
            seconds = await timed_key(app, frames, key)
            if seconds is not None:
                samples.append(seconds * 1000)
    if not samples:
        raise NotApplicable("typing in the search painted nothing")
    return samples


async def search_figure(history: Path, examples: Path, runs: int) -> tuple[float, float]:
    """A keystroke in the Sessions search over `history` vs over the 3 example files."""
    subject: list[float] = []
    baseline: list[float] = []
    await _search_samples(examples)  # warm-up (and the index of both folders)
    await _search_samples(history)
    for index in range(runs):
        order = [(history, subject), (examples, baseline)]
        for folder, into in order if index % 2 else reversed(order):
            into.extend(await _search_samples(folder))
    return statistics.median(subject), statistics.median(baseline)
