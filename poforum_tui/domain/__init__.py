"""The UI-free core: pydantic models of a session and pure operations on them.

The models are imported on first use (PEP 562), so a screen that shows no session (the Sessions
home, read from the folder's index) starts without pydantic; `Clock` and `DomainError` are
light and always here.
"""

from poforum_tui.domain import pydantic_setup  # noqa: F401  before any model is built
from poforum_tui.domain.clock import Clock, FakeClock, SystemClock
from poforum_tui.domain.errors import DomainError

_MODELS = frozenset(
    {"SCHEMA_VERSION", "AgendaItem", "Board", "Column", "Decision", "Participant", "Session"}
    | {"Topic"}
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


def __getattr__(name: str) -> object:
    if name not in _MODELS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from poforum_tui.domain import models

    value = getattr(models, name)
    globals()[name] = value
    return value


TYPE_CHECKING = False  # not `typing`'s (see store/__init__)
if TYPE_CHECKING:
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
