"""A read-only preview of one session file: agenda planned vs actual, top topics, decisions.

It draws the file's preview facts (store/preview_facts.py): the folder's index keeps them, so
the Sessions screen shows a preview without reading or validating the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from poforum_tui.store import BrokenSession, SessionSummary
from poforum_tui.store.preview_facts import current_warnings, preview_facts
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

Facts = dict[str, Any]


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

    def show(
        self,
        entry: SessionSummary | BrokenSession | None,
        message: str = "",
        facts: Facts | None = None,
    ) -> None:
        """Preview `entry` from its `facts` (the index's), else from its file read now; with
        no entry, show `message` instead."""
        if isinstance(entry, SessionSummary) and facts is None and entry.session is not None:
            facts = preview_facts(entry.session, entry.path)
        if isinstance(entry, SessionSummary) and facts is not None:
            body = facts_preview(facts, entry.path.parent)
        elif isinstance(entry, BrokenSession):
            body = broken_preview(entry)
        else:
            body = Content.styled(message, "dim")
        self.query_one("#preview-body", Static).update(body)
        self.scroll_home(animate=False)


def _line(*parts: str | tuple[str, str]) -> Content:
    return Content.assemble(*parts)


def facts_preview(facts: Facts, folder: Path) -> Content:
    """The preview of one session's facts; `folder` is where its `follows` file is looked for."""
    lines: list[Content | str] = [Content.styled(clean(facts["title"]), "bold")]
    when = facts["date"] + (f" {facts['start']}" if facts["start"] else "")
    details = [when, KIND_NAMES.get(facts["kind"], facts["kind"])]
    if facts["participants"]:
        details.append(f"{facts['present']} of {facts['participants']} present")
    if facts["facilitators"]:
        details.append("facilitated by " + ", ".join(facts["facilitators"]))
    if facts["follows"]:
        details.append("follows " + facts["follows"])
    lines.append(Content.styled(clean(" · ".join(details)), "dim"))
    lines += _warnings(current_warnings(facts, folder))
    lines += ["", *_agenda(facts), "", *_topics(facts), "", *_decisions(facts)]
    return Content("\n").join(Content(line) if isinstance(line, str) else line for line in lines)


def _agenda(facts: Facts) -> list[Content]:
    agenda = facts["agenda"]
    planned = sum(minutes for _status, minutes, _spent, _title in agenda) * 60
    spent = sum(seconds for _status, _minutes, seconds, _title in agenda)
    lines = [
        _line(
            ("Agenda", "bold"),
            (f"  planned {mmss(planned)} · actual {mmss(spent)}", "dim"),
        )
    ]
    if not agenda:
        return [*lines, Content.styled("  no agenda items", "dim")]
    for status, minutes, seconds, title in agenda:
        over = seconds - minutes * 60
        actual = mmss(seconds) if seconds else "—"
        lines.append(
            _line(
                f"  {STATUS_MARKS.get(status, '·')} {mmss(minutes * 60):>5} {actual:>5} ",
                (f"+{mmss(over):<6}" if seconds and over > 0 else " " * 7, "bold red"),
                " ",
                clean(title),
            )
        )
    return lines


def _warnings(found: list[list[Any]]) -> list[Content]:
    """What `poforum check` would warn about (17.3), beside the file."""
    if not found:
        return []
    lines = [Content.styled(f"⚠ {plural(len(found), 'warning')} (poforum check)", "bold yellow")]
    for line, col, message in found:
        where = f"{line}:{col}: " if line else ""
        lines.append(Content.styled(clean(f"  {where}{message}"), "yellow"))
    return lines


def _topics(facts: Facts) -> list[Content]:
    hidden, voted = facts["votes_hidden"], facts["voted"]
    heading = "Top topics" if voted and not hidden else "Topics"
    note = f"  {plural(facts['topics'], 'topic')} on the board"
    if hidden and voted:
        note += " · tallies hidden"  # the session hides its tallies: so does the preview
    lines = [_line((heading, "bold"), (note, "dim"))]
    if not facts["topics"]:
        return [*lines, Content.styled("  none collected", "dim")]
    for votes, title, column in facts["top"]:
        lines.append(
            _line(
                ("    · " if hidden else f"  {votes:>3} ", "bold"),
                clean(title),
                (f"  · {clean(column)}", "dim"),
            )
        )
    return lines


def _decisions(facts: Facts) -> list[Content]:
    decisions = facts["decisions"]
    summary = [plural(len(decisions), "item"), plural(facts["open_actions"], "open action")]
    if facts["waiting"]:
        summary.append(f"{plural(facts['waiting'], 'follow-up')} without an outcome")
    lines = [_line(("Decisions", "bold"), ("  " + " · ".join(summary), "dim"))]
    if not decisions:
        return [*lines, Content.styled("  none recorded", "dim")]
    for kind, status, text, owner, due, carried, outcome in decisions:
        extra = [part for part in (owner, due and f"due {due}") if part]
        if carried:
            extra.append(f"outcome: {outcome}" if outcome else "needs an outcome")
        lines.append(
            _line(
                f"  {DECISION_MARKS.get(kind, '·')} {status:<7} ",
                clean(text),
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
