"""`make bench`: each figure of issue 8 as a median, its baseline median, ratio and target.

python -m benchmarks            # the full run (about 2-3 minutes on a shared 2-core machine)
python -m benchmarks --quick    # fewer runs, for trying a change
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import dependencies, files, history, idle, room, ui
from benchmarks.footer import footer_figures
from benchmarks.generate import big_session, with_comments, write_history
from benchmarks.measure import Figure, NotApplicable, table
from benchmarks.startup import EXAMPLE, startup_figures
from poforum_tui.store import load, save

SYNC_EXAMPLE = EXAMPLE.parent / "2026-12-01-po-sync-sprint-25-week-1.toml"

LEGEND = """\
Medians of interleaved runs after a warm-up; ratio = median / baseline median. The big session
is benchmarks.generate.big_session(seed=1): 1,000 topics in 8 columns, 40 agenda items, 300
decisions; the history is 200 weekly PO syncs (the dependency history: the same, each carrying
its open dependencies on, about 15 a week). Screens run headless at 100x30; a key's time
runs from posting it to the frame that shows its effect (opening: to the last frame). The
footer rows put KeyFooter and Textual's Footer (recomposed only when its keys change) on one
screen of Board keys: KeyFooter stays only while it is not slower.
Absolute targets (ms) are judged on the median; the ratio is context, since the machine is
shared. The CPU-time rows leave out the time spent waiting for a core (and save's fsync
wait): on a busy machine they show what the work itself costs. Startup runs a fresh python
per sample (compiled modules cached, as on a second launch); peak RSS is the probe's own
VmHWM. The room's rows run in a process of their own (benchmarks/room.py): twelve
participants in another process join over HTTP on 127.0.0.1, hold their live streams and
vote (6 requests a second while keys are timed); memory is VmRSS with the room open and
busy minus the app's own before it opened. The floor is the minimal app after importing
poforum's pydantic models: what the design's validation library costs before poforum does
anything.
Issue 18: the long history is 2,000 weekly syncs (write_history(weeks=2000)); the Sessions
screen rows start `poforum --dir` in a fresh python after a first start has built the
folder's index (.poforum/index.sqlite); the search types "split sto" key by key. Idle CPU
runs each app in a 100x30 pseudo-terminal (Textual's real driver), starts the first agenda
item (space; p for presenter mode) and reads the process's CPU time over the window, as a
% of one core, against the minimal app idling the same way."""


def figure(
    name: str, baseline: str, target: str, measure: Callable[[], tuple[float, float]], **limits
) -> Figure:
    result = Figure(name, baseline, target, **limits)
    try:
        result.subject, result.base = measure()
    except NotApplicable as why:
        result.na = str(why)
    return result


def board_rows(subject: ui.Samples, baseline: ui.Samples) -> list[Figure]:
    rows = [
        ("open", "board: open (2) on the 1,000-topic board", "<= 1.5x", {"limit_ratio": 1.5}),
        ("move", "board: move (shift+right), 1,000 topics", "<= 30 ms", {"limit_abs": 30}),
        ("vote-picker", "board: vote (v) to voter picker", "<= 30 ms", {"limit_abs": 30}),
        ("vote", "board: vote (pick voter) to board", "<= 30 ms", {"limit_abs": 30}),
        ("sort", "board: sort (s), 1,000 topics", "<= 30 ms", {"limit_abs": 30}),
        ("add-form", "board: add-topic form (a), 1,000 topics", "<= 50 ms", {"limit_abs": 50}),
    ]
    return [
        figure(
            name,
            "example board",
            target,
            lambda key=key: (subject.median_ms(key), baseline.median_ms(key)),
            **limits,
        )
        for key, name, target, limits in rows
    ]


def footer_rows(runs: int) -> list[Figure]:
    """KeyFooter against Textual's Footer recomposed only when its keys change (issue 13.4):
    KeyFooter stays only while it is not slower on any row."""
    rows = [
        ("start", "footer: app start to first frame"),
        ("focus", "footer: focus change (tab)"),
        ("dim", "footer: a key dims (check_action)"),
    ]
    try:
        results = asyncio.run(footer_figures(runs))
    except NotApplicable as why:
        return [
            Figure(name, "Footer, no remount", "<= 1.0x", na=str(why), limit_ratio=1.0)
            for _, name in rows
        ]
    return [
        figure(
            name,
            "Footer, no remount",
            "<= 1.0x",
            lambda key=key: results[key],
            limit_ratio=1.0,
        )
        for key, name in rows
    ]


def history_figures(
    history_dir: Path, long_history: Path, examples: Path, runs: int, quick: bool
) -> list[Figure]:
    """Issue 18's rows: years of history, the light commands, idle CPU."""
    rows = history.light_command_figures(runs)
    rows += history.sessions_startup_figures(  # as many samples as startup: the rows are close
        {"200": history_dir, "2,000": long_history}, runs
    )
    rows.append(
        figure(
            "Sessions search: a keystroke over 2,000 files",
            "the 3 example files",
            "<= 50 ms",
            lambda: asyncio.run(history.search_figure(long_history, examples, 2)),
            limit_abs=50,
        )
    )
    rows.append(
        figure(
            "index: first build, 200 files",
            "parsing their TOML",
            "-",
            lambda: files.index_build_figure(history_dir, 2),
        )
    )
    rows.append(
        figure(
            "poforum log: 2,000 files (index built)",
            "poforum templates",
            "<= 500 ms",
            lambda: files.log_figure(long_history, max(2, runs // 2)),
            limit_abs=500,
        )
    )
    rows += idle.idle_figures(seconds=10 if quick else 30, runs=1)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs, noisier figures")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 7
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="poforum-bench-") as scratch:
        root = Path(scratch)
        big_path = root / "big" / "2026-12-01-po-forum-big.toml"
        big_path.parent.mkdir()
        big = ui.with_room_to_vote(big_session(seed=1))
        save(big, big_path)
        commented_path = root / "commented" / big_path.name
        commented_path.parent.mkdir()
        commented_path.write_text(with_comments(big_path.read_text(encoding="utf-8")))
        example_path = root / "example" / EXAMPLE.name
        example_path.parent.mkdir()
        shutil.copy(EXAMPLE, example_path)
        example = ui.with_room_to_vote(load(example_path))
        history_dir = root / "history"
        write_history(history_dir, seed=1)
        long_history = root / "long-history"
        write_history(long_history, seed=1, weeks=2000)
        examples = root / "examples"
        shutil.copytree(
            EXAMPLE.parent, examples, ignore=shutil.ignore_patterns("*.bak", "*.lock", ".poforum")
        )

        figures = startup_figures(runs)
        figures.append(
            figure(
                "load: 1,000-topic session",
                "tomllib.loads of it",
                "<= 30 ms",
                lambda: files.load_figure(big_path, runs * 3),
                limit_abs=30,
            )
        )
        figures.append(
            figure(
                "save: 1,000-topic session, one change (fsync)",
                "atomic write of its bytes",
                "<= 20 ms",
                lambda: files.save_figure(big_path, runs * 3),
                limit_abs=20,
            )
        )
        figures.append(
            figure(
                "save: the first after opening it",
                "atomic write of its bytes",
                "<= 20 ms",
                lambda: files.save_figure(big_path, runs * 2, first=True),
                limit_abs=20,
            )
        )
        figures.append(
            figure(
                "load: 1,000 topics with comments",
                "tomllib.loads of it",
                "<= 30 ms",
                lambda: files.load_figure(commented_path, runs * 3),
                limit_abs=30,
            )
        )
        figures.append(
            figure(
                "save: 1,000 topics with comments, kept",
                "atomic write of its bytes",
                "<= 20 ms",
                lambda: files.save_figure(commented_path, runs * 3),
                limit_abs=20,
            )
        )
        figures.append(
            figure(
                "load: the same, CPU time of the thread",
                "tomllib.loads of it",
                "<= 30 ms",
                lambda: files.load_figure(big_path, runs * 3, files.cpu_timed),
                limit_abs=30,
            )
        )
        figures.append(
            figure(
                "save: the same, CPU time of the thread",
                "atomic write of its bytes",
                "<= 20 ms",
                lambda: files.save_figure(big_path, runs * 3, files.cpu_timed),
                limit_abs=20,
            )
        )
        batches = 2
        subject, baseline = asyncio.run(
            ui.board_figures((big_path, big), (example_path, example), batches, keys_each=4)
        )
        figures += board_rows(subject, baseline)
        figures.append(
            figure(
                "Sessions screen: 200 files listed",
                "the 3 example files",
                "<= 500 ms",
                lambda: asyncio.run(ui.sessions_figure(history_dir, examples, max(2, runs // 2))),
                limit_abs=500,
            )
        )
        figures.append(
            figure(
                "discover(): summaries of 200 files (index built)",
                "parsing their TOML",
                "-",
                lambda: files.discover_figure(history_dir, max(2, runs // 2)),
            )
        )
        figures.append(
            figure(
                "poforum log: 200 files",
                "poforum templates",
                "<= 500 ms",
                lambda: files.log_figure(history_dir, max(2, runs // 2)),
                limit_abs=500,
            )
        )
        sync_path = root / "sync" / SYNC_EXAMPLE.name
        sync_path.parent.mkdir()
        shutil.copy(SYNC_EXAMPLE, sync_path)
        many_path = root / "many" / "2026-12-01-po-sync-500-dependencies.toml"
        many_path.parent.mkdir()
        many = dependencies.session_with_dependencies(seed=1)
        save(many, many_path)
        figures.append(
            figure(
                "dependencies: open (4) with 500 of them",
                "the example PO sync",
                "<= 1.5x",
                lambda: asyncio.run(
                    dependencies.screen_figure(  # noisy: as many samples as the board keys
                        (many_path, many), (sync_path, load(sync_path)), runs
                    )
                ),
                limit_ratio=1.5,
            )
        )
        dependency_history = root / "dependency-history"
        dependencies.write_dependency_history(dependency_history, seed=1)
        figures.append(
            figure(
                "poforum log: 200 syncs with dependencies",
                "poforum templates",
                "<= 500 ms",
                lambda: dependencies.log_figure(dependency_history, max(2, runs // 2)),
                limit_abs=500,
            )
        )
        figures.append(
            figure(
                "poforum log: the same, CPU time of its work",
                "the same, 200 syncs without",
                "<= 500 ms",
                lambda: dependencies.log_cpu_figure(dependency_history, history_dir, runs),
                limit_abs=500,
            )
        )
        figures += room.room_figures(runs)
        figures += history_figures(history_dir, long_history, examples, runs, args.quick)
        figures += footer_rows(max(2, runs // 2))
    print(table(figures))
    print()
    print(LEGEND)
    print(f"({time.monotonic() - began:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
