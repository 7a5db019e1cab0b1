"""The room inside the app: `j` opens and closes it, participants' changes take the key path."""

from __future__ import annotations

import pytest

pytest.importorskip("uvicorn")

import httpx2 as httpx

from poforum_tui.domain import room as room_ops
from poforum_tui.room import qr
from poforum_tui.screens.room.panel import RoomPanel
from tests.conftest import FORUM, make_app, notices


def room_app(folder, clock, **kwargs):
    return make_app(folder, FORUM, clock, room_host="127.0.0.1", room_port=0, **kwargs)


def board_text(app) -> str:
    view = app.screen.view
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


async def test_j_opens_the_room_a_participants_topic_shows_and_undoes(sessions_dir, clock) -> None:
    app = room_app(sessions_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "Collected 12 " in board_text(app)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, RoomPanel)
        url = app.room_server.url
        assert url.startswith("http://127.0.0.1:")
        shown = app.screen.query_one("#room-url").render()
        assert str(shown) == url and len(url) <= 98  # one line of a 100-column screen
        assert str(app.screen.query_one("#room-qr").render()).splitlines() == list(
            qr.half_block_lines(url)
        )
        async with httpx.AsyncClient(timeout=5) as client:
            assert (await client.post(f"{url}/join", json={"name": "Ada"})).json()["ok"]
            await pilot.pause()
            assert "Ada: 3 votes left" in str(app.screen.query_one("#room-roster").render())
            added = await client.post(f"{url}/topics", json={"name": "Ada", "title": "From Ada"})
            assert added.json() == {"ok": True}
        await pilot.press("escape")
        await pilot.pause()
        assert app.room_open and "Collected 13 " in board_text(app)  # drawn live
        assert app.session.board.topics[-1].title == "From Ada"
        assert app.undo_stack[-1].what == "Room: Ada added a topic"
        await pilot.press("ctrl+z")  # the same undo as a key press
        await pilot.pause()
        assert "Collected 12 " in board_text(app)
        app.flush_save()
        assert "Ada" in (sessions_dir / FORUM).read_text()  # the join was saved
        await pilot.press("j")
        await pilot.pause()
        assert not app.room_open and app.room_server is None
        async with httpx.AsyncClient(timeout=2) as client:
            with pytest.raises(httpx.ConnectError):
                await client.get(url)


async def test_room_keys_show_only_while_open_and_change_the_session(sessions_dir, clock) -> None:
    app = room_app(sessions_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert "g" not in app.screen.active_bindings or not app.screen.check_action(
            "room_collecting", ()
        )
        footer = str(app.screen.query_one("KeyFooter").render_line(0).text)
        assert "Collection" not in footer
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        footer = str(app.screen.query_one("KeyFooter").render_line(0).text)
        assert "Collection" in footer and "Voting" in footer and "Cards" in footer
        await pilot.press("g", "o", "H")
        await pilot.pause()
        settings = room_ops.settings(app.session.board)
        assert settings == room_ops.RoomSettings(collecting=False, voting=False, cards_hidden=True)
        summary = str(app.screen.query_one("#board-summary").render())
        assert "room: collection closed, voting closed, cards hidden" in summary
        url = app.room_server.url
        async with httpx.AsyncClient(timeout=5) as client:
            await client.post(f"{url}/join", json={"name": "Ada"})
            refused = await client.post(f"{url}/topics", json={"name": "Ada", "title": "Late"})
        assert refused.status_code == 422
        assert refused.json()["error"] == room_ops.COLLECTION_CLOSED
        await pilot.press("J")
        await pilot.pause()
        assert isinstance(app.screen, RoomPanel)
        assert "Collection: closed (g)" in str(app.screen.query_one("#room-roster").render())
        await pilot.press("j")
        await pilot.pause()
        assert not app.room_open
        app.flush_save()
    text = (sessions_dir / FORUM).read_text()
    assert "collecting = false\n" in text and "cards_hidden = true\n" in text


async def test_a_read_only_app_cannot_open_a_room(sessions_dir, clock) -> None:
    app = room_app(sessions_dir, clock, read_only=True)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("2", "j")
        await pilot.pause()
        assert app.room_server is None and not app.room_open
        messages = [n.message for n in notices(app)]
        assert any("read-only" in m and "cannot open a room" in m for m in messages)


async def test_a_taken_port_is_reported_and_nothing_opens(sessions_dir, clock) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        app = make_app(sessions_dir, FORUM, clock, room_host="127.0.0.1", room_port=port)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.press("j")
            await pilot.pause()
            assert app.room_server is None
            assert any(f"Port {port}" in n.message for n in notices(app))


async def test_the_palette_opens_and_closes_the_room(sessions_dir, clock) -> None:
    app = room_app(sessions_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Open the room" in titles and "Close the room" not in titles
        await app.open_room()
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Close the room" in titles and "Open the room" not in titles
        await app.close_room()
        assert app.room_server is None


async def test_quitting_stops_the_room(sessions_dir, clock) -> None:
    app = room_app(sessions_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        url = app.room_server.url
        server = app.room_server
    assert not server.running
    async with httpx.AsyncClient(timeout=2) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(url)


def test_the_cli_hands_the_room_address_to_the_app(sessions_dir, monkeypatch) -> None:
    from poforum_tui import cli
    from poforum_tui.app import PoforumApp

    started = []
    monkeypatch.setattr(PoforumApp, "run", lambda self: started.append(self))
    monkeypatch.setattr(cli, "pause_collector", lambda: None)  # no app runs to resume it
    argv = [str(sessions_dir / FORUM), "--room-host", "127.0.0.1", "--room-port", "0"]
    assert cli.main(argv) == 0
    assert started[0]._room_address() == ("127.0.0.1", 0)


async def test_the_settings_file_gives_the_room_address(sessions_dir, clock, user_settings) -> None:
    user_settings.write_text('room_host = "127.0.0.1"\nroom_port = 0\n')
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app._room_address() == ("127.0.0.1", 0)
        assert await app.open_room()
        assert app.room_server.url.startswith("http://127.0.0.1:")
        await app.close_room()


async def test_hostile_names_show_as_text_in_the_roster(sessions_dir, clock) -> None:
    app = room_app(sessions_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        url = app.room_server.url
        async with httpx.AsyncClient(timeout=5) as client:
            for name in ("[b]Bold[/b]", "<script>x</script>"):
                assert (await client.post(f"{url}/join", json={"name": name})).json()["ok"]
        await pilot.pause()
        roster = str(app.screen.query_one("#room-roster").render())
        assert "[b]Bold[/b]: 3 votes left" in roster
        assert "<script>x</script>: 3 votes left" in roster


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_whole_qr_code_is_on_screen(sessions_dir, clock, size) -> None:
    app = room_app(sessions_dir, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("j")
        await pilot.pause()
        code = app.screen.query_one("#room-qr")
        url = app.screen.query_one("#room-url")
        lines = qr.half_block_lines(app.room_server.url)
        screen = app.screen.region
        assert code.region.height >= len(lines) and code.region.width >= len(lines[0])
        assert screen.contains_region(code.region) and screen.contains_region(url.region)
        assert url.region.width >= len(app.room_server.url)
