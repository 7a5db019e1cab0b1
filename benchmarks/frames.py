"""When did the screen last change? Frame timestamps and a settle that does not sleep.

`watch_frames(app)` records the time of every frame the app paints (headless too: it also
renders the update to terminal text, as a real terminal would need). `settle(app)` waits until
the app and every widget on the screen have handled what was queued and the screen has
refreshed, repeating while that keeps producing frames. A figure is then "the last frame
before the app went quiet" minus "when the key was sent": the settle's own cost never counts.

Pilot.pause() is not used: it sleeps at least 20 ms to detect idleness.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

MAX_ROUNDS = 40
QUIET = 0.05
DRAIN_LIMIT = 30.0
SETTLE_LIMIT = 60.0


class Frames:
    """Monotonic times of the frames `app` painted."""

    def __init__(self) -> None:
        self.times: list[float] = []

    @property
    def last(self) -> float | None:
        return self.times[-1] if self.times else None


def watch_frames(app: Any) -> Frames:
    """Time-stamp every frame `app` paints from now on."""
    frames = Frames()
    display = app._display  # Textual's one exit for a frame (screen.py: _compositor_refresh)

    def timed_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is None or app._batch_count:
            return
        render = getattr(renderable, "render_segments", None)
        if render is not None and app.is_headless:
            render(app.console)  # the terminal text a real driver would have written
        frames.times.append(time.monotonic())

    app._display = timed_display
    return frames


async def drain(app: Any) -> None:
    """Wait until the app and every node on its screen have handled what is queued now."""
    try:
        screen = app.screen
    except Exception:
        return
    waiting = []
    for node in (app, *screen.walk_children(with_self=True)):
        done = asyncio.Event()
        if node.call_later(done.set):
            waiting.append((node, done))
    give_up = time.monotonic() + DRAIN_LIMIT
    for node, done in waiting:
        # A node removed meanwhile (a re-mounted board) never runs its callback.
        while not done.is_set() and node.is_running and not node._closing:
            if time.monotonic() > give_up:
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), 0.05)


async def settle(app: Any, frames: Frames) -> float | None:
    """Wait for the app to go quiet; the time of the last frame it painted, if any.

    Quiet means a round (drain, end of any batch, a refresh, drain) painted nothing, and neither
    did the process once it was idle: Textual paints from timers too (switch_mode delays
    updates by 50 ms; the screen repaints from a 60 Hz timer).
    """
    give_up = time.monotonic() + SETTLE_LIMIT
    for _ in range(MAX_ROUNDS):
        if not app.is_running or time.monotonic() > give_up:  # crashed, or never quiet
            break
        painted = len(frames.times)
        await drain(app)
        while app._batch_count and app.is_running and time.monotonic() < give_up:
            await asyncio.sleep(0.001)
        screen = app.screen
        if screen.is_running:
            with contextlib.suppress(TimeoutError):  # a dismissed screen never refreshes
                await asyncio.wait_for(screen.wait_for_refresh(), 1.0)
        await drain(app)
        if len(frames.times) == painted:
            await idle()
            await drain(app)
            if len(frames.times) == painted:
                break
    return frames.last


async def respond(app: Any, frames: Frames) -> float | None:
    """The time of the frame that shows a key's effect: the last one painted by the moment every
    queue has handled the key's messages and the screen has refreshed after them. Frames that
    timers paint later (autosave status, a toast going away) do not count; the app is then left
    to go quiet before the next key."""
    for _ in range(2):  # the second drain reaches widgets the first one's work mounted
        await drain(app)
    give_up = time.monotonic() + SETTLE_LIMIT
    while app._batch_count and app.is_running and time.monotonic() < give_up:
        await asyncio.sleep(0.001)
    screen = app.screen
    if screen.is_running:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(screen.wait_for_refresh(), 1.0)
    shown = frames.last
    await settle(app, frames)
    return shown


async def idle(window: float = QUIET, limit: float = 10.0) -> None:
    """Wait until the process spends a whole `window` (nearly) without CPU, like Textual's
    wait_for_idle: work scheduled by timers (the screen's update timer) is not in any queue."""
    give_up = time.monotonic() + limit
    while time.monotonic() < give_up:
        cpu = time.process_time()
        await asyncio.sleep(window)
        if time.process_time() - cpu < window * 0.1:
            return
