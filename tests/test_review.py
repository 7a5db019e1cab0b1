"""Read-only review: editing keys dimmed and refused, nothing written; review and export CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from poforum_tui import cli
from poforum_tui.app import PoforumApp
from poforum_tui.domain import board as board_ops
from poforum_tui.screens.base import SessionScreen
from poforum_tui.store import load
from poforum_tui.store.export import export
from tests.conftest import FORUM, KICKOFF, make_app, notices

EDITING_KEYS = [
    "space", "n", "plus", "minus", "a", "e", "delete", "shift+up", "shift+down",
    "left", "right", "up", "down", "shift+left", "shift+right", "v", "s", "h", "t", "d",
    "ctrl+z", "ctrl+y",
]  # fmt: skip


def fingerprint(path: Path) -> tuple[int, bytes]:
    return path.stat().st_mtime_ns, path.read_bytes()


class PokeScreen(SessionScreen):
    """A screen with one editing key and one harmless key, to test the mechanism alone."""

    EDITING_ACTIONS = frozenset({"poke"})
    BINDINGS = [
        Binding("x", "poke", "Poke", id="poke"),
        Binding("y", "look", "Look", id="look"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.poked = self.looked = 0

    def compose(self) -> ComposeResult:
        yield Static("poke")
        yield Footer()

    def show_session(self, session) -> None:
        pass

    def action_poke(self) -> None:
        self.poked += 1
        self.app.change(lambda s: s.model_copy(update={"title": "poked"}), "Poke")

    def action_look(self) -> None:
        self.looked += 1


@pytest.mark.slow  # every key on every screen: the slow tier (make test-all, CI)
async def test_every_editing_key_on_every_screen_writes_nothing(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    before = fingerprint(path)
    app = make_app(sessions_dir, FORUM, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        loaded = app.session
        for screen_key in ("1", "2", "3"):
            await pilot.press(screen_key)
            await pilot.press(*EDITING_KEYS)
            await pilot.press("escape", "escape")
            await pilot.pause()
        assert not app.change(lambda s: board_ops.add_topic(s, "collected", "x"))
        app.flush_save()  # saves now: no waiting out the debounce
        assert app.session is loaded
        assert "read-only" in app.sub_title
        await pilot.press("ctrl+q")
    assert fingerprint(path) == before
    assert not list(sessions_dir.glob(".*.tmp"))


async def test_editing_actions_are_dimmed_and_refused_with_a_notice(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    before = fingerprint(path)
    app = make_app(sessions_dir, FORUM, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = PokeScreen()
        await app.push_screen(screen)
        bindings = {b.binding.action: b.enabled for b in screen.active_bindings.values()}
        assert bindings["poke"] is False and bindings["look"] is True
        await pilot.press("x", "y")
        await pilot.pause()
        assert screen.poked == 0 and screen.looked == 1
        assert any("Read-only" in n.message for n in notices(app))
        await pilot.press("ctrl+q")
    assert fingerprint(path) == before


async def test_editing_actions_work_when_not_read_only(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = PokeScreen()
        await app.push_screen(screen)
        bindings = {b.binding.action: b.enabled for b in screen.active_bindings.values()}
        assert bindings["poke"] is True
        await pilot.press("x")
        assert screen.poked == 1 and app.session.title == "poked"


async def test_opening_another_session_for_editing_leaves_review_mode(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, KICKOFF, read_only=True)
    async with app.run_test(size=(100, 30)):
        assert app.read_only
        assert app.open_session(sessions_dir / FORUM)
        assert not app.read_only and "read-only" not in app.sub_title


def test_cli_review_opens_read_only(sessions_dir: Path, monkeypatch) -> None:
    opened: list[PoforumApp] = []
    monkeypatch.setattr(PoforumApp, "run", lambda self, *a, **k: opened.append(self))
    assert cli.main(["review", str(sessions_dir / FORUM)]) == 0
    assert opened[0].read_only and opened[0].path == sessions_dir / FORUM


def test_cli_review_of_a_broken_file_says_where(sessions_dir: Path, capsys) -> None:
    bad = sessions_dir / "bad.toml"
    bad.write_text("schema = 1\ntitle = \n", encoding="utf-8")
    assert cli.main(["review", str(bad)]) == 1
    assert f"{bad}:2:" in capsys.readouterr().err


def test_cli_export_to_stdout_and_to_a_file(sessions_dir: Path, capsysbinary) -> None:
    path = sessions_dir / FORUM
    assert cli.main(["export", str(path), "--format", "csv"]) == 0
    assert capsysbinary.readouterr().out.decode("utf-8") == export(load(path), "csv")
    out = sessions_dir / "minutes.md"
    assert cli.main(["export", str(path), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == export(load(path), "md", folder=sessions_dir)
    assert cli.main(["export", str(path), "-f", "json", "-o", "-"]) == 0
    assert capsysbinary.readouterr().out.startswith(b'{\n  "schema": 1,')


def test_cli_export_errors_are_clear(sessions_dir: Path, capsys) -> None:
    assert cli.main(["export", str(sessions_dir / "missing.toml")]) == 1
    assert "missing.toml: cannot read" in capsys.readouterr().err
    target = sessions_dir / "no-such-dir" / "x.md"
    assert cli.main(["export", str(sessions_dir / FORUM), "-o", str(target)]) == 1
    assert "cannot write" in capsys.readouterr().err


async def test_review_dims_decision_on_the_board_and_hides_key_hints(sessions_dir: Path) -> None:
    from poforum_tui.widgets.line_text import LineText as Text

    app = make_app(sessions_dir, FORUM, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        timer_text = str(app.screen.query_one("#timer-text", Text).render())
        assert "space starts it" not in timer_text
        await pilot.press("2")
        await pilot.pause()
        enabled = {b.binding.action: b.enabled for b in app.screen.active_bindings.values()}
        assert enabled["decision"] is False


async def test_editing_shows_the_key_hints(sessions_dir: Path) -> None:
    from poforum_tui.widgets.line_text import LineText as Text

    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "space starts it" in str(app.screen.query_one("#timer-text", Text).render())
        await pilot.press("2")
        await pilot.pause()
        enabled = {b.binding.action: b.enabled for b in app.screen.active_bindings.values()}
        assert enabled["decision"] is True
