"""The minutes' PO sync / MetaScrum sections: dependencies, ROAM risks, the confidence vote.

Each section is left out when the session has nothing for it, so minutes of a session
without these records are exactly as before. Overdue is judged against the session's date.
"""

from __future__ import annotations

import datetime as dt

from poforum_tui.domain import dependencies as deps
from poforum_tui.domain.confidence import SCORE_MEANINGS, histogram_bars, low_voters
from poforum_tui.domain.escalation import ladder_label
from poforum_tui.domain.models import Dependency, Session
from poforum_tui.domain.risks import ROAM_NAMES
from poforum_tui.store.export.escape import md, md_line
from poforum_tui.store.export.markdown import _table


def sections(session: Session) -> list[str]:
    """The sections this session has, in order (none for a session without these records)."""
    return [
        part for part in (_dependencies(session), _risks(session), _confidence(session)) if part
    ]


def _needed(dependency: Dependency, today: dt.date) -> str:
    needed = dependency.needed_by
    text = needed.isoformat() if isinstance(needed, dt.date) else md(needed)
    if deps.is_overdue(dependency, today):
        text += " **OVERDUE**"
    return text


def _escalation(session: Session, dependency: Dependency) -> str:
    ladder = ladder_label(dependency.escalated_from, dependency.escalate_to)
    if not ladder:
        return ""
    age = deps.age(dependency, session.date).label()
    who = f"; {md(dependency.decided_by)} decides" if dependency.decided_by else ""
    return f"{md(ladder)} (open {age}{who})"


def _follow_up(dependency: Dependency) -> str:
    if not deps.is_follow_up(dependency):
        return ""
    outcome = dependency.outcome or "_none yet_"
    return f"{outcome}, from {md(dependency.carried_from)}" if dependency.carried_from else outcome


def _dependencies(session: Session) -> str:
    if not session.dependencies:
        return ""
    today = session.date
    open_count = len(deps.open_dependencies(session))
    lines = [f"## Dependencies ({open_count} open of {len(session.dependencies)})", ""]
    header = ["Id", "For", "Dependency", "Needed by", "Status", "Owner", "Escalation", "Follow-up"]
    for deliverer, items in deps.grouped(session.dependencies, today):
        rows = [
            [
                md(d.id),
                md(d.from_),
                md(d.text) + (f" ({md(d.ref)})" if d.ref else ""),
                _needed(d, today),
                d.status,
                md(d.owner),
                _escalation(session, d),
                _follow_up(d),
            ]
            for d in items
        ]
        lines += [f"### {md_line(deliverer)} delivers", "", _table(header, rows)]
    return "\n".join(lines)


def _risks(session: Session) -> str:
    if not session.risks:
        return ""
    titles = {topic.id: topic.title for topic in session.board.topics}
    rows = [
        [
            md(risk.text),
            ROAM_NAMES[risk.roam] if risk.roam else "_not ROAMed yet_",
            md(risk.owner),
            risk.follow_up.isoformat() if risk.follow_up else "",
            md(titles.get(risk.topic or "", risk.topic)),
        ]
        for risk in session.risks
    ]
    header = ["Risk", "ROAM", "Owner", "Follow-up", "Topic"]
    return f"## Risks (ROAM, {len(session.risks)})\n\n" + _table(header, rows)


def _confidence(session: Session) -> str:
    if not session.confidence:
        return ""
    lines = ["## Confidence vote (fist of five)", ""]
    for vote in session.confidence:
        average = vote.average()
        count = len(vote.votes)
        summary = f"{count} vote{'' if count == 1 else 's'}"
        summary += f", average {average:.1f}" if average else ""
        lines += [f"**{md_line(vote.question)}** ({summary})", ""]
        rows = [
            [str(score), SCORE_MEANINGS[score], str(count), bar]
            for score, count, bar in histogram_bars(vote, width=10)
        ]
        lines.append(_table(["Fingers", "Meaning", "Votes", ""], rows, "rlrl"))
        low = low_voters(vote)
        if low:
            lines += [f"_Hear out before closing: {', '.join(md(name) for name in low)}._", ""]
    return "\n".join(lines)
