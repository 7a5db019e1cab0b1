"""Pure operations on the session's own fields (its title)."""

from __future__ import annotations

from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.models import Session


def rename(session: Session, title: str) -> Session:
    """The session with a new title (surrounding spaces dropped)."""
    title = title.strip()
    if not title:
        raise DomainError("A session needs a title.")
    return session.model_copy(update={"title": title})
