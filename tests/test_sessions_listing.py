"""The Sessions screen lists through the folder's index: at once from what it knows, checked
against the files in a thread, many new files read in a thread and listed as they come, and a
list of any length moved through with home/end/page keys (issue 18)."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.screens.sessions import screen as sessions_module
from poforum_tui.screens.sessions.row_list import RowList
from poforum_tui.store import load, save
from poforum_tui.store.index import SessionIndex
from tests.conftest import FORUM, KICKOFF, METASCRUM, SYNC, make_app
from tests.test_sessions_screen import text_of


def copies(folder: Path, count: int) -> list[str]:
    """`count` more sessions, dated after the examples, so they list first."""
    names = []
    source = load(folder / FORUM)
    for day in range(2, count + 2):  # after the newest example (12-01)
        name = f"2026-12-{day:02d}-po-forum.toml"
        save(
            source.model_copy(
                update={"title": f"Forum {day}", "date": source.date.replace(month=12, day=day)}
            ),
            folder / name,
        )
        names.append(name)
    return names


async def test_many_new_files_are_read_in_a_thread_newest_first(
    sessions_dir: Path, monkeypatch
) -> None:
    monkeypatch.setattr(sessions_module, "READ_AT_ONCE", 2)
    added = copies(sessions_dir, 6)
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#sessions-table", RowList)
        assert [Path(str(k)).name for k in table.keys] == [
            *reversed(added),
            SYNC,
            METASCRUM,
            FORUM,
            KICKOFF,
        ]
        assert "10 sessions" in text_of(app, "#sessions-status")


async def test_a_known_folder_lists_at_once_and_the_thread_corrects_it(
    sessions_dir: Path,
) -> None:
    with SessionIndex(sessions_dir) as index:
        index.refresh()
    (sessions_dir / METASCRUM).unlink()  # the index still lists it
    path = sessions_dir / FORUM
    save(load(path).model_copy(update={"title": "PO Forum #2, renamed"}), path)
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#sessions-table", RowList)
        assert [Path(str(k)).name for k in table.keys] == [SYNC, FORUM, KICKOFF]
        assert "renamed" in str(table.get_row(str(path))[1])


async def test_home_end_and_page_keys_move_through_the_list(sessions_dir: Path) -> None:
    copies(sessions_dir, 20)
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#sessions-table", RowList)
        assert app.focused is table and table.row_count == 24
        await pilot.press("end")
        assert table.cursor_row == 23
        assert "PO Forum #1 — kickoff" in text_of(app, "#preview-body")
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("pagedown")
        assert table.cursor_row > 1
        await pilot.press("pageup")
        assert table.cursor_row == 0
