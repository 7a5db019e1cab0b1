"""The room's real server on 127.0.0.1: starts, answers, ends live streams, stops, refuses."""

from __future__ import annotations

import asyncio
import socket
import urllib.error
import urllib.request

import pytest

pytest.importorskip("uvicorn")

from poforum_tui.room import server as room_server
from poforum_tui.room.server import RoomError, RoomServer
from poforum_tui.store import load
from tests.conftest import EXAMPLES, FORUM
from tests.room_browser import ThreadedRoom
from tests.room_host import FakeHost


def test_a_room_answers_while_open_and_not_after(tmp_path) -> None:
    room = ThreadedRoom(FakeHost(load(EXAMPLES / FORUM)))
    try:
        assert room.url.startswith("http://127.0.0.1:") and "/r/" in room.url
        assert len(room.server.token) >= 16  # at least 64 bits, URL-safe
        with urllib.request.urlopen(room.url, timeout=5) as page:
            assert page.status == 200 and b"Your name" in page.read()
        stream = urllib.request.urlopen(room.url + "/events", timeout=5)
        assert stream.readline().startswith(b"data: {")  # a live stream is open
    finally:
        room.stop()  # returns although the stream above is still connected
    assert stream.read() == b"\n"  # the stream ended: the rest of its last event
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(room.url, timeout=2)


def test_a_read_only_host_cannot_open_a_room() -> None:
    server = RoomServer(FakeHost(load(EXAMPLES / FORUM), read_only=True), bind_host="127.0.0.1")
    with pytest.raises(RoomError, match="read-only"):
        asyncio.run(server.start())


def test_a_port_in_use_is_refused_with_the_reason() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = RoomServer(FakeHost(load(EXAMPLES / FORUM)), bind_host="127.0.0.1", port=port)
        with pytest.raises(RoomError, match=f"Port {port} on 127.0.0.1 is in use"):
            asyncio.run(server.start())


def test_the_printed_address_is_never_the_wildcard(monkeypatch) -> None:
    address = room_server.outward_address()
    socket.inet_aton(address)
    assert address != "0.0.0.0"
    assert room_server.shown_address("0.0.0.0") == address
    assert room_server.shown_address("127.0.0.1") == "127.0.0.1"
    assert room_server.shown_address("::1") == "[::1]"

    def no_network(*args):
        raise OSError("network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    assert room_server.outward_address() == "127.0.0.1"


def test_twelve_participants_at_once_over_http_lose_nothing() -> None:
    import json
    import threading

    host = FakeHost(load(EXAMPLES / FORUM))
    room = ThreadedRoom(host)
    names = [f"PO {n:02d}" for n in range(12)]
    start = threading.Barrier(len(names))
    errors: list[str] = []

    def post(path: str, browser: str, **body) -> dict:
        request = urllib.request.Request(
            f"{room.url}{path}",
            json.dumps(body).encode(),
            {"Content-Type": "application/json", "X-Room-Browser": browser},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())

    def participant(name: str) -> None:
        try:
            start.wait(10)
            post("/join", name, name=name)
            post("/topics", name, name=name, title=f"Topic of {name}")
            topics = [t.id for t in host.session.board.topics[:3]]
            for topic in topics:
                post("/vote", name, name=name, topic=topic)
        except Exception as error:  # reported below with the name
            errors.append(f"{name}: {error}")

    threads = [threading.Thread(target=participant, args=(name,)) for name in names]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        room.stop()
    assert errors == []
    board = host.session.board
    assert sorted(t.author for t in board.topics if t.title.startswith("Topic of")) == names
    assert all(board.votes_used(name) == 3 for name in names)
    assert sum(board.votes_used(name) for name in names) == 36
