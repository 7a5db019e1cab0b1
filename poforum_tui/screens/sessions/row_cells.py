"""What one row of the Sessions list, or of its search results, shows."""

from __future__ import annotations

from rich.text import Text

from poforum_tui.screens.sessions.row_list import Cells
from poforum_tui.screens.sessions.session_preview import KIND_NAMES
from poforum_tui.store import BrokenSession, SessionSummary
from poforum_tui.store.search import Hit
from poforum_tui.widgets.literal import clean
from poforum_tui.widgets.words import plural

Entry = SessionSummary | BrokenSession


def counts(summary: SessionSummary) -> str:
    """`15 topics · 6 decisions · 2 open actions · 6 to follow up`."""
    parts = [
        plural(summary.topics, "topic"),
        plural(summary.decisions, "decision"),
        plural(summary.open_actions, "open action"),
    ]
    if summary.follow_ups:
        parts.append(f"{summary.follow_ups} to follow up")
    return " · ".join(parts)


def entry_cells(entry: Entry) -> Cells:
    """A session's row: date and kind, then title and counts; a broken file's name and error."""
    if isinstance(entry, SessionSummary):
        kind = KIND_NAMES.get(entry.kind, entry.kind)
        return (
            Text(entry.date.isoformat()),
            Text(clean(kind), style="dim"),
            Text(clean(entry.title)),
            Text(clean(counts(entry)), style="dim"),
        )
    error = f"{entry.error.location}: {entry.error.message}"
    return (
        Text("⚠ broken", style="bold red"),
        Text(""),
        Text(clean(entry.path.name)),
        Text(clean(error), style="red"),
    )


def hit_cells(hit: Hit) -> Cells:
    context = " · ".join(p for p in (hit.summary.title, hit.detail) if p)
    return (
        Text(hit.summary.date.isoformat()),
        Text(clean(hit.where), style="dim"),
        highlighted_text(hit),
        Text(clean(context), style="dim"),
    )


def highlighted_text(hit: Hit, lead: int = 24) -> Text:
    """The hit's text with its matches highlighted; a long text starts near the first match."""
    cut = hit.spans[0][0] - lead if hit.spans and hit.spans[0][0] > lead + 8 else 0
    text = Text("…" + clean(hit.text[cut:]) if cut else clean(hit.text))
    shift = 1 - cut if cut else 0
    for start, end in hit.spans:
        text.stylize("bold reverse", start + shift, end + shift)
    return text


def entry_key(entry: Entry) -> str:
    return str(entry.path)
