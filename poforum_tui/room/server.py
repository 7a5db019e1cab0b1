"""Run the room: a Starlette app served by uvicorn as a task on the caller's asyncio loop.

The same `RoomServer` runs inside the Textual app (its loop) and inside `poforum serve`
(`asyncio.run`). It never installs signal handlers: the surface that owns the process does.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket

import uvicorn
from starlette.applications import Starlette

from poforum_tui.room.host import RoomHost
from poforum_tui.room.ratelimit import RateLimit
from poforum_tui.room.routes import RoomState, routes
from poforum_tui.room.tokens import new_token

DEFAULT_HOST = "0.0.0.0"
DEFAULT_PORT = 8765
READ_ONLY = "This window is read-only (another poforum holds the file): it cannot open a room."
_PROBE = ("192.0.2.1", 9)  # TEST-NET-1 (RFC 5737): connecting a UDP socket sends nothing


def create_app(room: RoomState) -> Starlette:
    """The room's ASGI app: its routes only, no middleware, no lifespan."""
    return Starlette(routes=routes(room))


def outward_address() -> str:
    """This machine's address on the network a phone would use, else 127.0.0.1.

    A UDP socket `connect` picks the interface that would route to a public address without
    sending a packet; its local address is the one other machines can reach.
    """
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(_PROBE)
        address = probe.getsockname()[0]
        if address and not address.startswith("0."):
            return address
    return "127.0.0.1"


def shown_address(bind_host: str) -> str:
    """The address to print for `bind_host`: never 0.0.0.0 or ::, which a phone cannot open."""
    if bind_host in ("0.0.0.0", "", "::"):
        return outward_address()
    return f"[{bind_host}]" if ":" in bind_host else bind_host


class RoomError(Exception):
    """The room could not open (read-only, the port taken, no session); the text says why."""


class _Server(uvicorn.Server):
    """uvicorn without its signal handlers (the app or `serve` handles Ctrl+C and SIGTERM)."""

    @contextlib.contextmanager
    def capture_signals(self):
        yield


class RoomServer:
    """One room for one host: `await start()` opens it, `await stop()` closes it."""

    def __init__(
        self,
        host: RoomHost,
        *,
        bind_host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        limiter: RateLimit | None = None,
    ) -> None:
        self.host = host
        self.bind_host = bind_host
        self.port = port
        self.token = new_token()
        self.limiter = limiter
        self.state: RoomState | None = None
        self.url = ""
        self._server: _Server | None = None
        self._task: asyncio.Task | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> str:
        """Bind, start serving on the running loop, and return the join URL."""
        if self.host.read_only:
            raise RoomError(READ_ONLY)
        if self.host.session is None:
            raise RoomError("Open a session first: the room serves the open session.")
        sock = self._bind()
        port = sock.getsockname()[1]
        self.url = f"http://{shown_address(self.bind_host)}:{port}/r/{self.token}"
        self.state = RoomState(self.host, self.token, self.url, self.limiter)
        config = uvicorn.Config(
            create_app(self.state),
            lifespan="off",
            access_log=False,
            log_config=None,  # never reconfigure the process's logging (the TUI owns stderr)
            log_level=logging.WARNING,
            timeout_graceful_shutdown=2,
            server_header=False,
        )
        self._server = _Server(config)
        self._task = asyncio.get_running_loop().create_task(self._server.serve(sockets=[sock]))
        while not self._server.started and not self._task.done():
            await asyncio.sleep(0.01)
        if self._task.done():
            self._task.result()  # raises what stopped it
            raise RoomError("The room's server stopped as it started.")
        return self.url

    def _bind(self) -> socket.socket:
        family = socket.AF_INET6 if ":" in self.bind_host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.bind_host, self.port))
        except OSError as exc:
            sock.close()
            if exc.errno == errno.EADDRINUSE:
                raise RoomError(
                    f"Port {self.port} on {self.bind_host} is in use: choose another port "
                    "(--room-port, or --port for serve; 0 picks a free one)."
                ) from None
            raise RoomError(
                f"Cannot listen on {self.bind_host}:{self.port}: {exc.strerror}."
            ) from None
        sock.listen(128)
        sock.setblocking(False)
        return sock

    async def stop(self) -> None:
        """Close every live page's stream, then stop the server and wait for it."""
        if self.state is not None:
            self.state.close()
        if self._server is not None:
            self._server.should_exit = True
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._task = None
