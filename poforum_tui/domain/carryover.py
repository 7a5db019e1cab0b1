"""The next session from a previous one: people, agreement, open items and the backlog live on.

Rules (`next_session`):
- `follows` names the previous file; title, date and agenda are new (the agenda from the
  template, or the previous agenda reset), starting with a "Follow-ups" item.
- Participants (all marked present again), facilitators, working agreement and start time are
  copied.
- Every open decision, experiment and action is copied with the same id, `carried_from` set to
  the previous file and `carried` incremented; its outcome from last time is cleared. Open
  dependencies (not done or dropped) and risks not yet resolved are carried the same way; a
  dependency's link to a decision that stayed behind is dropped.
- Topics not in the board's last column move to the first column, votes cleared, most-voted
  first. A topic in the last column (parked) stays behind, unless an open item links it: then it
  is carried too and stays in the last column, so no carried item loses its topic.

`with_escalations` brings in the items other sessions escalated to this one (a MetaScrum, a
PO sync): the same records (ids kept, `carried_from` their file), listed first, with an
"Escalations" agenda item first that names each one and its age.
"""

from __future__ import annotations

import datetime as dt
import re

from poforum_tui.domain._build import build
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.escalation import TARGET_NAMES, age_days
from poforum_tui.domain.ids import next_id
from poforum_tui.domain.models import AgendaItem, Decision, Dependency, Session

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


def carried_records(records: tuple, previous_file_name: str, keep) -> list[dict]:
    """The records for which `keep(record)` holds, as they enter the next session."""
    carried = []
    for record in records:
        if keep(record):
            data = record.model_dump(by_alias=True)
            data.update(carried_from=previous_file_name, carried=record.carried + 1)
            if "outcome" in data:
                data["outcome"] = None
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


def _agenda(previous: Session, template: Session, carried: int, dependencies: int) -> list[dict]:
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
    if carried or dependencies:
        what = [_count(carried, "item")] if carried else []
        what += [_count(dependencies, "dependency", "dependencies")] if dependencies else []
        follow_ups["notes"] = (
            f"{' and '.join(what)} carried from {previous.title}: an outcome for each"
        )
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
    dependencies = carried_records(previous.dependencies, previous_file_name, _is_open)
    kept = {d["id"] for d in decisions}
    for dependency in dependencies:
        if dependency.get("decision") not in kept:
            dependency["decision"] = None
    risks = carried_records(previous.risks, previous_file_name, lambda r: r.roam != "resolved")
    linked = {d["topic"] for d in (*decisions, *dependencies, *risks) if d.get("topic")}
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
        agenda=_agenda(previous, template, len(decisions), len(dependencies)),
        board=_board(previous, template, linked),
        decisions=decisions,
        dependencies=dependencies,
        risks=risks,
    )


def _is_open(dependency: Dependency) -> bool:
    return dependency.is_open


def _count(number: int, noun: str, plural: str | None = None) -> str:
    if number == 1:
        return f"one {noun}"
    return f"{number} {plural or noun + 's'}"


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
    try:
        return max(previous.date + dt.timedelta(days=cadence), today)
    except OverflowError:
        raise DomainError(
            f"date: {previous.date} plus {cadence} days is past {dt.date.max}, the last day "
            "a session can have; give the next session's date"
        ) from None


ESCALATIONS_ID = "escalated-here"
Escalated = tuple[str, str, Decision | Dependency]
"""(the file holding the item, that session's title, the item)."""


def with_escalations(
    session: Session, escalations: list[Escalated], previous_date: dt.date | None = None
) -> Session:
    """`session` with the items escalated to it brought in as the same records, first.

    Each record keeps its id (`carried_id` holds it when the id is taken here), gets
    `carried_from` = its file and `carried` + 1, and loses links to the other session's board.
    An item already here (same id and text) is not brought twice. What was escalated here since
    the last one — these, and carried items the previous session (on `previous_date`)
    escalated to this kind — is listed first, and an "Escalations" agenda item opens the
    session.
    """
    decisions: list[Decision | Dependency] = list(session.decisions)
    dependencies: list[Decision | Dependency] = list(session.dependencies)
    fresh: set[tuple[str, str]] = set()
    for file_name, _title, item in escalations:
        is_dependency = isinstance(item, Dependency)
        records, prefix = (dependencies, "dep") if is_dependency else (decisions, "d")
        kind = "dep" if is_dependency else "d"
        here = next((r for r in records if r.id == item.id and r.text == item.text), None)
        if here is not None:
            fresh.add((kind, here.id))
            continue
        data = item.model_dump(by_alias=True)
        data.update(carried_from=file_name, carried=item.carried + 1, outcome=None, topic=None)
        if is_dependency:
            data["decision"] = None
        taken = {r.id for r in records}
        if item.id in taken:
            data.update(id=next_id(prefix, taken), carried_id=item.id)
        records.append(build(type(item), **data))
        fresh.add((kind, data["id"]))
    for kind, records in (("d", decisions), ("dep", dependencies)):
        for record in records:
            if (
                previous_date is not None
                and record.escalate_to == session.kind
                and record.carried_from == session.follows
                and record.escalated_on == previous_date
            ):
                fresh.add((kind, record.id))
    decisions.sort(key=lambda d: ("d", d.id) not in fresh)
    dependencies.sort(key=lambda d: ("dep", d.id) not in fresh)
    lines = [_escalation_line(session, d) for d in dependencies if ("dep", d.id) in fresh]
    lines += [_escalation_line(session, d) for d in decisions if ("d", d.id) in fresh]
    session = session.model_copy(
        update={"decisions": tuple(decisions), "dependencies": tuple(dependencies)}
    )  # each list holds one type: items joined the list of their own type
    return _escalations_item(session, lines)


def _escalations_item(session: Session, lines: list[str]) -> Session:
    """The "Escalated to this MetaScrum" agenda item first, one line per item (if any)."""
    agenda = [item for item in session.agenda if item.id != ESCALATIONS_ID]
    if not lines:
        return session.model_copy(update={"agenda": tuple(agenda)})
    where = TARGET_NAMES.get(session.kind, session.kind)
    escalations = build(
        AgendaItem,
        id=ESCALATIONS_ID,
        title=f"Escalated to this {where}",
        minutes=min(30, 5 * len(lines)),
        notes="\n".join(lines),
    )
    return session.model_copy(update={"agenda": (escalations, *agenda)})


def _escalation_line(session: Session, item: Decision | Dependency) -> str:
    """`dep1 Mobile needs from Payments: … (escalated by the PO sync on 2026-12-01; open
    7 days, 2 sessions)`."""
    sessions = item.carried + 1
    age = f"{sessions} session{'s' if sessions != 1 else ''}"
    since = item.raised_on if isinstance(item, Dependency) else None
    days = age_days(since or item.escalated_on, session.date)
    if days is not None:
        age = f"{days} day{'s' if days != 1 else ''}, {age}"
    origin = TARGET_NAMES.get(item.escalated_from or "", item.escalated_from or "a session")
    when = f" on {item.escalated_on.isoformat()}" if item.escalated_on else ""
    if isinstance(item, Dependency):
        what = f"{item.id} {item.from_} needs from {item.to}: {item.text}"
    else:
        what = f"{item.id} {item.kind}: {item.text}"
    return f"{what} (escalated by the {origin}{when}; open {age})"
