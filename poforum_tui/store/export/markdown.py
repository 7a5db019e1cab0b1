"""Markdown minutes: everything a reader who was not there needs, rendered safely in any wiki.

The minutes are the sections in SECTIONS, in order: who, when and who was there; what was
decided (decisions, experiments, actions), the follow-ups and their outcomes; then the agenda
as planned and as it went, the board and the working agreement. A section is a function of
`Minutes` returning Markdown (or "" to leave itself out); add one by putting it in SECTIONS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from poforum_tui.domain.models import Decision, Session
from poforum_tui.domain.session_info import KIND_NAMES
from poforum_tui.store.export.escape import md, md_line

ROLE_NAMES = {
    "chief-po": "Chief PO",
    "po": "PO",
    "stakeholder": "Stakeholder",
    "coach": "Coach",
    "scrum-master": "Scrum Master",
    "other": "Other",
}
SECTION_OF_KIND = {"decision": "Decisions", "experiment": "Experiments", "action": "Actions"}


@dataclass(frozen=True)
class Minutes:
    """What a section is written from: the session and the reader's options."""

    session: Session
    votes: bool = True
    """False: who voted for what is left out (the tallies stay)."""
    titles: Mapping[str, str] = field(default_factory=dict)
    """Titles of other session files by file name, to name previous sessions by title."""

    def session_name(self, file_name: str | None) -> str:
        """A previous session by its title (its file name when it is not in the folder)."""
        if not file_name:
            return ""
        return md(self.titles.get(file_name, file_name))


Section = Callable[[Minutes], str]


def duration(seconds: int) -> str:
    """`17:20` below an hour, `1:02:05` from an hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def span(seconds: int) -> str:
    """A length of time as people say it: `10 min`, `1 h 30 min` (whole minutes, rounded)."""
    minutes = (max(0, seconds) + 30) // 60
    if seconds and not minutes:
        return "< 1 min"
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"


def to_markdown(
    session: Session, *, votes: bool = True, titles: Mapping[str, str] | None = None
) -> str:
    """The session's minutes as GitHub-flavoured Markdown, decisions first."""
    minutes = Minutes(session, votes=votes, titles=dict(titles or {}))
    parts = [section(minutes) for section in SECTIONS]
    return "\n".join(part for part in parts if part).rstrip("\n") + "\n"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> str:
    """A GFM table; `align` has one letter per column (`l` or `r`), left by default."""
    marks = [("---:" if a == "r" else "---") for a in align.ljust(len(header), "l")]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _heading(minutes: Minutes) -> str:
    session = minutes.session
    when = session.date.isoformat()
    if session.start is not None:
        when += f", {session.start.strftime('%H:%M')}"
    lines = [f"# {md_line(session.title)}", "", f"- **Date:** {when}"]
    lines.append(f"- **Kind:** {KIND_NAMES.get(session.kind, session.kind)}")
    if session.facilitators:
        lines.append("- **Facilitators:** " + ", ".join(md(f) for f in session.facilitators))
    if session.follows:
        lines.append(f"- **Follows:** {minutes.session_name(session.follows)}")
    return "\n".join(lines) + "\n"


def _people(minutes: Minutes) -> str:
    session = minutes.session
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


def _agreement(minutes: Minutes) -> str:
    session = minutes.session
    if not session.working_agreement:
        return ""
    lines = ["## Working agreement", ""]
    lines += [f"{n}. {md(rule)}" for n, rule in enumerate(session.working_agreement, start=1)]
    return "\n".join(lines) + "\n"


def _agenda(minutes: Minutes) -> str:
    session = minutes.session
    if not session.agenda:
        return "## Agenda\n\n_No agenda items._\n"
    rows = []
    for number, item in enumerate(session.agenda, start=1):
        planned = item.minutes * 60
        actual = span(item.spent_seconds) if item.spent_seconds else "—"
        over = item.spent_seconds - planned
        if item.spent_seconds and over >= 30:
            actual += f" (+{span(over)})"
        rows.append(
            [str(number), md(item.title), md(item.owner), item.status, span(planned), actual]
        )
    planned = sum(item.minutes for item in session.agenda) * 60
    spent = sum(item.spent_seconds for item in session.agenda)
    rows.append(["", "**Total**", "", "", f"**{span(planned)}**", f"**{span(spent)}**"])
    table = _table(["#", "Item", "Owner", "Status", "Planned", "Actual"], rows, "rlllrr")
    return "## Agenda, planned and actual\n\n" + table


def _board(minutes: Minutes) -> str:
    board = minutes.session.board
    if not board.columns:
        return ""
    lines = ["## Board", ""]
    note = f"{_count(len(board.topics), 'topic')}, {_count(board.vote_budget(), 'vote')} per person"
    if board.votes_hidden:
        note += "; tallies were still hidden when this was exported"
    if not minutes.votes:
        note += "; who voted for what is left out"
    lines += [f"_{note}._", ""]
    header = ["Votes", "Topic", "Category", "Author"] + (["Voters"] if minutes.votes else [])
    for column in board.columns:
        topics = board.topics_in(column.id)
        lines += [f"### {md_line(column.title)} ({len(topics)})", ""]
        if not topics:
            lines += ["_No topics._", ""]
            continue
        rows = [
            [str(t.vote_total), md(t.title), md(t.category), md(t.author)]
            + ([_voters(t.votes)] if minutes.votes else [])
            for t in topics
        ]
        lines += [_table(header, rows, "rllll")]
        noted = [t for t in topics if getattr(t, "notes", None)]
        if noted:
            lines += [f"- **{md_line(t.title)}:** {md(t.notes)}" for t in noted] + [""]
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


def _follow_ups(minutes: Minutes) -> str:
    session = minutes.session
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
            minutes.session_name(d.carried_from),
        ]
        for d in carried
    ]
    header = ["Kind", "Item", "Owner", "Due", "Status", "Outcome", "From"]
    return f"## Follow-ups ({len(carried)})\n\n" + _table(header, rows)


def _decisions(session: Session, kind: str) -> str:
    """The items of one kind recorded in this session (carried ones are follow-ups)."""
    title = SECTION_OF_KIND[kind]
    items = [d for d in session.decisions if d.kind == kind and not d.carried_from]
    if not items:
        return f"## {title}\n\n_None recorded._\n"
    if kind == "experiment":
        header = [
            "Experiment",
            "Hypothesis",
            "Measure",
            "Owner",
            "Due",
            "Review",
            "Status",
            "Topic",
        ]
        rows = [
            [
                md(d.text),
                md(d.hypothesis),
                md(d.measure),
                md(d.owner),
                _date(d.due),
                _date(d.review),
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


def _records(minutes: Minutes) -> str:
    """Dependencies, ROAM risks and the confidence vote (PO syncs, MetaScrums)."""
    from poforum_tui.store.export.markdown_dependencies import sections  # issue 19's sections

    return "\n".join(sections(minutes.session))


SECTIONS: list[Section] = [
    _heading,
    _people,
    lambda minutes: _decisions(minutes.session, "decision"),
    lambda minutes: _decisions(minutes.session, "experiment"),
    lambda minutes: _decisions(minutes.session, "action"),
    _follow_ups,
    _records,
    _agenda,
    _board,
    _agreement,
]
"""The minutes' sections in order; another module may insert its own (a function of Minutes)."""
