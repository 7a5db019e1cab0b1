"""The bench's table and verdicts (no timing here: figures are given, not measured)."""

from __future__ import annotations

from benchmarks.measure import Figure, interleaved, table


def test_ratio_and_absolute_targets_are_judged() -> None:
    assert Figure("a", "b", "<= 1.25x", subject=120, base=100, limit_ratio=1.25).met == "yes"
    assert Figure("a", "b", "<= 1.25x", subject=130, base=100, limit_ratio=1.25).met == "NO"
    assert Figure("a", "b", "<= 30 ms", subject=31, base=5, limit_abs=30).met == "NO"
    assert Figure("a", "b", "-", subject=31, base=5).met == "-"
    assert Figure("a", "b", "<= 30 ms", na="no key yet", limit_abs=30).met == "n/a"


def test_table_has_one_row_per_figure_and_says_why_a_figure_is_missing() -> None:
    text = table(
        [
            Figure("startup", "minimal app", "<= 1.25x", subject=400, base=320, limit_ratio=1.25),
            Figure("move", "example board", "<= 30 ms", na="no shift+right key yet"),
        ]
    )
    lines = text.splitlines()
    header = [cell.strip() for cell in lines[0].split("|")[1:-1]]
    assert header == ["figure", "median", "baseline median", "ratio", "target", "met?"]
    assert len(lines) == 4
    assert "1.25x" in lines[2] and "400 ms" in lines[2] and "320 ms (minimal app)" in lines[2]
    assert "n/a: no shift+right key yet" in lines[3] and lines[3].split("|")[-2].strip() == "n/a"


def test_interleaved_alternates_and_takes_medians() -> None:
    calls: list[str] = []
    values = iter(range(100))

    def subject() -> float:
        calls.append("s")
        return float(next(values))

    def baseline() -> float:
        calls.append("b")
        return 0.0

    medians = interleaved(subject, baseline, runs=3, warmup=1)
    assert calls == ["b", "s", "b", "s", "s", "b", "b", "s"]
    assert medians == (2.0, 0.0)
