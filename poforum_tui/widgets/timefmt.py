"""Durations as text: `07:40`, `1:02:05`, `-02:15`."""

from __future__ import annotations


def mmss(seconds: int) -> str:
    """`mm:ss` below an hour, `h:mm:ss` above; a leading minus for negative values."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"
