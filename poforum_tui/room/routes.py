"""The room's HTTP routes: the page, its assets, the live state stream, and four requests.

Every URL lives under `/r/{token}`; a wrong token is 403 and anything else is 404, and neither
writes anything. Requests are JSON bodies; a refusal is 422 with the domain's own reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Callable
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from poforum_tui.domain import room as room_ops
from poforum_tui.domain.models import Session
from poforum_tui.room import qr, tokens
from poforum_tui.room.host import RoomHost
from poforum_tui.room.ratelimit import TOO_MANY, RateLimit
from poforum_tui.room.view import SharedCache, participant_view, stream_message

_log = logging.getLogger("poforum.room")
MAX_BODY = 16 * 1024
KEEPALIVE_SECONDS = 15.0
"""A stream sends the state again this often: it keeps proxies open and corrects the timer."""
COALESCE_SECONDS = 0.05
"""After a change, a stream waits this long so the changes that follow it go out as one."""
STATIC = {"room.js": "text/javascript", "room.css": "text/css"}


class RoomState:
    """One open room: its host, token, who joined, the rate limit and the live streams."""

    def __init__(
        self, host: RoomHost, token: str, url: str, limiter: RateLimit | None = None
    ) -> None:
        self.host = host
        self.token = token
        self.url = url
        self.limiter = limiter or RateLimit()
        self.joined: list[str] = []
        self.cache = SharedCache()
        self.closing = asyncio.Event()
        self._streams: set[asyncio.Event] = set()
        self._listeners: list[Callable[[], None]] = []
        self._unsubscribe = host.on_change(self._changed)

    def _changed(self, _session: Session) -> None:
        for wake in self._streams:
            wake.set()

    def on_roster(self, callback: Callable[[], None]) -> None:
        """Call `callback` when someone joins (the facilitator's roster redraws)."""
        self._listeners.append(callback)

    def roster(self) -> list[tuple[str, int, int]]:
        session = self.host.session
        return room_ops.roster(session, self.joined) if session is not None else []

    def close(self) -> None:
        """End every live stream and stop hearing about changes."""
        self.closing.set()
        for wake in self._streams:
            wake.set()
        self._unsubscribe()

    def remember(self, name: str) -> None:
        if name not in self.joined:
            self.joined.append(name)
            for callback in self._listeners:
                callback()

    async def stream(self, name: str | None) -> AsyncIterator[str]:
        """Server-sent events: the participant's state now and after every change."""
        wake = asyncio.Event()
        self._streams.add(wake)
        try:
            while not self.closing.is_set():
                session = self.host.session
                if session is not None:
                    yield stream_message(self.cache, session, name, self.host.clock)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), KEEPALIVE_SECONDS)
                    await asyncio.sleep(COALESCE_SECONDS)  # a burst of votes: one update
                wake.clear()
        finally:
            self._streams.discard(wake)


_templates = Environment(
    loader=PackageLoader("poforum_tui.room", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)


def routes(room: RoomState) -> list[Route]:
    """The room's routes, bound to one `RoomState`."""

    def checked(handler):
        async def endpoint(request: Request) -> Response:
            if not tokens.matches(request.path_params["token"], room.token):
                return _refuse(403, "This room link is not valid (or the room has been reopened).")
            return await handler(request)

        return endpoint

    async def page(request: Request) -> Response:
        if request.method != "GET":
            return _refuse(405, "Method not allowed.")
        session = room.host.session
        html = _templates.get_template("room.html").render(
            title=session.title if session else "poforum room",
            base=f"/r/{room.token}",
            participants=[p.name for p in session.participants] if session else [],
        )
        return Response(html, media_type="text/html; charset=utf-8", headers=_PAGE_HEADERS)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            return _refuse(404, "Not found.")
        body = resources.files("poforum_tui.room").joinpath("static", name).read_bytes()
        return Response(body, media_type=STATIC[name], headers={"Cache-Control": "no-cache"})

    async def qr_svg(request: Request) -> Response:
        return Response(qr.svg(room.url), media_type="image/svg+xml")

    async def state(request: Request) -> Response:
        session = room.host.session
        if session is None:
            return _refuse(503, "No session is open.")
        name = request.query_params.get("name") or None
        return JSONResponse(participant_view(session, name, room.host.clock))

    async def events(request: Request) -> Response:
        name = request.query_params.get("name") or None
        headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        return StreamingResponse(room.stream(name), media_type="text/event-stream", headers=headers)

    def request_handler(build: Callable[[dict[str, Any]], tuple[Callable, str, str | None]]):
        async def handler(request: Request) -> Response:
            if not room.limiter.allow(_browser(request)):
                return _refuse(429, TOO_MANY)
            body = await _json_body(request)
            if isinstance(body, Response):
                return body
            try:
                operation, what, joined = build(body)
            except ValueError as why:
                return _refuse(422, str(why))
            try:
                refusal = room.host.change(operation, what)
            except Exception:  # a surface's listener failed: say so on the page, log the bug
                _log.exception("the room's request %r failed in the host", what)
                return _refuse(500, "The facilitator's app could not take this; try again.")
            if refusal is not None:
                return _refuse(422, refusal)
            if joined is not None:
                room.remember(joined)
            return JSONResponse({"ok": True})

        return handler

    def join(body: dict[str, Any]):
        name = room_ops.clean_text(_text(body, "name"), what="Your name", limit=room_ops.MAX_NAME)
        return (lambda s: room_ops.join(s, name)), f"{name} joined the room", name

    def add(body: dict[str, Any]):
        name = _member(body)
        title, category = _text(body, "title"), body.get("category") or None
        if category is not None and not isinstance(category, str):
            raise ValueError("category must be text")
        operation = lambda s: room_ops.add_topic(s, name, title, category)  # noqa: E731
        return operation, f"Room: {name} added a topic", None

    def vote(body: dict[str, Any]):
        name, topic = _member(body), _text(body, "topic")
        return (lambda s: room_ops.vote(s, topic, name)), f"Room: {name} voted", None

    def unvote(body: dict[str, Any]):
        name, topic = _member(body), _text(body, "topic")
        return (lambda s: room_ops.unvote(s, topic, name)), f"Room: {name} took a vote back", None

    def _member(body: dict[str, Any]) -> str:
        name = _text(body, "name")
        session = room.host.session
        if session is None or not any(p.name == name for p in session.participants):
            raise ValueError("Join the room first: enter your name and press Join.")
        return name

    base = "/r/{token}"
    return [
        Route(base, checked(page), methods=["GET", "POST"]),  # POST: 403 before 405
        Route(base + "/", checked(page), methods=["GET", "POST"]),
        Route(base + "/static/{name}", checked(static)),
        Route(base + "/qr.svg", checked(qr_svg)),
        Route(base + "/state", checked(state)),
        Route(base + "/events", checked(events)),
        Route(base + "/join", checked(request_handler(join)), methods=["POST"]),
        Route(base + "/topics", checked(request_handler(add)), methods=["POST"]),
        Route(base + "/vote", checked(request_handler(vote)), methods=["POST"]),
        Route(base + "/unvote", checked(request_handler(unvote)), methods=["POST"]),
    ]


_PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def _refuse(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": reason}, status_code=status)


def _browser(request: Request) -> str:
    """The rate limit's key: the page's own browser id, with the peer's address."""
    client = request.headers.get("x-room-browser", "")[:64]
    peer = request.client.host if request.client else "?"
    return f"{peer}|{client}"


def _text(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{key} is missing")
    return value


async def _json_body(request: Request) -> dict[str, Any] | Response:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
        return _refuse(413, "That is too much text to send at once.")
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY:
            return _refuse(413, "That is too much text to send at once.")
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        return _refuse(400, "The request was not JSON.")
    if not isinstance(body, dict):
        return _refuse(400, "The request was not a JSON object.")
    return body
