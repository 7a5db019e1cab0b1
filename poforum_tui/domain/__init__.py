"""The UI-free core: pydantic models of a session and pure operations on them."""

from poforum_tui.domain import pydantic_setup  # noqa: F401  before any model is built
from poforum_tui.domain.clock import Clock, FakeClock, SystemClock
from poforum_tui.domain.errors import DomainError
from poforum_tui.domain.models import (
    SCHEMA_VERSION,
    AgendaItem,
    Board,
    Column,
    Decision,
    Participant,
    Session,
    Topic,
)

__all__ = [
    "SCHEMA_VERSION",
    "AgendaItem",
    "Board",
    "Clock",
    "Column",
    "Decision",
    "DomainError",
    "FakeClock",
    "Participant",
    "Session",
    "SystemClock",
    "Topic",
]
