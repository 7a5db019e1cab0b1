"""Issue 19's benchmark data: deterministic, loads like any session, carries like carry-over."""

from __future__ import annotations

from pathlib import Path

from benchmarks.dependencies import session_with_dependencies, write_dependency_history
from poforum_tui.store import dumps, load, parse
from poforum_tui.store.decision_log import read_log


def test_session_with_500_dependencies_is_deterministic_and_round_trips() -> None:
    session = session_with_dependencies(seed=1)
    assert len(session.dependencies) == 500
    assert dumps(session) == dumps(session_with_dependencies(seed=1))
    assert parse(dumps(session).encode(), "x.toml") == session
    assert {d.status for d in session.dependencies} >= {"done", "at-risk", "blocked"}


def test_dependency_history_carries_open_ones_with_ids_kept(tmp_path: Path) -> None:
    paths = write_dependency_history(tmp_path / "h", seed=2, weeks=12)
    sessions = [load(path) for path in paths]
    assert len(paths) == 12
    last, before = sessions[-1], sessions[-2]
    carried = [d for d in last.dependencies if d.carried_from]
    assert carried and all(d.carried_from == paths[-2].name for d in carried)
    assert {d.id for d in carried} <= {d.id for d in before.dependencies if d.is_open}
    log = read_log(tmp_path / "h")
    assert len(log.dependencies) == len({d.id for s in sessions for d in s.dependencies})
