"""One beat a second for everything that moves with the meeting's clock.

The Agenda, presenter mode and each header's running clock had a one-second timer each,
started whenever they were mounted: the app woke several times a second, at moments that
had nothing to do with the clock, and a second shown could change up to a second late. One
beat, just after the wall clock's second turns (the session's clock counts whole seconds),
wakes the app once and moves every number together, in one frame.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from weakref import WeakKeyDictionary

from textual.app import App
from textual.dom import DOMNode
from textual.timer import Timer

AFTER_THE_SECOND = 0.02
"""How long after the wall clock's second turns the beat comes (the clock reads the new one)."""


def delay_to_next_beat(now: float, after: float = AFTER_THE_SECOND) -> float:
    """Seconds from `now` (time.time()) to the next beat: `after` past a whole second."""
    return 1.0 - (now - after) % 1.0


class Heartbeat:
    """The app's beat: `listen(node, callback)`; a node's callbacks stop when it closes."""

    def __init__(self, app: App[object]) -> None:
        self._app = app
        self._listeners: list[tuple[DOMNode, Callable[[], object]]] = []
        self._timer: Timer | None = None

    def listen(self, node: DOMNode, callback: Callable[[], object]) -> None:
        self._listeners.append((node, callback))
        if self._timer is None:
            self._wait()

    def _wait(self) -> None:
        self._timer = self._app.set_timer(delay_to_next_beat(time.time()), self._beat)

    def _beat(self) -> None:
        self._timer = None
        self.call_listeners()
        if self._listeners:
            self._wait()

    def call_listeners(self) -> None:
        """Call every listener whose node still runs, in the order they came."""
        self._listeners = [(node, call) for node, call in self._listeners if node.is_running]
        for _node, callback in list(self._listeners):
            callback()


_BEATS: WeakKeyDictionary[App[object], Heartbeat] = WeakKeyDictionary()


def heartbeat(app: App[object]) -> Heartbeat:
    """The app's one heartbeat."""
    beat = _BEATS.get(app)
    if beat is None:
        beat = _BEATS[app] = Heartbeat(app)
    return beat


def every_second(node: DOMNode, callback: Callable[[], object]) -> None:
    """Call `callback` on the app's beat, once a second, while `node` runs."""
    heartbeat(node.app).listen(node, callback)
