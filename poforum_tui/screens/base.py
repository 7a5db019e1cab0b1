"""The base of the four session screens: redraw when the open session changes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header

from poforum_tui.domain import Session
from poforum_tui.screens.host import HostedScreen
from poforum_tui.widgets.file_status import FileStatus
from poforum_tui.widgets.footer import KeyFooter
from poforum_tui.widgets.running_clock import SessionHeader


class SessionScreen(HostedScreen):
    """Shows the app's open session; hidden screens redraw once they are shown again."""

    _stale = False
    EDITING_ACTIONS: frozenset[str] = frozenset()
    """Actions that change the session: dimmed and refused while it is open read-only."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Textual asks this for every key of the screen: editing keys are dimmed in a
        read-only review (the app refuses them with a notice); the rest ask `can_run`."""
        if action in self.EDITING_ACTIONS and self.app.read_only:
            return None
        return self.can_run(action, parameters)

    def can_run(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether a key applies now: True, None (shown dimmed) or False (hidden)."""
        return True

    @property
    def session(self) -> Session:
        """The open session: a session screen is shown only while one is open."""
        session = self.app.session
        if session is None:
            raise RuntimeError("a session screen is shown only while a session is open")
        return session

    RUNNING_CLOCK = True
    """The header shows the running item's clock (the Agenda, with its big timer, does not)."""

    def compose_chrome(self) -> ComposeResult:
        yield SessionHeader() if self.RUNNING_CLOCK else Header()
        yield FileStatus()

    def compose_footer(self) -> ComposeResult:
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "session", self._session_changed, init=True)

    def _session_changed(self, session: Session | None) -> None:
        if session is None:
            return
        if self.is_current:
            self._stale = False
            self.show_session(session)
        else:
            self._stale = True

    def on_screen_resume(self) -> None:
        session = self.app.session
        if self._stale and session is not None:
            self._stale = False
            self.show_session(session)

    def key_of(self, action: str) -> str:
        """The key of `action` on this screen as bound now (after remapping), "" if none:
        for hints like "press a", so a remapped key reads right."""
        for active in self.active_bindings.values():
            if active.binding.action == action:
                return self.app.get_key_display(active.binding)
        return ""

    def show_session(self, session: Session) -> None:
        """Draw `session`; called on mount, after every change, and on return to the screen."""
        raise NotImplementedError
