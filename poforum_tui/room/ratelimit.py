"""A token bucket per browser, so a stuck key or a runaway script cannot flood the board."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

TOO_MANY = "Too many requests from this browser: wait a moment and try again."


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimit:
    """`burst` requests at once, then `per_second` more each second, per key."""

    def __init__(
        self,
        burst: int = 10,
        per_second: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ) -> None:
        self.burst = burst
        self.per_second = per_second
        self._monotonic = monotonic
        self._max_keys = max_keys
        self._buckets: dict[str, _Bucket] = {}

    def allow(self, key: str) -> bool:
        """Take one request from `key`'s bucket; False when it is empty."""
        now = self._monotonic()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self._max_keys:
                self._forget_full(now)
            bucket = self._buckets[key] = _Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.per_second)
        bucket.updated = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True

    def _forget_full(self, now: float) -> None:
        """Drop the buckets that have refilled (they hold no state worth keeping)."""
        refill = self.burst / self.per_second
        self._buckets = {k: b for k, b in self._buckets.items() if now - b.updated < refill}
