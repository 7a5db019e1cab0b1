"""The room's settings keys and participant requests as pure domain operations."""

from __future__ import annotations

import pytest

from poforum_tui.domain import DomainError
from poforum_tui.domain import room as room_ops
from poforum_tui.store import dumps, load, parse
from tests.conftest import EXAMPLES, FORUM


@pytest.fixture
def session():
    return load(EXAMPLES / FORUM)


def test_settings_default_to_open_and_are_not_written(session) -> None:
    assert room_ops.settings(session.board) == room_ops.RoomSettings(True, True, False)
    original = (EXAMPLES / FORUM).read_text(encoding="utf-8")
    assert dumps(session) == original
    for key in room_ops.SETTINGS:
        toggled = room_ops.toggle_setting(session, key)
        assert f"\n{key} = " in dumps(toggled)
        assert dumps(room_ops.toggle_setting(toggled, key)) == original  # back: byte-identical


def test_settings_survive_a_save_and_load(session) -> None:
    closed = room_ops.set_setting(session, "collecting", False)
    closed = room_ops.set_setting(closed, "cards_hidden", True)
    again = parse(dumps(closed).encode(), "x.toml")
    assert room_ops.settings(again.board) == room_ops.RoomSettings(False, True, True)
    assert "collecting = false\n" in dumps(again) and "cards_hidden = true\n" in dumps(again)


def test_a_setting_that_is_not_a_boolean_is_a_located_error() -> None:
    from poforum_tui.store import SessionFileError

    text = 'schema = 1\ntitle = "x"\ndate = 2026-12-01\n\n[board]\nvoting = "no"\n'
    with pytest.raises(SessionFileError) as caught:
        parse(text.encode(), "x.toml")
    assert str(caught.value) == "x.toml:6:10: board.voting: must be true or false"


def test_join_adds_once_and_refuses_bad_names(session) -> None:
    joined = room_ops.join(session, " Ada  Lovelace ")
    assert joined.participants[-1].name == "Ada Lovelace"
    assert room_ops.join(joined, "Ada Lovelace") is joined
    for bad, reason in [
        ("   ", "Your name must not be empty"),
        ("a\x1b[2J", "Your name must not hold control characters"),
        ("x" * 81, "Your name is 81 characters; at most 80 please"),
    ]:
        with pytest.raises(DomainError, match=reason.replace("[", r"\[")):
            room_ops.join(session, bad)


def test_add_topic_goes_to_the_first_column_unless_collection_is_closed(session) -> None:
    added = room_ops.add_topic(session, "Ada", "Line one\nline two")
    topic = added.board.topics[-1]
    assert (topic.title, topic.column, topic.author) == (
        "Line one line two",
        session.board.columns[0].id,
        "Ada",
    )
    closed = room_ops.set_setting(session, "collecting", False)
    with pytest.raises(DomainError, match=r"^Collection is closed"):
        room_ops.add_topic(closed, "Ada", "Late")


def test_vote_uses_the_boards_budget_and_closes(session) -> None:
    topic = session.board.topics[0].id
    for _ in range(3):
        session = room_ops.vote(session, topic, "Ada")
    with pytest.raises(DomainError, match=r"^Ada has used 3 of 3 votes$"):
        room_ops.vote(session, topic, "Ada")
    closed = room_ops.set_setting(session, "voting", False)
    with pytest.raises(DomainError, match=r"^Voting is closed"):
        room_ops.unvote(closed, topic, "Ada")
    assert room_ops.roster(session, ["Ada", "Bea"]) == [("Ada", 3, 3), ("Bea", 0, 3)]


def test_the_room_cannot_flood_the_file(session, monkeypatch) -> None:
    monkeypatch.setattr(room_ops, "MAX_PARTICIPANTS", len(session.participants) + 1)
    monkeypatch.setattr(room_ops, "MAX_TOPICS", len(session.board.topics) + 1)
    session = room_ops.join(session, "One more")
    with pytest.raises(DomainError, match=r"^The room is full"):
        room_ops.join(session, "Too many")
    assert room_ops.join(session, "One more") is session  # a known name still joins
    session = room_ops.add_topic(session, "One more", "Last one")
    with pytest.raises(DomainError, match=r"^The board is full"):
        room_ops.add_topic(session, "One more", "Over")
