"""The session core: the open session, its changes and undo, saving, locking, outside edits.

No Textual here (an import contract enforces it): the Textual app, the room's web page and the
headless `poforum serve` are surfaces over one `SessionCore`.
"""

from poforum_tui.core.questions import Option, Question
from poforum_tui.core.session_core import Notice, Refusal, SessionCore
from poforum_tui.core.timers import Repeating

__all__ = ["Notice", "Option", "Question", "Refusal", "Repeating", "SessionCore"]
