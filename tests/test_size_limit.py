"""One size limit: counted alike in a file and in a session being edited, enforced where items
are added, and never a file written that poforum would refuse to open (issue 18)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from benchmarks.generate import big_session
from poforum_tui.domain import DomainError, Session
from poforum_tui.domain import agenda as agenda_ops
from poforum_tui.domain import board as board_ops
from poforum_tui.domain import decisions as decision_ops
from poforum_tui.domain import participants as people_ops
from poforum_tui.domain.limits import MAX_ITEMS, count_items
from poforum_tui.store import dumps, load, save
from poforum_tui.store import limits as store_limits
from tests.conftest import FORUM


def test_a_session_and_its_file_count_the_same(sessions_dir: Path) -> None:
    for session in (load(sessions_dir / FORUM), big_session(seed=1)):
        assert count_items(session) == count_items(tomllib.loads(dumps(session)))


def test_a_ten_thousand_topic_session_fits(tmp_path: Path) -> None:
    session = big_session(seed=1, topics=10_000)
    assert count_items(session) < MAX_ITEMS
    path = tmp_path / "2026-12-01-big.toml"
    save(session, path)
    assert len(load(path).board.topics) == 10_000
    column = session.board.columns[0].id
    assert len(board_ops.add_topic(session, column, "One more").board.topics) == 10_001


def full(session: Session, room: int = 0) -> Session:
    """`session` with agreement lines added until it holds MAX_ITEMS - room items."""
    lines = MAX_ITEMS - room - count_items(session) + len(session.working_agreement)
    return session.model_copy(update={"working_agreement": ("Keep it short",) * lines})


@pytest.fixture
def at_limit(sessions_dir: Path) -> Session:
    session = full(load(sessions_dir / FORUM))
    assert count_items(session) == MAX_ITEMS
    return session


ADDS = {
    "topic": lambda s: board_ops.add_topic(s, s.board.columns[0].id, "One more"),
    "column": lambda s: board_ops.add_column(s, "Later"),
    "agenda item": lambda s: agenda_ops.add_item(s, "Wrap up", 5),
    "decision": lambda s: decision_ops.add_decision(s, "action", "Write it down"),
    "participant": lambda s: people_ops.add_participant(s, "Newcomer"),
    "agreement": lambda s: people_ops.add_agreement(s, "One more rule"),
    "vote of a new voter": lambda s: board_ops.vote(s, s.board.topics[0].id, "Newcomer"),
}


@pytest.mark.parametrize("what", list(ADDS))
def test_adds_are_refused_at_the_limit_with_the_reason(at_limit: Session, what: str) -> None:
    with pytest.raises(DomainError, match=f"up to {MAX_ITEMS:,} items"):
        ADDS[what](at_limit)
    assert count_items(ADDS[what](full(at_limit, room=5))) <= MAX_ITEMS


def test_another_dot_from_someone_who_voted_is_no_new_item(at_limit: Session) -> None:
    roomy = board_ops.set_vote_budget(full(at_limit, room=1), 999)
    topic = roomy.board.topics[0].id
    voted = board_ops.vote(roomy, topic, "Newcomer")  # the last item that fits
    assert count_items(voted) == MAX_ITEMS
    again = board_ops.vote(voted, topic, "Newcomer")
    assert again.board.topics[0].votes == {"Newcomer": 2} and count_items(again) == MAX_ITEMS


def test_what_the_app_may_build_it_opens_again(at_limit: Session, tmp_path: Path) -> None:
    path = tmp_path / "2026-11-17-full.toml"
    save(at_limit, path)
    assert count_items(load(path)) == MAX_ITEMS


def test_a_file_poforum_would_not_open_is_never_written(sessions_dir: Path, monkeypatch) -> None:
    path = sessions_dir / FORUM
    before = path.read_bytes()
    changed = load(path).model_copy(update={"title": "Changed"})
    monkeypatch.setattr(store_limits, "MAX_BYTES", len(before) // 2)
    with pytest.raises(OSError, match="opens session files up to"):
        save(changed, path)
    assert path.read_bytes() == before
