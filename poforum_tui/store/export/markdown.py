"""Markdown minutes: everything a reader who was not there needs, rendered safely in any wiki."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from poforum_tui.domain.models import Decision, Session
from poforum_tui.store.export.escape import md, md_line

KIND_NAMES = {
    "po-forum": "PO forum",
    "po-sync": "PO sync",
    "metascrum": "MetaScrum",
    "multi-team-refinement": "Multi-team refinement",
    "lean-coffee": "Lean Coffee",
    "custom": "Custom",
}
ROLE_NAMES = {
    "chief-po": "Chief PO",
    "po": "PO",
    "stakeholder": "Stakeholder",
    "coach": "Coach",
    "scrum-master": "Scrum Master",
    "other": "Other",
}
SECTION_OF_KIND = {"decision": "Decisions", "experiment": "Experiments", "action": "Actions"}


def duration(seconds: int) -> str:
    """`17:20` below an hour, `1:02:05` from an hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def to_markdown(session: Session) -> str:
    """The session's minutes as GitHub-flavoured Markdown."""
    parts = [
        _heading(session),
        _people(session),
        _agreement(session),
        _agenda(session),
        _board(session),
        _follow_ups(session),
        *(_decisions(session, kind) for kind in SECTION_OF_KIND),
    ]
    from poforum_tui.store.export.markdown_dependencies import sections  # issue 19's sections

    parts += sections(session)
    return "\n".join(part for part in parts if part).rstrip("\n") + "\n"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> str:
    """A GFM table; `align` has one letter per column (`l` or `r`), left by default."""
    marks = [("---:" if a == "r" else "---") for a in align.ljust(len(header), "l")]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _heading(session: Session) -> str:
    when = session.date.isoformat()
    if session.start is not None:
        when += f", {session.start.strftime('%H:%M')}"
    lines = [f"# {md_line(session.title)}", "", f"- **Date:** {when}"]
    lines.append(f"- **Kind:** {KIND_NAMES.get(session.kind, session.kind)}")
    if session.facilitators:
        lines.append("- **Facilitators:** " + ", ".join(md(f) for f in session.facilitators))
    if session.follows:
        lines.append(f"- **Follows:** {md(session.follows)}")
    return "\n".join(lines) + "\n"


def _people(session: Session) -> str:
    if not session.participants:
        return ""
    present = [p for p in session.participants if p.present]
    absent = [p for p in session.participants if not p.present]
    lines = [f"## Present ({len(present)} of {len(session.participants)})", ""]
    for person in present:
        details = [ROLE_NAMES.get(person.role, person.role)]
        if person.domain:
            details.append(md(person.domain))
        lines.append(f"- {md(person.name)} ({', '.join(details)})")
    if not present:
        lines.append("_Nobody was marked present._")
    if absent:
        lines += ["", "**Absent:** " + ", ".join(md(p.name) for p in absent)]
    return "\n".join(lines) + "\n"


def _agreement(session: Session) -> str:
    if not session.working_agreement:
        return ""
    lines = ["## Working agreement", ""]
    lines += [f"{n}. {md(rule)}" for n, rule in enumerate(session.working_agreement, start=1)]
    return "\n".join(lines) + "\n"


def _agenda(session: Session) -> str:
    if not session.agenda:
        return "## Agenda\n\n_No agenda items._\n"
    rows = []
    for number, item in enumerate(session.agenda, start=1):
        planned = item.minutes * 60
        actual = duration(item.spent_seconds) if item.spent_seconds else "—"
        over = item.spent_seconds - planned
        if item.spent_seconds and over > 0:
            actual += f" (+{duration(over)})"
        rows.append(
            [str(number), md(item.title), md(item.owner), item.status, duration(planned), actual]
        )
    planned = sum(item.minutes for item in session.agenda) * 60
    spent = sum(item.spent_seconds for item in session.agenda)
    rows.append(["", "**Total**", "", "", f"**{duration(planned)}**", f"**{duration(spent)}**"])
    table = _table(["#", "Item", "Owner", "Status", "Planned", "Actual"], rows, "rlllrr")
    return "## Agenda\n\n" + table


def _board(session: Session) -> str:
    board = session.board
    if not board.columns:
        return ""
    lines = ["## Board", ""]
    note = f"{_count(len(board.topics), 'topic')}, {_count(board.vote_budget(), 'vote')} per person"
    if board.votes_hidden:
        note += "; tallies were still hidden when this was exported"
    lines += [f"_{note}._", ""]
    for column in board.columns:
        topics = board.topics_in(column.id)
        lines += [f"### {md_line(column.title)} ({len(topics)})", ""]
        if not topics:
            lines += ["_No topics._", ""]
            continue
        rows = [
            [str(t.vote_total), md(t.title), md(t.category), md(t.author), _voters(t.votes)]
            for t in topics
        ]
        table = _table(["Votes", "Topic", "Category", "Author", "Voters"], rows, "rllll")
        lines += [table]
    return "\n".join(lines)


def _voters(votes: dict[str, int]) -> str:
    return ", ".join(md(name) + (f" ×{n}" if n > 1 else "") for name, n in votes.items())


def _topic(session: Session, decision: Decision) -> str:
    titles = {topic.id: topic.title for topic in session.board.topics}
    return md(titles.get(decision.topic or "", decision.topic))


def _outcome(decision: Decision) -> str:
    outcome = getattr(decision, "outcome", None)
    if not outcome:
        return "_none yet_"
    if outcome == "escalate" and decision.escalate_to:
        return f"escalate → {md(decision.escalate_to)}"
    return md(str(outcome))


def _follow_ups(session: Session) -> str:
    carried = [d for d in session.decisions if d.carried_from]
    if not carried:
        return ""
    rows = [
        [
            d.kind,
            md(d.text),
            md(d.owner),
            _date(d.due),
            d.status,
            _outcome(d),
            md(d.carried_from),
        ]
        for d in carried
    ]
    header = ["Kind", "Item", "Owner", "Due", "Status", "Outcome", "From"]
    return f"## Follow-ups ({len(carried)})\n\n" + _table(header, rows)


def _decisions(session: Session, kind: str) -> str:
    title = SECTION_OF_KIND[kind]
    items = [d for d in session.decisions if d.kind == kind and not d.carried_from]
    if not items:
        return f"## {title}\n\n_None recorded._\n"
    if kind == "experiment":
        header = ["Experiment", "Hypothesis", "Measure", "Owner", "Review", "Status", "Topic"]
        rows = [
            [
                md(d.text),
                md(d.hypothesis),
                md(d.measure),
                md(d.owner),
                _date(d.review or d.due),
                d.status,
                _topic(session, d),
            ]
            for d in items
        ]
    else:
        header = [title[:-1], "Owner", "Due", "Status", "Topic", "Notes"]
        rows = [
            [md(d.text), md(d.owner), _date(d.due), d.status, _topic(session, d), _notes(d)]
            for d in items
        ]
    return f"## {title} ({len(items)})\n\n" + _table(header, rows)


def _notes(decision: Decision) -> str:
    notes = []
    if decision.rationale:
        notes.append(md(decision.rationale))
    if decision.decided_by:
        notes.append("decided by " + md(decision.decided_by))
    if decision.escalate_to:
        notes.append("escalate to " + md(decision.escalate_to))
    return "; ".join(notes)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _date(value) -> str:
    return value.isoformat() if value else ""
