"""`DependenciesBase`: what the Dependencies screen's key actions may use of the screen.

`DependenciesScreen` implements it; `FollowUpActions` and `ConfidenceActions` build on it, so
every attribute an action touches is declared here.
"""

from __future__ import annotations

from collections.abc import Callable

from poforum_tui.domain import Session
from poforum_tui.domain.models import Dependency
from poforum_tui.screens.base import SessionScreen
from poforum_tui.widgets.voter_panel import VoterPanel


class DependenciesBase(SessionScreen):
    """The screen as its actions see it: the selection, the table, the voter picker."""

    last_voter: str | None = None
    """Who cast the last confidence vote: the picker starts there."""

    @property
    def picker(self) -> VoterPanel:
        return self.query_one("#confidence-picker", VoterPanel)

    def selected(self) -> Dependency | None:
        """The dependency under the cursor (None in an empty table)."""
        raise NotImplementedError

    def next_row(self) -> None:
        """Move the cursor one row down (after a follow-up's outcome: on to the next)."""
        raise NotImplementedError

    def _change(self, operation: Callable[[Session], Session], what: str) -> bool:
        return self.app.change(operation, what)
