"""The room inside the app: `j` opens it on the app's own loop, `j` again closes it.

The server (room/server.py) serves the app's `SessionCore`, so a participant's request is a
change like a key press: undone with ctrl+z, saved, and redrawn on every screen. Starlette,
uvicorn, Jinja2 and segno are imported here only when a room opens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.reactive import var
from textual.screen import Screen

from poforum_tui.screens.host import PoforumHost

if TYPE_CHECKING:
    from poforum_tui.room.server import RoomServer
    from poforum_tui.screens.room.panel import RoomView

DEFAULT_HOST = "0.0.0.0"  # room.server's defaults, repeated so startup need not import it
DEFAULT_PORT = 8765


class RoomSurface(PoforumHost):
    """Mixin: opens and closes the room, shows its panel, keeps the panel's roster current."""

    room_open: var[bool] = var(False, init=False)
    room_server: RoomServer | None = None
    room_host: str | None = None
    room_port: int | None = None
    _room_unsubscribe: Callable[[], None] | None = None
    _room_qr: tuple[str, ...] = ()

    def _room_address(self) -> tuple[str, int]:
        settings = getattr(self, "settings", None)
        host = self.room_host or getattr(settings, "room_host", None) or DEFAULT_HOST
        port = self.room_port
        if port is None:
            port = getattr(settings, "room_port", None)
        return host, DEFAULT_PORT if port is None else port

    async def action_toggle_room(self) -> None:
        if self.room_server is None:
            await self.open_room()
        else:
            await self.close_room()

    async def open_room(self) -> bool:
        """Start the room's server on this loop and show its panel; False (and why) if not."""
        if self.session is None:
            self.notify("Open a session first: the room serves the open session.", timeout=4)
            return False
        from poforum_tui.room.server import READ_ONLY, RoomError, RoomServer

        if self.read_only:
            self.notify(READ_ONLY, title="The room", severity="warning")
            return False
        host, port = self._room_address()
        server = RoomServer(self.core, bind_host=host, port=port)
        try:
            await server.start()
        except RoomError as why:
            self.notify(str(why), title="The room did not open", severity="error", timeout=8)
            return False
        from poforum_tui.room.qr import half_block_lines

        self.room_server = server
        self._room_qr = tuple(half_block_lines(server.url))
        if server.state is not None:
            server.state.on_roster(self._room_changed)
        unsubscribe_change = self.core.on_change(lambda _session: self._room_changed())
        unsubscribe_open = self.core.on_open(self._room_file_opened)

        def unsubscribe() -> None:
            unsubscribe_change()
            unsubscribe_open()

        self._room_unsubscribe = unsubscribe
        self.room_open = True
        self.refresh_bindings()
        self.show_room_panel()
        return True

    async def close_room(self, *, quiet: bool = False) -> None:
        """Stop the server: every page's stream ends and the URL stops answering."""
        server, self.room_server = self.room_server, None
        if server is None:
            return
        unsubscribe, self._room_unsubscribe = self._room_unsubscribe, None
        if unsubscribe is not None:
            unsubscribe()
        await server.stop()
        self.room_open = False
        if not quiet:
            for screen in self.screen_stack:
                if type(screen).__name__ == "RoomPanel":
                    screen.dismiss()
            self.refresh_bindings()
            self.notify("The room is closed: its link no longer answers.", timeout=4)

    def _room_file_opened(self, _path: Path) -> None:
        """Another session was opened: the room's link belonged to the one before."""
        self.run_worker(self.close_room(), exclusive=False)

    def room_view(self) -> RoomView | None:
        """What the room panel shows now (None while the room is closed)."""
        server = self.room_server
        if server is None or server.state is None or self.session is None:
            return None
        from poforum_tui.domain import room as room_ops
        from poforum_tui.screens.room.panel import RoomView

        settings = room_ops.settings(self.session.board)
        return RoomView(
            url=server.url,
            qr_lines=self._room_qr,
            roster=tuple(server.state.roster()),
            collecting=settings.collecting,
            voting=settings.voting,
            cards_hidden=settings.cards_hidden,
        )

    def show_room_panel(self) -> None:
        from poforum_tui.screens.room.panel import RoomPanel

        view = self.room_view()
        if view is None:
            self.notify("The room is closed: j opens it.", timeout=4)
            return
        if not isinstance(self.screen, RoomPanel):
            self.push_screen(RoomPanel(view))

    def _room_changed(self) -> None:
        from poforum_tui.screens.room.panel import RoomPanel

        view = self.room_view()
        if view is None:
            return
        for screen in self.screen_stack:
            if isinstance(screen, RoomPanel):
                screen.show(view)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.session is None:
            return
        if self.room_server is None:
            yield SystemCommand(
                "Open the room",
                "Participants join from their browser: URL and QR code (j)",
                self.action_toggle_room,
            )
        else:
            yield SystemCommand(
                "Close the room", "Stop serving the participants' page (j)", self.close_room
            )
            yield SystemCommand(
                "Show the room panel", "Join URL, QR code and roster (J)", self.show_room_panel
            )
