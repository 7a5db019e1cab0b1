"""A column's cards as lines: the cursor follows its topic, scrolling keeps it in view."""

from __future__ import annotations

from poforum_tui.domain import Column, Topic
from poforum_tui.screens.board.column_cards import GAP, ColumnCards

COLUMN = Column(id="c", title="Collected")


def topics(count: int) -> tuple[Topic, ...]:
    return tuple(Topic(id=f"t{n}", title=f"Topic {n}", column="c") for n in range(count))


def cards_of(count: int, width: int = 20) -> ColumnCards:
    cards = ColumnCards(COLUMN)
    shown = topics(count)
    cards.set_topics(COLUMN, shown, shown, hidden=False, filtering=False)
    cards.set_size(width)
    return cards


def test_the_cursor_stays_on_its_topic_when_others_come_and_go() -> None:
    cards = cards_of(5)
    cards.move_cursor(3)
    fewer = tuple(t for t in topics(5) if t.id != "t1")
    assert cards.set_topics(COLUMN, fewer, fewer, hidden=False, filtering=False)
    assert cards.current.id == "t3" and cards.cursor == 2


def test_nothing_changes_when_the_same_topics_come_back() -> None:
    cards = cards_of(3)
    same = cards.shown
    assert not cards.set_topics(COLUMN, same, same, hidden=False, filtering=False)


def test_scrolling_to_the_cursor_moves_the_least_and_the_thumb_follows() -> None:
    cards = cards_of(30)
    rows = 10
    each = len(cards.lines[0]) + GAP
    assert cards.thumb(rows) == (0, max(1, round(rows * rows / cards.height)))
    cards.move_cursor(29)
    cards.scroll_to_cursor(rows)
    assert cards.top == cards.height - rows  # the last card ends at the bottom row
    start, size = cards.thumb(rows)
    assert start + size == rows
    cards.move_cursor(28)
    cards.scroll_to_cursor(rows)
    assert cards.top == cards.height - rows  # still in view: no scroll
    cards.move_cursor(0)
    cards.scroll_to_cursor(rows)
    assert cards.top == 0
    assert cards.page_target(1, rows) == rows // each


def test_a_column_that_fits_has_no_thumb_and_an_empty_one_says_how_to_add() -> None:
    assert cards_of(1).thumb(10) is None
    empty = cards_of(0)
    assert empty.current is None and empty.line(0) == (-1, None)
    assert empty.empty_text == "Empty: press a"


def test_the_title_counts_the_filtered_cards_and_clips_a_long_name() -> None:
    cards = ColumnCards(Column(id="c", title="A very long column title indeed"))
    every = topics(4)
    cards.set_topics(cards.column, every, every[:1], hidden=False, filtering=True)
    name, tail = cards.title_parts(16)
    assert tail == " 1 of 4" and name.endswith("…") and len(name + tail) <= 16


def long_topics(count: int) -> tuple[Topic, ...]:
    title = "How do we split the stories that span two teams without a shared backlog?"
    return tuple(
        Topic(id=f"t{n}", title=title, column="c", author="Priya Natarajan", category="splitting")
        for n in range(count)
    )


def texts(cards: ColumnCards) -> list[str]:
    return [
        "".join(text for text, _ in line.parts).rstrip() for card in cards.lines for line in card
    ]


def test_a_column_that_fits_shows_every_word_and_one_that_does_not_is_compact() -> None:
    cards = ColumnCards(COLUMN)
    shown = long_topics(2)
    cards.set_topics(COLUMN, shown, shown, hidden=False, filtering=False)
    cards.set_size(16, 40)  # room for both cards whole
    assert cards.level == 0 and cards.level_at(16, 6) == 2 and cards.level_at(30, 40) == 0
    lines = texts(cards)
    assert not any("…" in line for line in lines)
    assert "Priya Natarajan" in lines and "splitting" in lines  # details wrap, part by part
    cards.set_size(16, 14)  # whole titles, details on one line
    assert "backlog?" in texts(cards) and any(line.endswith("…") for line in texts(cards))
    assert len(cards.lines[0]) == 6
    cards.set_size(16, 6)  # too few rows for whole titles: compact cards
    assert cards.level == 2
    assert [len(card) for card in cards.lines] == [4, 4]
    cards.set_size(16)  # no rows known yet: compact
    assert [len(card) for card in cards.lines] == [4, 4]
