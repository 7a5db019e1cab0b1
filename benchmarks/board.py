"""Board at scale: open a generated board, then time a move and a vote, key to screen."""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
import time
from pathlib import Path

from poforum_tui.domain import Board, Column, FakeClock, Participant, Session, Topic
from poforum_tui.store import save

CATEGORIES = ("stakeholders", "tools", "routines", "org structure", "Definition of Done")


def generated(topics: int, columns: int = 8, voters: int = 12) -> Session:
    """A session with `topics` topics spread over `columns` columns, some already voted."""
    names = [f"Voter {n}" for n in range(1, voters + 1)]
    cols = tuple(Column(id=f"c{n}", title=f"Column {n}") for n in range(1, columns + 1))
    cards = tuple(
        Topic(
            id=f"t{n}",
            title=f"Generated dilemma number {n}: how do we handle case {n % 17}?",
            column=cols[n % columns].id,
            author=names[n % voters],
            category=CATEGORIES[n % len(CATEGORIES)],
            votes={names[n % voters]: 1} if n % 5 == 0 else {},
        )
        for n in range(1, topics + 1)
    )
    return Session(
        title=f"Board of {topics}",
        kind="po-forum",
        date=dt.date(2026, 11, 17),
        participants=tuple(Participant(name=name) for name in names),
        board=Board(votes_per_person=topics, columns=cols, topics=cards),
    )


async def measure(topics: int, size: tuple[int, int] = (100, 30)) -> dict[str, float]:
    """Seconds to open the board, and from a key press to the updated screen."""
    from poforum_tui.app import PoforumApp

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2026-11-17-board.toml"
        save(generated(topics), path)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        app = PoforumApp(folder, path=path, clock=FakeClock())
        app.animation_level = "none"
        async with app.run_test(size=size) as pilot:
            await pilot.press("2")
            await pilot.pause()
            timings["open"] = time.perf_counter() - started

            async def timed(name: str, *keys: str) -> None:
                before = time.perf_counter()
                await pilot.press(*keys)
                await pilot.pause()
                timings[name] = time.perf_counter() - before

            await timed("down", "down")
            await timed("move", "shift+right")
            await timed("reorder", "shift+up")
            await timed("vote", "v", "enter")
            await timed("hide", "h")
            await timed("sort", "s")
            app.flush_save()  # saves now: no waiting out the debounce
        return timings


def main() -> None:
    for topics in (12, 1000):
        timings = asyncio.run(measure(topics))
        shown = "  ".join(f"{name} {seconds * 1000:6.0f} ms" for name, seconds in timings.items())
        print(f"{topics:5} topics: {shown}")


if __name__ == "__main__":
    main()
