"""In-process screen figures: opening the board, keys on it, and the Sessions screen.

Each batch opens a fresh app (headless, 100x30, no animations) on the big session or on the
example session, shows the Agenda, presses `2` (board open), then `shift+right` (move), `v`
and a voter (vote) and `s` (sort) a few times each; batches alternate big and example. Keys
are posted as the terminal driver posts them; a key's figure runs to the frame that shows its
effect (benchmarks.frames.respond); opening the board runs to the last frame before the app
goes quiet. Keys or screens that are not there yet give an 'n/a: reason' row, not an error.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual import events
from textual.screen import ModalScreen

from benchmarks.frames import Frames, respond, settle, watch_frames
from benchmarks.measure import NotApplicable
from poforum_tui.domain import FakeClock, Session
from poforum_tui.domain import board as board_ops

SIZE = (100, 30)
VOTER = "Maya Goldberg"  # a participant of both the example and the big session


@dataclass
class Samples:
    """Seconds per figure, and the first reason a figure could not be measured."""

    times: dict[str, list[float]] = field(default_factory=dict)
    na: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, seconds: float) -> None:
        self.times.setdefault(name, []).append(seconds)

    def refuse(self, name: str, reason: str) -> None:
        self.na.setdefault(name, reason)

    def median_ms(self, name: str) -> float:
        if name in self.na and not self.times.get(name):
            raise NotApplicable(self.na[name])
        if not self.times.get(name):
            raise NotApplicable("no samples")
        return statistics.median(self.times[name]) * 1000


def make_app(path: Path, session: Session | None = None) -> Any:
    """An app on a session file (its Agenda) or on a folder (its Sessions screen)."""
    from poforum_tui.app import PoforumApp

    if path.is_dir():
        app = PoforumApp(path, clock=FakeClock())
    else:
        app = PoforumApp(path.parent, path=path, session=session, clock=FakeClock())
    app.animation_level = "none"
    return app


def press(app: Any, key: str) -> float:
    """Post `key` as the terminal driver would; the time it was sent."""
    sent = time.monotonic()
    app.post_message(events.Key(key, key if len(key) == 1 else None))
    return sent


def has_key(app: Any, key: str) -> bool:
    return key in app.screen.active_bindings


def asking(app: Any, board: Any) -> bool:
    """Is a question (who votes?) open: a modal screen, or a panel over the board."""
    if app.screen is not board:
        return isinstance(app.screen, ModalScreen)
    picker = getattr(board, "picker", None)
    return bool(picker is not None and getattr(picker, "is_open", False))


async def timed_key(
    app: Any, frames: Frames, key: str, *, until_quiet: bool = False
) -> float | None:
    """Seconds from `key` to the frame showing its effect (benchmarks.frames.respond), or to
    the last frame before the app goes quiet; None if it painted nothing.

    The previous key's autosave (a worker thread, 0.25 s after a change) is done first: on a
    1,000-topic board its ~10 ms of CPU would otherwise land in a random key's figure. Save
    has figures of its own."""
    flush = getattr(app, "flush_save", None)
    if flush is not None:
        flush()
        await settle(app, frames)
    painted = len(frames.times)
    sent = press(app, key)
    last = await (settle(app, frames) if until_quiet else respond(app, frames))
    if last is None or len(frames.times) == painted or last < sent:
        return None
    return last - sent


BOARD_FIGURES = ("open", "move", "vote-picker", "vote", "sort", "add-form")


async def board_batch(path: Path, session: Session, keys_each: int, samples: Samples) -> None:
    """Open an app on `session`, then time board open, move, vote and sort on it."""
    try:
        await _board_batch(path, session, keys_each, samples)
    except Exception as error:  # the bench reports a broken screen, it does not stop
        for name in BOARD_FIGURES:
            samples.refuse(name, f"the app failed: {type(error).__name__}: {error}"[:120])


async def _board_batch(path: Path, session: Session, keys_each: int, samples: Samples) -> None:
    app = make_app(path, session)
    frames = watch_frames(app)
    async with app.run_test(size=SIZE, notifications=True):
        await settle(app, frames)
        opened = await timed_key(app, frames, "2", until_quiet=True)
        if opened is None or "Board" not in type(app.screen).__name__:
            shown = "the app stopped" if not app.is_running else "`2` did not show a Board screen"
            for name in BOARD_FIGURES:
                samples.refuse(name, shown)
            return
        samples.add("open", opened)
        await _moves(app, frames, keys_each, samples)
        await _votes(app, frames, keys_each, samples)
        await _sorts(app, frames, keys_each, samples)
        await _add_forms(app, frames, keys_each, samples)
        app.flush_save()


async def _moves(app: Any, frames: Frames, count: int, samples: Samples) -> None:
    if not has_key(app, "shift+right"):
        samples.refuse("move", "no shift+right key on the Board yet")
        return
    for _ in range(count):
        for key in ("shift+right", "shift+left"):  # the last column cannot move right
            before = app.session
            seconds = await timed_key(app, frames, key)
            if app.session is not before and seconds is not None:
                samples.add("move", seconds)
                break
        else:
            samples.refuse("move", "shift+right/left changed nothing (no focused topic?)")
            return


async def _votes(app: Any, frames: Frames, count: int, samples: Samples) -> None:
    if not has_key(app, "v"):
        samples.refuse("vote-picker", "no v key on the Board yet")
        samples.refuse("vote", "no v key on the Board yet")
        return
    for _ in range(count):
        before = app.session
        board = app.screen
        seconds = await timed_key(app, frames, "v")
        if not asking(app, board):
            reason = "v did not ask who votes" if app.session is before else ""
            if reason:
                samples.refuse("vote-picker", reason)
                samples.refuse("vote", reason)
                return
            samples.add("vote", seconds or 0.0)  # voted at once: no picker on this board
            continue
        samples.add("vote-picker", seconds or 0.0)
        _choose_voter(app)
        seconds = await timed_key(app, frames, "enter")
        if app.session is before or asking(app, board):
            samples.refuse("vote", "picking a voter with enter did not record a vote")
            while asking(app, board):
                await timed_key(app, frames, "escape")
            return
        samples.add("vote", seconds or 0.0)


def _choose_voter(app: Any) -> None:
    """Type the voter's name if the picker has a text field; a list keeps its highlight."""
    focused = app.focused
    if focused is not None and hasattr(focused, "value") and isinstance(focused.value, str):
        focused.value = VOTER


async def _sorts(app: Any, frames: Frames, count: int, samples: Samples) -> None:
    if not has_key(app, "s"):
        samples.refuse("sort", "no s key on the Board yet")
        return
    for _ in range(count):
        before = app.session
        seconds = await timed_key(app, frames, "s")
        if app.session is before or seconds is None:
            samples.refuse("sort", "s changed nothing")
            return
        samples.add("sort", seconds)


async def _add_forms(app: Any, frames: Frames, count: int, samples: Samples) -> None:
    """`a` to the add-topic form's frame; escape closes it again (not timed)."""
    if not has_key(app, "a"):
        samples.refuse("add-form", "no a key on the Board yet")
        return
    board = app.screen
    for _ in range(count):
        seconds = await timed_key(app, frames, "a")
        focused = app.focused
        if seconds is None or focused is None or not hasattr(focused, "value"):
            samples.refuse("add-form", "a did not open a form with a text field")
            return
        samples.add("add-form", seconds)
        await timed_key(app, frames, "escape")
        if app.screen is not board or (app.focused is not None and hasattr(app.focused, "value")):
            samples.refuse("add-form", "escape did not close the add-topic form")
            return


async def board_figures(
    big: tuple[Path, Session], example: tuple[Path, Session], batches: int, keys_each: int
) -> tuple[Samples, Samples]:
    """Alternate batches on the big and the example session."""
    subject, baseline = Samples(), Samples()
    for index in range(batches):
        order = [(big, subject), (example, baseline)]
        for (path, session), samples in order if index % 2 else reversed(order):
            await board_batch(path, session, keys_each, samples)
    return subject, baseline


def with_room_to_vote(session: Session) -> Session:
    """The session with a vote budget nobody has used up, so `v` always records a vote."""
    return board_ops.set_vote_budget(session, 999)


def forget_summaries() -> None:
    """Empty discover()'s cache of unchanged files' summaries and load's cache of recent
    parses, as in a fresh process."""
    from poforum_tui.store import discovery
    from poforum_tui.store.load import forget_parses

    getattr(discovery, "_summaries", {}).clear()
    forget_parses()


async def sessions_listing(folder: Path) -> float:
    """Seconds from starting an app on `folder` to its settled Sessions screen."""
    forget_summaries()  # as in a fresh process
    started = time.monotonic()
    app = make_app(folder)
    frames = watch_frames(app)
    async with app.run_test(size=SIZE, notifications=True):
        last = await settle(app, frames)
        if "Sessions" not in type(app.screen).__name__:
            raise NotApplicable("the app did not open on the Sessions screen")
    return (last or time.monotonic()) - started


async def sessions_figure(history: Path, examples: Path, runs: int) -> tuple[float, float]:
    subject: list[float] = []
    baseline: list[float] = []
    await sessions_listing(examples)  # warm-up
    for index in range(runs):
        order: list[tuple[Path, list[float]]] = [(history, subject), (examples, baseline)]
        for folder, into in order if index % 2 else reversed(order):
            into.append(await sessions_listing(folder))
    return statistics.median(subject) * 1000, statistics.median(baseline) * 1000
