"""A read-only preview of one session file: agenda planned vs actual, top topics, decisions."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from poforum_tui.domain.models import Session
from poforum_tui.store import BrokenSession, SessionSummary
from poforum_tui.store.discovery import awaits_outcome
from poforum_tui.widgets.literal import clean
from poforum_tui.widgets.timefmt import mmss
from poforum_tui.widgets.words import plural

KIND_NAMES = {
    "po-forum": "PO forum",
    "po-sync": "PO sync",
    "metascrum": "MetaScrum",
    "multi-team-refinement": "Refinement",
    "lean-coffee": "Lean Coffee",
    "custom": "Custom",
}
STATUS_MARKS = {"pending": "·", "running": "▶", "paused": "⏸", "done": "✓", "skipped": "⤼"}
DECISION_MARKS = {"decision": "◆", "experiment": "⚗", "action": "➤"}
TOP_TOPICS = 5


class SessionPreview(VerticalScroll, can_focus=False):
    """Shows the highlighted entry of the Sessions screen; it never changes anything."""

    DEFAULT_CSS = """
    SessionPreview {
        border-top: solid $primary-muted;
        padding: 0 1;
    }
    SessionPreview > #preview-body {
        width: 1fr;
    }
    """

    def compose(self):
        yield Static(id="preview-body")

    def show(self, entry: SessionSummary | BrokenSession | None, message: str = "") -> None:
        """Preview `entry`; with no entry, show `message` instead."""
        if isinstance(entry, SessionSummary) and entry.session is not None:
            body = session_preview(entry.session, entry.path)
        elif isinstance(entry, BrokenSession):
            body = broken_preview(entry)
        else:
            body = Content.styled(message, "dim")
        self.query_one("#preview-body", Static).update(body)
        self.scroll_home(animate=False)


def _line(*parts: str | tuple[str, str]) -> Content:
    return Content.assemble(*parts)


def session_preview(session: Session, path: Path | None = None) -> Content:
    lines: list[Content | str] = [Content.styled(clean(session.title), "bold")]
    when = session.date.isoformat()
    if session.start is not None:
        when += " " + session.start.strftime("%H:%M")
    facts = [when, KIND_NAMES.get(session.kind, session.kind)]
    if session.participants:
        present = sum(1 for p in session.participants if p.present)
        facts.append(f"{present} of {len(session.participants)} present")
    if session.facilitators:
        facts.append("facilitated by " + ", ".join(session.facilitators))
    if session.follows:
        facts.append("follows " + session.follows)
    lines.append(Content.styled(clean(" · ".join(facts)), "dim"))
    lines += _warnings(session, path)
    lines += ["", *_agenda(session), "", *_topics(session), "", *_decisions(session)]
    return Content("\n").join(Content(line) if isinstance(line, str) else line for line in lines)


def _agenda(session: Session) -> list[Content]:
    planned = sum(item.minutes for item in session.agenda) * 60
    spent = sum(item.spent_seconds for item in session.agenda)
    lines = [
        _line(
            ("Agenda", "bold"),
            (f"  planned {mmss(planned)} · actual {mmss(spent)}", "dim"),
        )
    ]
    if not session.agenda:
        return [*lines, Content.styled("  no agenda items", "dim")]
    for item in session.agenda:
        over = item.spent_seconds - item.minutes * 60
        actual = mmss(item.spent_seconds) if item.spent_seconds else "—"
        lines.append(
            _line(
                f"  {STATUS_MARKS[item.status]} {mmss(item.minutes * 60):>5} {actual:>5} ",
                (f"+{mmss(over):<6}" if item.spent_seconds and over > 0 else " " * 7, "bold red"),
                " ",
                clean(item.title),
            )
        )
    return lines


def _warnings(session: Session, path: Path | None) -> list[Content]:
    """What `poforum check` would warn about (17.3), beside the file."""
    from poforum_tui.store.check import session_warnings

    found = session_warnings(session, path=path)
    if not found:
        return []
    lines = [Content.styled(f"⚠ {plural(len(found), 'warning')} (poforum check)", "bold yellow")]
    for problem in found:
        where = f"{problem.line}:{problem.col}: " if problem.line else ""
        lines.append(Content.styled(clean(f"  {where}{problem.message}"), "yellow"))
    return lines


def _topics(session: Session) -> list[Content]:
    topics = session.board.topics
    columns = {column.id: column.title for column in session.board.columns}
    hidden = session.board.votes_hidden  # the session hides its tallies: so does the preview
    voted = any(t.vote_total for t in topics)
    ranked = list(topics[:TOP_TOPICS]) if hidden else sorted(topics, key=lambda t: -t.vote_total)
    heading = "Top topics" if voted and not hidden else "Topics"
    note = f"  {plural(len(topics), 'topic')} on the board"
    if hidden and voted:
        note += " · tallies hidden"
    lines = [_line((heading, "bold"), (note, "dim"))]
    if not topics:
        return [*lines, Content.styled("  none collected", "dim")]
    for topic in ranked[:TOP_TOPICS]:
        lines.append(
            _line(
                ("    · " if hidden else f"  {topic.vote_total:>3} ", "bold"),
                clean(topic.title),
                (f"  · {clean(columns.get(topic.column, topic.column))}", "dim"),
            )
        )
    return lines


def _decisions(session: Session) -> list[Content]:
    decisions = session.decisions
    open_actions = sum(1 for d in decisions if d.kind == "action" and d.status == "open")
    waiting = sum(1 for d in decisions if awaits_outcome(d))
    facts = [plural(len(decisions), "item"), plural(open_actions, "open action")]
    if waiting:
        facts.append(f"{plural(waiting, 'follow-up')} without an outcome")
    lines = [_line(("Decisions", "bold"), ("  " + " · ".join(facts), "dim"))]
    if not decisions:
        return [*lines, Content.styled("  none recorded", "dim")]
    for decision in decisions:
        extra = [p for p in (decision.owner, decision.due and f"due {decision.due}") if p]
        outcome = getattr(decision, "outcome", None)
        if decision.carried_from:
            extra.append(f"outcome: {outcome}" if outcome else "needs an outcome")
        lines.append(
            _line(
                f"  {DECISION_MARKS[decision.kind]} {decision.status:<7} ",
                clean(decision.text),
                (f"  · {clean(' · '.join(map(str, extra)))}" if extra else "", "dim"),
            )
        )
    return lines


def broken_preview(entry: BrokenSession) -> Content:
    error = entry.error
    lines = [
        Content.styled(f"⚠ {clean(entry.path.name)} does not load", "bold red"),
        Content(clean(f"{error.location}: {error.message}")),
    ]
    source = _source_line(entry, error.line)
    if source is not None:
        gutter = f"{error.line:>4} │ "
        lines += [
            Content(""),
            Content.styled(gutter, "dim") + Content(clean(source)),
            Content.styled(" " * (len(gutter) + max(0, error.col - 1)) + "^", "bold red"),
        ]
    lines += [
        Content(""),
        Content.styled(
            "Fix the file in an editor, then press F5 to reload. "
            "`poforum check FILE` prints the same error.",
            "dim",
        ),
    ]
    return Content("\n").join(lines)


def _source_line(entry: BrokenSession, line: int) -> str | None:
    try:
        text = entry.path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    lines = text.splitlines()
    return lines[line - 1][:200] if 0 < line <= len(lines) else None
