"""The Textual app: `PoforumApp` and the mixins it is made of."""

from poforum_tui.app.poforum_app import PoforumApp

__all__ = ["PoforumApp"]
