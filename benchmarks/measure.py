"""Interleaved medians, and the one table `make bench` prints.

The machine is shared and noisy, so each figure alternates its baseline and its subject run by
run (after a warm-up of each) and compares medians; a figure that cannot be measured yet says
why instead of stopping the bench.
"""

from __future__ import annotations

import statistics
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


class NotApplicable(Exception):
    """This figure cannot be measured on this code yet; the message says why."""


@dataclass
class Figure:
    name: str
    baseline: str
    target: str  # shown as is, e.g. "<= 1.25x" or "<= 30 ms"
    unit: str = "ms"
    subject: float | None = None
    base: float | None = None
    limit_ratio: float | None = None
    limit_abs: float | None = None  # in `unit`
    na: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.subject is None or not self.base:
            return None
        return self.subject / self.base

    @property
    def met(self) -> str:
        if self.na is not None or self.subject is None:
            return "n/a"
        checks = []
        if self.limit_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= self.limit_ratio)
        if self.limit_abs is not None:
            checks.append(self.subject <= self.limit_abs)
        if not checks:
            return "-"
        return "yes" if all(checks) else "NO"


def interleaved(
    subject: Callable[[], float],
    baseline: Callable[[], float],
    runs: int,
    warmup: int = 1,
) -> tuple[float, float]:
    """Medians of `runs` alternating samples of each, after `warmup` of each."""
    for _ in range(warmup):
        baseline()
        subject()
    subjects, baselines = [], []
    for index in range(runs):
        order = (baseline, subject) if index % 2 == 0 else (subject, baseline)
        for run in order:
            (baselines if run is baseline else subjects).append(run())
    return statistics.median(subjects), statistics.median(baselines)


async def interleaved_async(
    subject: Callable[[], Awaitable[list[float]]],
    baseline: Callable[[], Awaitable[list[float]]],
    runs: int,
) -> tuple[float, float]:
    """Like `interleaved`, for samplers that return several samples each (medians of all)."""
    subjects: list[float] = []
    baselines: list[float] = []
    for index in range(runs):
        order = (baseline, subject) if index % 2 == 0 else (subject, baseline)
        for run in order:
            (baselines if run is baseline else subjects).extend(await run())
    if not subjects or not baselines:
        raise NotApplicable("no samples")
    return statistics.median(subjects), statistics.median(baselines)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit.startswith("%"):
        return f"{value:.2f} {unit}"
    return f"{value:.0f} {unit}"


def table(figures: list[Figure]) -> str:
    """One table: figure, median, baseline median, ratio, target, met? (and n/a reasons)."""
    header = ("figure", "median", "baseline median", "ratio", "target", "met?")
    rows = []
    for figure in figures:
        if figure.na is not None:
            rows.append((figure.name, f"n/a: {figure.na}", "", "", figure.target, "n/a"))
            continue
        ratio = figure.ratio
        rows.append(
            (
                figure.name,
                _number(figure.subject, figure.unit),
                f"{_number(figure.base, figure.unit)} ({figure.baseline})",
                "-" if ratio is None else f"{ratio:.2f}x",
                figure.target,
                figure.met,
            )
        )
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        cells = (str(c).ljust(w) for c, w in zip(row, widths, strict=True))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
