"""Is every team in the room? Scrum@Scale asks each team's PO, or a proxy, to attend.

A domain counts as expected when an open dependency of the session names it (`from` or `to`)
or when a PO (or the Chief PO) from it was at the previous session; it is missing when nobody
present has it. Stakeholders' domains (at a MetaScrum) are not teams that must be represented.
"""

from __future__ import annotations

from poforum_tui.domain.models import Session


def missing_domains(session: Session, previous: Session | None = None) -> list[str]:
    """Expected domains with nobody present, in the order they are first named."""
    present = {p.domain.casefold() for p in session.participants if p.present and p.domain}
    expected: dict[str, str] = {}
    for dependency in session.dependencies:
        if dependency.is_open:
            for team in (dependency.from_, dependency.to):
                expected.setdefault(team.strip().casefold(), team.strip())
    if previous is not None:
        for person in previous.participants:
            if person.present and person.domain and person.role in ("po", "chief-po"):
                expected.setdefault(person.domain.casefold(), person.domain)
    return [name for key, name in expected.items() if key not in present]


def notice(missing: list[str]) -> str | None:
    """`No one from Payments is here`, `No one from Payments or Search is here` (None if all)."""
    if not missing:
        return None
    names = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " or " + missing[-1]
    return f"No one from {names} is here"
