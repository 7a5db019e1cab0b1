"""Pure board operations: move, reorder, vote and budget, sort, hide, hand-off to the agenda."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from poforum_tui.domain import Board, Column, DomainError, Session, Topic
from poforum_tui.domain import board as ops


def session(*topics: tuple[str, str, dict[str, int]], **board) -> Session:
    columns = (Column(id="new", title="New"), Column(id="top", title="Top"))
    cards = tuple(
        Topic(id=tid, title=f"Topic {tid}", column=column, votes=votes)
        for tid, column, votes in topics
    )
    return Session(
        title="Forum",
        date=dt.date(2026, 11, 17),
        board=Board(columns=columns, topics=cards, **board),
    )


def order(s: Session, column: str) -> list[str]:
    return [t.id for t in s.board.topics_in(column)]


def test_move_goes_to_the_end_of_the_next_column_and_stops_at_the_edges() -> None:
    s = session(("t1", "new", {}), ("t2", "top", {}), ("t3", "new", {}))
    moved = ops.move_topic(s, "t1", 1)
    assert order(moved, "top") == ["t2", "t1"]
    assert order(moved, "new") == ["t3"]
    assert ops.move_topic(moved, "t1", 1) is moved
    assert ops.move_topic(s, "t1", -1) is s


def test_reorder_skips_topics_of_other_columns() -> None:
    s = session(("t1", "new", {}), ("t2", "top", {}), ("t3", "new", {}))
    down = ops.reorder_topic(s, "t1", 1)
    assert order(down, "new") == ["t3", "t1"]
    assert order(down, "top") == ["t2"]
    assert ops.reorder_topic(down, "t1", 1) is down


def test_budget_is_a_third_of_the_topics_unless_set() -> None:
    s = session(*((f"t{n}", "new", {}) for n in range(1, 8)))
    assert s.board.vote_budget() == 3
    assert ops.set_vote_budget(s, 5).board.vote_budget() == 5
    with pytest.raises(DomainError, match="1 or more"):
        ops.set_vote_budget(s, 0)


def test_vote_over_budget_says_who_used_how_many() -> None:
    s = session(("t1", "new", {}), ("t2", "new", {}), votes_per_person=2)
    s = ops.vote(ops.vote(s, "t1", "Dana"), "t2", "Dana")
    assert s.board.votes_used("Dana") == 2
    with pytest.raises(DomainError, match="Dana has used 2 of 2 votes"):
        ops.vote(s, "t1", "Dana")
    assert ops.vote(s, "t1", "Eli").topic("t1").votes == {"Dana": 1, "Eli": 1}


def test_unvote_takes_back_one_dot() -> None:
    s = session(("t1", "new", {"Dana": 2, "Eli": 1}))
    once = ops.unvote(s, "t1", "Dana")
    assert once.topic("t1").votes == {"Dana": 1, "Eli": 1}
    assert ops.unvote(once, "t1", "Dana").topic("t1").votes == {"Eli": 1}
    with pytest.raises(DomainError, match="no vote"):
        ops.unvote(s, "t1", "Noa")


def test_sort_orders_by_votes_and_keeps_ties_in_place() -> None:
    s = session(
        ("t1", "new", {"A": 1}),
        ("t2", "top", {"A": 5}),
        ("t3", "new", {"A": 3}),
        ("t4", "new", {"B": 1}),
        ("t5", "new", {}),
    )
    sorted_ = ops.sort_column(s, "new")
    assert order(sorted_, "new") == ["t3", "t1", "t4", "t5"]
    assert order(sorted_, "top") == ["t2"]


def test_hide_toggles_tallies() -> None:
    s = session(("t1", "new", {}))
    assert ops.toggle_hidden(s).board.votes_hidden
    assert not ops.toggle_hidden(ops.toggle_hidden(s)).board.votes_hidden


def test_send_to_agenda_links_the_topic_with_minutes_or_a_pattern() -> None:
    s = session(("t1", "new", {}), ("t2", "new", {}))
    s = ops.send_to_agenda(s, "t1")
    item = s.agenda[-1]
    assert (item.title, item.minutes, item.topic, item.pattern) == (
        "Discuss: Topic t1",
        10,
        "t1",
        None,
    )
    s = ops.send_to_agenda(s, "t2", "7+5+3")
    assert (s.agenda[-1].minutes, s.agenda[-1].pattern) == (7, "7+5+3")  # first step
    with pytest.raises(DomainError, match="already on the agenda"):
        ops.send_to_agenda(s, "t1")


@pytest.mark.parametrize("text", ["", "ten", "0", "7+", "500", "300+300", "7+0"])
def test_bad_timebox_is_refused(text: str) -> None:
    with pytest.raises(DomainError):
        ops.parse_timebox(text)


def test_timebox_setting_is_kept_on_the_board_and_lean_coffee_defaults_to_a_pattern() -> None:
    s = session(("t1", "new", {}))
    assert ops.agenda_timebox(s) == "10"
    assert ops.agenda_timebox(s.model_copy(update={"kind": "lean-coffee"})) == "7+5+3"
    s = ops.set_agenda_timebox(s, " 5 + 5 ")
    assert ops.agenda_timebox(s) == "5+5"
    assert ops.send_to_agenda(s, "t1").agenda[-1].minutes == 5


def test_categories_are_the_suggested_ones_then_those_in_use() -> None:
    s = session(categories=("tools", "routines"))
    s = ops.add_topic(s, "new", "A", category="stakeholders")
    s = ops.add_topic(s, "new", "B", category="tools")
    assert ops.categories(s.board) == ["tools", "routines", "stakeholders"]


def test_filter_matches_title_author_and_category_in_any_case() -> None:
    topic = Topic(id="t1", title="Split stories", column="new", author="Dana", category="tools")
    assert ops.matches(topic, "SPLIT") and ops.matches(topic, "dana")
    assert ops.matches(topic, "tool") and ops.matches(topic, "  ")
    assert not ops.matches(topic, "roadmap")


def test_whitespace_title_is_refused() -> None:
    with pytest.raises(DomainError, match="title"):
        ops.add_topic(session(), "new", "   ")


def test_deleting_a_column_with_topics_needs_a_destination() -> None:
    s = session(("t1", "new", {}))
    with pytest.raises(DomainError, match="choose another column"):
        ops.delete_column(s, "new")
    moved = ops.delete_column(s, "new", "top")
    assert moved.board.column_ids() == ["top"] and order(moved, "top") == ["t1"]
    assert ops.delete_column(s, "top").board.column_ids() == ["new"]


votes_strategy = st.lists(
    st.tuples(st.sampled_from(["new", "top"]), st.integers(min_value=0, max_value=3)),
    max_size=12,
)


@given(votes_strategy)
def test_sort_is_stable_and_touches_only_its_column(cards: list[tuple[str, int]]) -> None:
    s = session(
        *(
            (f"t{n}", column, {"A": count} if count else {})
            for n, (column, count) in enumerate(cards)
        )
    )
    sorted_ = ops.sort_column(s, "new")
    before = s.board.topics_in("new")
    expected = sorted(before, key=lambda t: -t.vote_total)  # sorted() is stable
    assert sorted_.board.topics_in("new") == expected
    assert sorted_.board.topics_in("top") == s.board.topics_in("top")
    assert [t.column for t in sorted_.board.topics] == [t.column for t in s.board.topics]


@given(votes_strategy, st.integers(min_value=0, max_value=11), st.sampled_from([-1, 1]))
def test_moves_keep_every_topic_once(cards: list[tuple[str, int]], pick: int, delta: int) -> None:
    assume(cards)
    s = session(*((f"t{n}", column, {}) for n, (column, _count) in enumerate(cards)))
    topic_id = f"t{pick % len(cards)}"
    for moved in (ops.move_topic(s, topic_id, delta), ops.reorder_topic(s, topic_id, delta)):
        assert sorted(t.id for t in moved.board.topics) == sorted(t.id for t in s.board.topics)


def test_a_budget_of_one_is_one_vote_in_the_refusal() -> None:
    s = ops.vote(session(("t1", "new", {}), votes_per_person=1), "t1", "Dana")
    with pytest.raises(DomainError, match=r"^Dana has used 1 of 1 vote$"):
        ops.vote(s, "t1", "Dana")
