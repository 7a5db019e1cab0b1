"""Read-only review: editing keys are dimmed in the footer and refused with a notice.

A session screen declares `EDITING_ACTIONS: frozenset[str]` (action names without parameters):
its `check_action` (screens.base.SessionScreen) dims them, and the app's `run_action` refuses
them with a notice, whichever way they arrive (a key, the palette, a click on the footer).
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.actions import ActionParseResult
from textual.actions import parse as parse_action
from textual.dom import DOMNode

from poforum_tui.screens.host import PoforumHost


class ReadOnlyReview(PoforumHost):
    """Mixin: refuses the actions a screen lists in EDITING_ACTIONS while read-only."""

    def refuses_edit(self, action: str, namespace: object) -> bool:
        """True if `action` on `namespace` edits the session and the session is read-only."""
        if not self.read_only:
            return False
        _destination, name, _params = parse_action(action)
        return name in getattr(namespace, "EDITING_ACTIONS", ())

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        if isinstance(action, str) and self.refuses_edit(action, default_namespace):
            self.notify("Read-only review: nothing can be changed here.", timeout=3)
            return True
        return await super().run_action(action, default_namespace, namespaces)
