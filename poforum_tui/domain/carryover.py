"""The next session from a previous one: people, agreement, open items and the backlog live on.

Rules (`next_session`):
- `follows` names the previous file; title, date and agenda are new (the agenda from the
  template, or the previous agenda reset), starting with a "Follow-ups" item.
- Participants (all marked present again), facilitators, working agreement and start time are
  copied.
- Every open decision, experiment and action is copied with the same id, `carried_from` set to
  the previous file and `carried` incremented; its outcome from last time is cleared.
- Topics not in the board's last column move to the first column, votes cleared, most-voted
  first. A topic in the last column (parked) stays behind, unless an open item links it: then it
  is carried too and stays in the last column, so no carried item loses its topic.

`with_escalations` adds items other sessions escalated to this one (a MetaScrum, a PO sync)
as board topics to discuss.
"""

from __future__ import annotations

import datetime as dt
import re

from poforum_tui.domain._build import build
from poforum_tui.domain.ids import next_id
from poforum_tui.domain.models import AgendaItem, Decision, Session, Topic

FOLLOW_UPS_ID = "follow-ups"
CADENCE_DAYS = {"po-sync": 7, "lean-coffee": 7}
DEFAULT_CADENCE = 14


def carried_decisions(previous: Session, previous_file_name: str) -> list[dict]:
    """The open items of `previous`, as they enter the next session."""
    carried = []
    for decision in previous.decisions:
        if decision.status != "open":
            continue
        data = decision.model_dump(by_alias=True)
        data.update(carried_from=previous_file_name, carried=decision.carried + 1, outcome=None)
        carried.append(data)
    return carried


def _board(previous: Session, template: Session, linked: set[str]) -> dict:
    old, new = previous.board, template.board
    columns = new.columns or old.columns
    first, last = columns[0].id if columns else None, columns[-1].id if columns else None
    old_last = old.columns[-1].id if old.columns else None
    backlog, parked = [], []
    for position, topic in enumerate(old.topics):
        if topic.column != old_last:
            backlog.append((-topic.vote_total, position, topic))
        elif topic.id in linked:
            parked.append(topic)
    topics = [
        {**topic.model_dump(by_alias=True), "column": first, "votes": {}}
        for _, _, topic in sorted(backlog, key=lambda entry: entry[:2])
    ]
    topics += [{**t.model_dump(by_alias=True), "column": last, "votes": {}} for t in parked]
    categories = list(new.categories)
    categories += [c for c in old.categories if c not in categories]
    return {
        "votes_per_person": old.votes_per_person or new.votes_per_person,
        "votes_hidden": new.votes_hidden,
        "categories": categories,
        "columns": [column.model_dump(by_alias=True) for column in columns],
        "topics": topics,
    }


def _agenda(previous: Session, template: Session, carried: int) -> list[dict]:
    items = []
    for item in template.agenda:
        data = item.model_dump(by_alias=True)
        data.update(status="pending", spent_seconds=0, started_at=None, topic=None)
        items.append(data)
    follow_ups = next((i for i in items if i["title"].strip().lower() == "follow-ups"), None)
    if follow_ups is None:
        ids = [i["id"] for i in items]
        item_id = FOLLOW_UPS_ID if FOLLOW_UPS_ID not in ids else next_id("follow-ups-", ids)
        follow_ups = build(AgendaItem, id=item_id, title="Follow-ups", minutes=15).model_dump()
    else:
        items.remove(follow_ups)
    if carried:
        what = "one item" if carried == 1 else f"{carried} items"
        follow_ups["notes"] = f"{what} carried from {previous.title}: an outcome for each"
    else:
        follow_ups["notes"] = f"Nothing left open at {previous.title}"
    return [follow_ups, *items]


def next_session(
    previous: Session,
    previous_file_name: str,
    template_session: Session | None,
    title: str,
    date: dt.date,
) -> Session:
    """The session that follows `previous` (see the module's rules); DomainError if invalid.

    `template_session` gives the kind, agenda and board columns; None reuses the previous one's.
    """
    template = template_session or previous
    decisions = carried_decisions(previous, previous_file_name)
    linked = {d["topic"] for d in decisions if d.get("topic")}
    participants = [{**p.model_dump(by_alias=True), "present": True} for p in previous.participants]
    extras = {k: v for k, v in (template.model_extra or {}).items() if k != "description"}
    return build(
        Session,
        **extras,
        schema=previous.schema_version,
        title=title.strip(),
        kind=template.kind,
        date=date,
        start=previous.start or template.start,
        facilitators=previous.facilitators or template.facilitators,
        follows=previous_file_name,
        working_agreement=previous.working_agreement or template.working_agreement,
        participants=participants,
        agenda=_agenda(previous, template, len(decisions)),
        board=_board(previous, template, linked),
        decisions=decisions,
    )


def suggest_title(previous_title: str) -> str:
    """`PO Forum #1 — kickoff` → `PO Forum #2`; `Sprint 24` → `Sprint 25`; else unchanged."""
    numbered = re.search(r"#(\d+)", previous_title)
    if numbered:
        return f"{previous_title[: numbered.start()]}#{int(numbered.group(1)) + 1}"
    numbers = list(re.finditer(r"\d+", previous_title))
    if numbers:
        last = numbers[-1]
        head, tail = previous_title[: last.start()], previous_title[last.end() :]
        return f"{head}{int(last.group()) + 1}{tail}"
    return previous_title


def suggest_date(previous: Session, today: dt.date) -> dt.date:
    """The previous date plus the kind's usual cadence, never before `today`."""
    cadence = CADENCE_DAYS.get(previous.kind, DEFAULT_CADENCE)
    return max(previous.date + dt.timedelta(days=cadence), today)


ESCALATED_COLUMN = "escalated"


def with_escalations(session: Session, escalations: list[tuple[str, Decision]]) -> Session:
    """`session` with each open item escalated to it as a board topic (once per title).

    Each pair is (the title of the session holding the item, the item). The topic goes to
    the `escalated` column when the board has one, else to the first column.
    """
    columns = session.board.column_ids()
    if not columns or not escalations:
        return session
    column = ESCALATED_COLUMN if ESCALATED_COLUMN in columns else columns[0]
    topics = list(session.board.topics)
    titles = {topic.title for topic in topics}
    for source, decision in escalations:
        title = f"Escalated from {source}: {decision.text}"
        if title in titles:
            continue
        topic_id = next_id("t", (topic.id for topic in topics))
        topics.append(build(Topic, id=topic_id, title=title, column=column, author=decision.owner))
        titles.add(title)
    board = session.board.model_copy(update={"topics": tuple(topics)})
    return session.model_copy(update={"board": board})
