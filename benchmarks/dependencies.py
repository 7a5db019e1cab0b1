"""Issue 19's figures: dependencies at scale.

`session_with_dependencies(seed)` is a PO sync holding 500 dependencies between the domains;
`write_dependency_history(folder, seed)` writes 200 weekly PO syncs whose open dependencies
carry from week to week (ids kept), a few closing and a few new each week, some escalated.
Both are deterministic by seed.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
from pathlib import Path

from benchmarks.files import cli
from benchmarks.generate import DOMAINS, PEOPLE, weekly_sync
from benchmarks.measure import NotApplicable, interleaved
from poforum_tui.domain.models import DEPENDENCY_STATUSES, Session
from poforum_tui.store import dumps
from poforum_tui.store.create import session_file_name

TEAMS = (*DOMAINS, "Risk and fraud", "Compliance")
WHAT = (
    "API sandbox",
    "event stream",
    "feature flag",
    "data export",
    "design review",
    "load test window",
    "contract change",
    "SDK release",
)


def _dependency(rng: random.Random, number: int, date: dt.date) -> dict:
    source, target = rng.sample(TEAMS, 2)
    needed = (
        (date + dt.timedelta(days=rng.randint(-7, 42)))
        if rng.random() < 0.7
        else f"Sprint {rng.randint(20, 40)}"
    )
    data = {
        "id": f"dep{number}",
        "text": f"{rng.choice(WHAT)} #{number} for the {source} team",
        "from": source,
        "to": target,
        "needed_by": needed,
        "status": rng.choice(DEPENDENCY_STATUSES[:4]),
        "owner": rng.choice(PEOPLE),
        "raised_on": date,
    }
    if rng.random() < 0.1:
        data.update(escalate_to="metascrum", escalated_from="po-sync", escalated_on=date)
        data["decided_by"] = "the MetaScrum"
    return data


def session_with_dependencies(seed: int = 1, count: int = 500) -> Session:
    """A PO sync (the history's first week) with `count` dependencies."""
    rng = random.Random(seed)
    base = weekly_sync(seed, 0, None)
    date = base.date
    dependencies = [_dependency(rng, number, date) for number in range(1, count + 1)]
    for item in dependencies[::7]:
        item["status"] = "done"
    return Session.model_validate({**base.model_dump(by_alias=True), "dependencies": dependencies})


def write_dependency_history(folder: Path | str, seed: int = 1, weeks: int = 200) -> list[Path]:
    """`weeks` weekly PO syncs, each carrying last week's open dependencies (about 10 open)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths: list[Path] = []
    previous: str | None = None
    carried: list[dict] = []
    number = 0
    for week in range(weeks):
        base = weekly_sync(seed, week, previous)
        fresh = []
        for _ in range(rng.randint(2, 5)):
            number += 1
            fresh.append(_dependency(rng, number, base.date))
        dependencies = carried + fresh
        for item in dependencies:
            if rng.random() < 0.25:
                item["status"] = rng.choice(("done", "dropped"))
        session = Session.model_validate(
            {**base.model_dump(by_alias=True), "dependencies": dependencies}
        )
        path = folder / session_file_name(session)
        path.write_text(dumps(session), encoding="utf-8")  # no fsync: it is scratch data
        paths.append(path)
        carried = [
            {
                **item,
                "carried_from": path.name,
                "carried": item.get("carried", 0) + 1,
                "outcome": None,
            }
            for item in dependencies
            if item["status"] not in ("done", "dropped")
        ]
        previous = path.name
    return paths


def log_figure(folder: Path, runs: int) -> tuple[float, float]:
    """`poforum log` (decisions and dependencies) over `folder` vs `poforum templates`."""
    return interleaved(
        lambda: cli("log", "--dir", str(folder), cwd=folder.parent),
        lambda: cli("templates", cwd=folder.parent),
        runs,
    )


async def screen_open(path: Path, session: Session) -> float | None:
    """Seconds from pressing `4` on the Agenda to the last frame of the Dependencies screen."""
    from benchmarks.frames import settle, watch_frames
    from benchmarks.ui import SIZE, make_app, timed_key

    app = make_app(path, session)
    frames = watch_frames(app)
    async with app.run_test(size=SIZE, notifications=True):
        await settle(app, frames)
        seconds = await timed_key(app, frames, "4", until_quiet=True)
        if "Dependencies" not in type(app.screen).__name__:
            raise NotApplicable("`4` did not show a Dependencies screen")
    return seconds


async def screen_figure(
    big: tuple[Path, Session], example: tuple[Path, Session], runs: int
) -> tuple[float, float]:
    """Opening the Dependencies screen on 500 dependencies vs on the example PO sync (4)."""
    subject: list[float] = []
    baseline: list[float] = []
    await screen_open(*example)  # warm-up: imports the screen's modules
    for index in range(runs):
        order = [(big, subject), (example, baseline)]
        for (path, session), into in order if index % 2 else list(reversed(order)):
            seconds = await screen_open(path, session)
            if seconds is None:
                raise NotApplicable("opening the Dependencies screen painted nothing")
            into.append(seconds)
    return statistics.median(subject) * 1000, statistics.median(baseline) * 1000


def log_cpu_figure(folder: Path, plain: Path, runs: int) -> tuple[float, float]:
    """The log's own work in this process (read every file, fold, format), CPU time of the
    thread: `folder` (with dependencies) vs `plain` (the same weeks without them)."""
    import time

    from poforum_tui.store.decision_log import read_log
    from poforum_tui.store.load import forget_parses
    from poforum_tui.store.log_rows import format_lines

    def work(where: Path) -> float:
        forget_parses()  # a first read of every file, as in a fresh process
        started = time.thread_time()
        log = read_log(where)
        format_lines(log.everything(), dt.date(2026, 12, 1))
        return (time.thread_time() - started) * 1000

    return interleaved(lambda: work(folder), lambda: work(plain), runs)
