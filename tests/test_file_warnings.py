"""Issue 17.3 and 17.7: the app tells once what `poforum check` warns about (a notice when the
file opens, and in the Sessions preview beside the file), and the preview shows no tallies
while the session hides them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from poforum_tui.screens.sessions.row_list import RowList
from poforum_tui.store import load, save
from tests.conftest import FORUM, make_app, notices

NEAR_MISS = "strat = 09:30:00\n"


def with_near_miss(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\n", 1)
    path.write_text(f"{head}\n{NEAR_MISS}{rest}", encoding="utf-8")


def preview_text(app) -> str:
    return str(app.screen.query_one("#preview-body", Static).render())


async def highlight(app, pilot, path: Path) -> None:
    """Move the Sessions list's cursor to `path` (the preview follows it)."""
    table = app.screen.query_one("#sessions-table", RowList)
    table.move_cursor(row=table.keys.index(str(path)))
    await pilot.pause()


async def test_opening_a_file_with_warnings_says_so_once(sessions_dir: Path) -> None:
    with_near_miss(sessions_dir / FORUM)
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notes = [n for n in notices(app) if "warning" in (n.title or "")]
        assert len(notes) == 1
        assert notes[0].title == f"{FORUM}: 1 warning"
        assert notes[0].message == "2:1: strat: unknown key; did you mean start?"
        assert notes[0].severity == "warning"
        app.change(lambda s: s.model_copy(update={"title": "Changed"}), "Rename")
        await pilot.pause()
        assert len([n for n in notices(app) if "warning" in (n.title or "")]) == 1


async def test_a_file_without_warnings_opens_without_a_notice(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not [n for n in notices(app) if "warning" in (n.title or "")]


async def test_the_sessions_preview_lists_the_warnings(sessions_dir: Path) -> None:
    with_near_miss(sessions_dir / FORUM)
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await highlight(app, pilot, sessions_dir / FORUM)
        preview = preview_text(app)
        assert "⚠ 1 warning (poforum check)" in preview
        assert "2:1: strat: unknown key; did you mean start?" in preview


async def test_the_preview_hides_tallies_the_session_hides(sessions_dir: Path) -> None:
    path = sessions_dir / FORUM
    session = load(path)
    topics = list(session.board.topics)
    topics[3] = topics[3].model_copy(update={"votes": {"Maya Goldberg": 3}})
    board = session.board.model_copy(update={"topics": tuple(topics), "votes_hidden": True})
    save(session.model_copy(update={"board": board}), path)
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await highlight(app, pilot, path)
        preview = preview_text(app)
        assert "tallies hidden" in preview and "Top topics" not in preview
        assert "  3 " not in preview
