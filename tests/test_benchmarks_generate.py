"""The benchmark generators: deterministic by seed, and what they make loads like any session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from benchmarks.generate import big_session, weekly_sync, write_history
from poforum_tui.store import discover, dumps, load, parse


def test_big_session_has_the_promised_size() -> None:
    session = big_session(seed=1)
    assert len(session.board.topics) == 1_000
    assert len(session.board.columns) == 8
    assert len(session.agenda) == 40
    assert len(session.decisions) == 300
    assert {t.column for t in session.board.topics} == set(session.board.column_ids())
    assert sum(1 for t in session.board.topics if t.votes) > 300


def test_big_session_is_deterministic_by_seed() -> None:
    assert dumps(big_session(seed=3)) == dumps(big_session(seed=3))
    assert dumps(big_session(seed=3)) != dumps(big_session(seed=4))


def test_big_session_saves_and_loads_back_equal() -> None:
    session = big_session(seed=2)
    text = dumps(session)
    assert parse(text.encode(), "big.toml") == session


def test_big_session_leaves_every_voter_budget_to_vote() -> None:
    board = big_session(seed=1).board
    for name in {voter for topic in board.topics for voter in topic.votes}:
        assert board.votes_used(name) < board.vote_budget()


def test_weekly_syncs_are_deterministic_and_follow_each_other() -> None:
    first, second = weekly_sync(1, 0, None), weekly_sync(1, 1, "previous.toml")
    assert dumps(first) == dumps(weekly_sync(1, 0, None))
    assert second.date - first.date == dt.timedelta(weeks=1)
    assert second.follows == "previous.toml" and first.kind == "po-sync"


def test_history_is_two_years_of_weekly_files_that_all_load(tmp_path: Path) -> None:
    paths = write_history(tmp_path / "a", seed=5)
    assert len(paths) == 200 and len(set(paths)) == 200
    sessions = [load(path) for path in paths]
    assert (sessions[-1].date - sessions[0].date).days == 199 * 7
    assert all(s.follows == p.name for s, p in zip(sessions[1:], paths, strict=False))
    listed = discover(tmp_path / "a")
    assert len(listed) == 200 and listed[0].path == paths[-1]  # newest first, none broken
    again = write_history(tmp_path / "b", seed=5)
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again]
