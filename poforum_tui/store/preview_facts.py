"""What the Sessions screen previews of one file, as plain data the folder's index can keep.

`preview_facts(session, path)` is computed when a file is read (and stored beside its index
row), so moving through years of history, or the home screen's first frame, needs no parse and
no pydantic. The screen draws these facts (screens/sessions/session_preview.py) whether they
come from the index or from a session just loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from poforum_tui.store.discovery import awaits_outcome

if TYPE_CHECKING:
    from poforum_tui.domain.models import Session

TOP_TOPICS = 5
FOLLOWS_WARNING = "follows: "
"""How the warning about a missing `follows` file starts: the only one about another file, so
the only one looked at again when stored facts are shown (store/check.py)."""


def preview_facts(
    session: Session, path: Path | None = None, raw: bytes | None = None
) -> dict[str, Any]:
    """The preview's facts of `session` (JSON-serialisable: str, int, bool, lists, dicts);
    `raw`, the file's bytes when already read, places its warnings without reading it again."""
    from poforum_tui.store.check import session_warnings

    board = session.board
    columns = {column.id: column.title for column in board.columns}
    hidden = board.votes_hidden
    topics = board.topics
    ranked = list(topics[:TOP_TOPICS]) if hidden else sorted(topics, key=lambda t: -t.vote_total)
    decisions = session.decisions
    return {
        "title": session.title,
        "date": session.date.isoformat(),
        "start": session.start.strftime("%H:%M") if session.start is not None else None,
        "kind": session.kind,
        "present": sum(1 for person in session.participants if person.present),
        "participants": len(session.participants),
        "facilitators": list(session.facilitators),
        "follows": session.follows,
        "warnings": [
            [problem.line, problem.col, problem.message]
            for problem in session_warnings(session, raw=raw, path=path)
        ],
        "agenda": [
            [item.status, item.minutes, item.spent_seconds, item.title] for item in session.agenda
        ],
        "topics": len(topics),
        "votes_hidden": hidden,
        "voted": any(topic.vote_total for topic in topics),
        "top": [
            [topic.vote_total, topic.title, columns.get(topic.column, topic.column)]
            for topic in ranked[:TOP_TOPICS]
        ],
        "decisions": [
            [
                decision.kind,
                decision.status,
                decision.text,
                decision.owner,
                decision.due.isoformat() if decision.due else None,
                bool(decision.carried_from),
                getattr(decision, "outcome", None),
            ]
            for decision in decisions
        ],
        "open_actions": sum(1 for d in decisions if d.kind == "action" and d.status == "open"),
        "waiting": sum(1 for d in decisions if awaits_outcome(d)),
    }


def current_warnings(facts: dict[str, Any], folder: Path) -> list[list[Any]]:
    """The stored warnings, less a missing-`follows` one whose file has appeared since."""
    follows = facts.get("follows")
    return [
        warning
        for warning in facts["warnings"]
        if not (
            str(warning[2]).startswith(FOLLOWS_WARNING) and follows and (folder / follows).is_file()
        )
    ]
