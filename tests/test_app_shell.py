"""The app shell: modes, opening sessions, undo/redo through one apply path, saving."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.domain import board as board_ops
from poforum_tui.screens.agenda.screen import AgendaScreen
from poforum_tui.screens.board.screen import BoardScreen
from poforum_tui.screens.decisions.screen import DecisionsScreen
from poforum_tui.screens.sessions.screen import SessionsScreen
from poforum_tui.store import load
from tests.conftest import FORUM, KICKOFF, make_app, notices


async def test_home_lists_sessions_and_enter_opens_newest(sessions_dir: Path) -> None:
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, SessionsScreen)
        assert app.session is None
        await pilot.press("1")  # nothing open yet: stays home
        assert isinstance(app.screen, SessionsScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.session is not None and app.session.kind == "po-sync"  # the newest


async def test_number_keys_switch_modes(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, KICKOFF)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("2")
        assert isinstance(app.screen, BoardScreen)
        await pilot.press("3")
        assert isinstance(app.screen, DecisionsScreen)
        await pilot.press("4")
        assert type(app.screen).__name__ == "DependenciesScreen"
        await pilot.press("0")
        assert isinstance(app.screen, SessionsScreen)
        await pilot.press("1")
        assert isinstance(app.screen, AgendaScreen)


async def test_opening_and_quitting_never_rewrites(sessions_dir: Path) -> None:
    path = sessions_dir / KICKOFF
    before = path.stat().st_mtime_ns, path.read_bytes()
    app = make_app(sessions_dir, KICKOFF)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "3", "1")
        await pilot.press("ctrl+q")
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


async def test_change_saves_and_undo_redo_restore(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        original = app.session
        column = original.board.columns[0].id
        assert app.change(lambda s: board_ops.add_topic(s, column, "Who owns the DoD?"))
        app.flush_save()  # saves now: no waiting out the debounce
        assert load(path).board.topics[-1].title == "Who owns the DoD?"
        await pilot.press("ctrl+z")
        assert app.session == original
        app.flush_save()  # saves now: no waiting out the debounce
        assert load(path) == original
        await pilot.press("ctrl+y")
        assert app.session.board.topics[-1].title == "Who owns the DoD?"
        await pilot.press("ctrl+q")
    assert load(path).board.topics[-1].title == "Who owns the DoD?"


async def test_refused_operation_is_a_notice_not_a_crash(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        before = app.session
        assert not app.change(lambda s: board_ops.add_topic(s, "no-such-column", "x"))
        assert app.session is before
        await pilot.pause()
        assert any("no-such-column" in n.message for n in notices(app))


async def test_markup_in_titles_is_shown_literally(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    hostile = "[bold]x[/] [/oops] [@click=app.quit]"
    async with app.run_test(size=(100, 30)) as pilot:
        column = app.session.board.columns[0].id
        app.change(lambda s: board_ops.add_topic(s, column, hostile, author=hostile))
        app.change(lambda s: s.model_copy(update={"title": hostile}))
        for key in ("1", "2", "3"):
            await pilot.press(key)
            await pilot.pause()
        assert app.title == hostile
        await pilot.press("2", "end")
        detail = app.screen.query_one("#board-detail")
        assert hostile in str(detail.content) and hostile in str(detail.render())
        assert app.is_running


async def test_palette_lists_every_key_of_the_screen_with_its_key(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Vote (v)" in titles
        assert any(t.startswith("Add") and t.endswith("(a)") for t in titles)
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Vote (v)")
        await command.callback()
        await pilot.pause()
        assert app.screen.picker.is_open


async def test_palette_new_session_from_template_writes_and_opens_it(sessions_dir: Path) -> None:
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        app.new_session_from("po-sync")
        await pilot.pause()
        await pilot.press(*"Sync 49", "tab")
        date_field = app.screen.query_one("#field-date")
        date_field.value = "2026-12-02"
        await pilot.press("enter")
        await pilot.pause()
        path = sessions_dir / "2026-12-02-sync-49.toml"
        assert app.path == path and load(path).kind == "po-sync"
        app.new_session_from("po-sync")  # the same title and date again: refused in the form
        await pilot.pause()
        await pilot.press(*"Sync 49")
        app.screen.query_one("#field-date").value = "2026-12-02"
        await pilot.press("enter")
        await pilot.pause()
        assert "already exists" in str(app.screen.query_one("#error-title").render())
