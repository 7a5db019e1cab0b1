"""Pure board operations: topics, columns and dot voting. Each returns a new Session."""

from __future__ import annotations

import datetime as dt

from poforum_tui.domain._build import build, replace, swap
from poforum_tui.domain.agenda import ACTIVE, elapsed_seconds, parse_pattern
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.ids import next_id, slugify
from poforum_tui.domain.limits import within_limit
from poforum_tui.domain.models import (
    MAX_TIMEBOX,
    MIN_TIMEBOX,
    AgendaItem,
    Board,
    Column,
    Session,
    Topic,
)

DEFAULT_TIMEBOX = "10"
LEAN_COFFEE_TIMEBOX = "7+5+3"


def _board(session: Session, **changes) -> Session:
    return session.model_copy(update={"board": session.board.model_copy(update=changes)})


def _topic_index(session: Session, topic_id: str) -> int:
    for index, topic in enumerate(session.board.topics):
        if topic.id == topic_id:
            return index
    raise DomainError(f"no topic {topic_id!r}")


def _column_index(board: Board, column_id: str) -> int:
    for index, column in enumerate(board.columns):
        if column.id == column_id:
            return index
    raise DomainError(f"no column {column_id!r}")


def _with_topic(session: Session, index: int, topic: Topic) -> Session:
    topics = list(session.board.topics)
    topics[index] = topic
    return _board(session, topics=tuple(topics))


def add_topic(session: Session, column_id: str, title: str, **fields) -> Session:
    """Append a topic to the end of a column."""
    _column_index(session.board, column_id)
    topic = build(
        Topic,
        id=next_id("t", (t.id for t in session.board.topics)),
        title=title,
        column=column_id,
        **fields,
    )
    return within_limit(_board(session, topics=(*session.board.topics, topic)), "another topic")


def edit_topic(session: Session, topic_id: str, **changes) -> Session:
    if "column" in changes:
        _column_index(session.board, changes["column"])
    index = _topic_index(session, topic_id)
    return _with_topic(session, index, replace(session.board.topics[index], **changes))


def delete_topic(session: Session, topic_id: str) -> Session:
    """Remove a topic; decisions and agenda items that linked to it lose the link."""
    index = _topic_index(session, topic_id)
    topics = session.board.topics[:index] + session.board.topics[index + 1 :]
    decisions = tuple(
        d.model_copy(update={"topic": None}) if d.topic == topic_id else d
        for d in session.decisions
    )
    agenda = tuple(
        i.model_copy(update={"topic": None}) if i.topic == topic_id else i for i in session.agenda
    )
    session = session.model_copy(update={"decisions": decisions, "agenda": agenda})
    return _board(session, topics=topics)


def move_topic(session: Session, topic_id: str, delta: int) -> Session:
    """Move a topic to the previous (-1) or next (+1) column, at the end of that column."""
    board = session.board
    topic = board.topics[_topic_index(session, topic_id)]
    target = _column_index(board, topic.column) + delta
    if not 0 <= target < len(board.columns):
        return session
    column = board.columns[target].id
    topics = tuple(t for t in board.topics if t.id != topic_id)
    return _board(session, topics=(*topics, topic.model_copy(update={"column": column})))


def reorder_topic(session: Session, topic_id: str, delta: int) -> Session:
    """Move a topic up (-1) or down (+1) within its column."""
    topics = session.board.topics
    index = _topic_index(session, topic_id)
    column = topics[index].column
    same = [i for i, t in enumerate(topics) if t.column == column]
    position = same.index(index) + delta
    if not 0 <= position < len(same):
        return session
    return _board(session, topics=swap(topics, index, same[position]))


def vote(session: Session, topic_id: str, voter: str) -> Session:
    """One more dot from `voter`, refused once they have used their budget."""
    if not voter.strip():
        raise DomainError("who votes? a voter's name must not be empty")
    board = session.board
    budget = board.vote_budget()
    used = board.votes_used(voter)
    if used >= budget:
        noun = "vote" if budget == 1 else "votes"
        raise DomainError(f"{voter} has used {used} of {budget} {noun}")
    index = _topic_index(session, topic_id)
    topic = board.topics[index]
    votes = {**topic.votes, voter: topic.votes.get(voter, 0) + 1}
    voted = _with_topic(session, index, topic.model_copy(update={"votes": votes}))
    return voted if voter in topic.votes else within_limit(voted, "another vote")


def unvote(session: Session, topic_id: str, voter: str) -> Session:
    """Take back one of `voter`'s dots on a topic."""
    index = _topic_index(session, topic_id)
    topic = session.board.topics[index]
    count = topic.votes.get(voter, 0)
    if count == 0:
        raise DomainError(f"{voter} has no vote on this topic")
    votes = {name: n for name, n in topic.votes.items() if name != voter}
    if count > 1:
        votes = {**topic.votes, voter: count - 1}
    return _with_topic(session, index, topic.model_copy(update={"votes": votes}))


def clear_votes(session: Session) -> Session:
    topics = tuple(t.model_copy(update={"votes": {}}) for t in session.board.topics)
    return _board(session, topics=topics)


def set_vote_budget(session: Session, votes_per_person: int | None) -> Session:
    if votes_per_person is not None and votes_per_person < 1:
        raise DomainError("votes per person must be 1 or more")
    return _board(session, votes_per_person=votes_per_person)


def toggle_hidden(session: Session) -> Session:
    return _board(session, votes_hidden=not session.board.votes_hidden)


def sort_column(session: Session, column_id: str) -> Session:
    """Order a column's topics by votes, most first; ties keep their order."""
    _column_index(session.board, column_id)
    topics = session.board.topics
    slots = [i for i, t in enumerate(topics) if t.column == column_id]
    ranked = sorted((topics[i] for i in slots), key=lambda t: -t.vote_total)
    listed = list(topics)
    for slot, topic in zip(slots, ranked, strict=True):
        listed[slot] = topic
    return _board(session, topics=tuple(listed))


def ranked_topics(board: Board) -> list[Topic]:
    """Every topic with votes, most first, across all columns; ties in column order, then
    in their order within the column."""
    place = {column.id: index for index, column in enumerate(board.columns)}
    voted = [(index, t) for index, t in enumerate(board.topics) if t.vote_total]
    voted.sort(key=lambda pair: (-pair[1].vote_total, place.get(pair[1].column, 0), pair[0]))
    return [topic for _, topic in voted]


def add_column(session: Session, title: str) -> Session:
    existing = session.board.column_ids()
    column_id = slugify(title, fallback="column")
    if column_id in existing:
        column_id = next_id(f"{column_id}-", existing)
    column = build(Column, id=column_id, title=title)
    return within_limit(_board(session, columns=(*session.board.columns, column)), "a column")


def rename_column(session: Session, column_id: str, title: str) -> Session:
    board = session.board
    index = _column_index(board, column_id)
    columns = list(board.columns)
    columns[index] = replace(columns[index], title=title)
    return _board(session, columns=tuple(columns))


def move_column(session: Session, column_id: str, delta: int) -> Session:
    board = session.board
    index = _column_index(board, column_id)
    other = index + delta
    if not 0 <= other < len(board.columns):
        return session
    return _board(session, columns=swap(board.columns, index, other))


def delete_column(session: Session, column_id: str, move_to: str | None = None) -> Session:
    """Remove a column; its topics go to `move_to` (required when it has any)."""
    board = session.board
    _column_index(board, column_id)
    has_topics = any(t.column == column_id for t in board.topics)
    if has_topics and (move_to is None or move_to == column_id):
        raise DomainError("this column has topics: choose another column for them")
    if move_to is not None:
        _column_index(board, move_to)
    topics = tuple(
        t.model_copy(update={"column": move_to}) if t.column == column_id else t
        for t in board.topics
    )
    columns = tuple(c for c in board.columns if c.id != column_id)
    return _board(session, columns=columns, topics=topics)


# -- prioritizing and handing off --------------------------------------------------------


def categories(board: Board) -> list[str]:
    """The board's suggested categories, then any other category already used on a topic."""
    listed = list(dict.fromkeys(board.categories))
    known = set(listed)
    for topic in board.topics:
        if topic.category and topic.category not in known:
            known.add(topic.category)
            listed.append(topic.category)
    return listed


def matches(topic: Topic, query: str) -> bool:
    """Whether the filter text occurs in the topic's title, author or category (any case)."""
    needle = query.strip().casefold()
    if not needle:
        return True
    haystack = " ".join(part for part in (topic.title, topic.author, topic.category) if part)
    return needle in haystack.casefold()


def agenda_timebox(session: Session) -> str:
    """The timebox `t` offers: the board's `agenda_timebox` key, else 7+5+3 for Lean Coffee."""
    if session.board.agenda_timebox is not None:
        return session.board.agenda_timebox.strip()
    return LEAN_COFFEE_TIMEBOX if session.kind == "lean-coffee" else DEFAULT_TIMEBOX


def parse_timebox(text: str) -> tuple[int, str | None]:
    """`"10"` is a 10-minute timebox; `"7+5+3"` a Lean Coffee pattern starting at 7 minutes."""
    text = text.strip()
    if "+" in text:
        steps = parse_pattern(text)
        return steps[0], "+".join(str(step) for step in steps)
    if not text.isdigit():
        raise DomainError(f"{text or 'nothing'}: give minutes (10) or a pattern (7+5+3)")
    minutes = int(text)
    if not MIN_TIMEBOX <= minutes <= MAX_TIMEBOX:
        raise DomainError(f"a timebox is {MIN_TIMEBOX} to {MAX_TIMEBOX} minutes")
    return minutes, None


def set_agenda_timebox(session: Session, text: str) -> Session:
    """Remember the timebox `t` offers (checked first), as the board's `agenda_timebox`."""
    minutes, pattern = parse_timebox(text)
    return _board(session, agenda_timebox=pattern or str(minutes))


def discussion_block(session: Session) -> AgendaItem | None:
    """The agenda's "Discuss" block (a template's time for promoted topics): an item not done
    or skipped, linked to no topic, whose title starts with "Discuss"."""
    for item in session.agenda:
        if (
            item.topic is None
            and item.status not in ("done", "skipped")
            and item.title.casefold().startswith("discuss")
        ):
            return item
    return None


def send_to_agenda(
    session: Session, topic_id: str, timebox: str | None = None, now: dt.datetime | None = None
) -> Session:
    """Put a pending item to discuss the topic, linked to it, where it fits the meeting.

    With a "Discuss" block (`discussion_block`) the item takes its minutes from the block,
    so the planned end does not move: it goes before a pending block (which goes once it has
    no minutes left), or after a running one (which keeps what it has used by `now`). Without
    a block, or when the block has no minutes to give, it goes right after the running (or
    last finished) item; before the meeting has started, at the end. Topics promoted one
    after another keep their order.
    """
    topic = session.board.topics[_topic_index(session, topic_id)]
    minutes, pattern = parse_timebox(timebox or agenda_timebox(session))
    if any(item.topic == topic_id for item in session.agenda):
        raise DomainError(f"{topic.title!r} is already on the agenda")
    item_id = next_id(f"discuss-{topic_id}-", (i.id for i in session.agenda))
    if f"discuss-{topic_id}" not in {i.id for i in session.agenda}:
        item_id = f"discuss-{topic_id}"
    agenda = list(session.agenda)
    block = discussion_block(session)
    give = _minutes_to_give(block, now) if block is not None else 0
    if block is not None and give >= MIN_TIMEBOX:
        minutes = min(minutes, give)
        if pattern is not None and parse_pattern(pattern)[0] > minutes:
            pattern = None
        index = agenda.index(block)
        if block.status in ACTIVE:
            position = _after_promoted(agenda, index)
            agenda[index] = block.model_copy(update={"minutes": block.minutes - minutes})
        elif minutes == block.minutes:
            position = index
            del agenda[index]
        else:
            position = index
            agenda[index] = block.model_copy(update={"minutes": block.minutes - minutes})
    else:
        position = _after_running(agenda)
    item = build(
        AgendaItem,
        id=item_id,
        title=f"Discuss: {topic.title}",
        minutes=minutes,
        owner=topic.author,
        topic=topic_id,
        **({"pattern": pattern} if pattern else {}),
    )
    agenda.insert(position, item)
    return session.model_copy(update={"agenda": tuple(agenda)})


def _minutes_to_give(block: AgendaItem, now: dt.datetime | None) -> int:
    """Minutes the block can hand to a promoted topic: all of a pending block's; of a
    running one, what it has not used (it keeps at least a minute)."""
    if block.status not in ACTIVE:
        return block.minutes
    spent = elapsed_seconds(block, now) if now is not None else block.spent_seconds
    used = max(-(-spent // 60), MIN_TIMEBOX)
    return max(block.minutes - used, 0)


def _after_promoted(agenda: list[AgendaItem], index: int) -> int:
    """The position after item `index` and the pending promoted topics that follow it."""
    position = index + 1
    while (
        position < len(agenda) and agenda[position].topic and agenda[position].status == "pending"
    ):
        position += 1
    return position


def _after_running(agenda: list[AgendaItem]) -> int:
    """Where an item goes to be discussed next: after the running item, else after the last
    item done or skipped (and topics promoted before it); at the end before the meeting."""
    started = [
        index for index, item in enumerate(agenda) if item.status != "pending" or item.spent_seconds
    ]
    if not started:
        return len(agenda)
    active = next((i for i, item in enumerate(agenda) if item.status in ACTIVE), None)
    return _after_promoted(agenda, active if active is not None else started[-1])
