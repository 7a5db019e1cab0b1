"""The Sessions screen: list and preview, broken files, search, open, review, new, export."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select, Static

from poforum_tui.screens.agenda.screen import AgendaScreen
from poforum_tui.screens.decisions.screen import DecisionsScreen
from poforum_tui.screens.sessions.new_session_form import CARRY, FRESH, NextSessionForm
from poforum_tui.screens.sessions.row_cells import highlighted_text
from poforum_tui.screens.sessions.row_list import RowList
from poforum_tui.screens.sessions.screen import SessionsScreen
from poforum_tui.store import SessionSummary, load
from poforum_tui.store.search import Hit
from tests.conftest import FORUM, KICKOFF, METASCRUM, SYNC, make_app, notices

BROKEN = "2026-12-01-broken.toml"


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def add_broken(folder: Path) -> Path:
    path = folder / BROKEN
    path.write_text('schema = 1\ntitle "no equals sign"\n', encoding="utf-8")
    return path


async def test_lists_newest_first_with_counts_and_broken_files(sessions_dir: Path) -> None:
    add_broken(sessions_dir)
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one("#sessions-table", RowList)
        keys = table.keys
        assert [Path(k).name for k in keys] == [SYNC, METASCRUM, FORUM, KICKOFF, BROKEN]
        forum_row = [str(c) for c in table.get_row(str(sessions_dir / FORUM))]
        assert "6 to follow up" in forum_row[1] and "15 topics" in forum_row[1]
        broken_row = [str(c) for c in table.get_row(str(sessions_dir / BROKEN))]
        assert "2:7: expected '='" in broken_row[1]
        assert "1 file could not be read" in text_of(app, "#sessions-status")
        assert "PO Sync — Sprint 25, week 1" in text_of(app, "#preview-body")
        await pilot.press("down", "down", "down", "down")
        preview = text_of(app, "#preview-body")
        assert "does not load" in preview and 'title "no equals sign"' in preview
        await pilot.press("enter")  # a broken file says why instead of opening
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen) and app.session is None
        assert any("2:7" in n.message for n in notices(app))


async def test_preview_shows_agenda_topics_and_decisions(sessions_dir: Path) -> None:
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "down")
        preview = text_of(app, "#preview-body")
        assert "PO Forum #1 — kickoff" in preview
        assert "planned 1:55:00 · actual 2:02:56" in preview
        assert "+02:22  Introductions" in preview
        assert "Top topics" in preview and "Who owns the Definition of Done" in preview
        assert "open action" in preview


async def test_previews_come_from_the_index_without_reading_the_files(
    sessions_dir: Path, monkeypatch
) -> None:
    """Years of history: moving through the list previews each file from the facts its index
    row keeps; a file changed since is read again and its new facts shown."""
    from importlib import import_module

    from poforum_tui.store.index import SessionIndex

    load_module = import_module("poforum_tui.store.load")
    with SessionIndex(sessions_dir) as index:
        index.refresh()
    parsed: list[str] = []
    real = load_module.parse
    monkeypatch.setattr(
        load_module, "parse", lambda raw, path: parsed.append(Path(path).name) or real(raw, path)
    )
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "down")
        await app.workers.wait_for_complete()
        preview = text_of(app, "#preview-body")
        assert "PO Forum #1 — kickoff" in preview and "+02:22  Introductions" in preview
        assert parsed == []
        path = sessions_dir / KICKOFF
        text = path.read_text(encoding="utf-8").replace("Introductions", "Check-in round", 1)
        path.write_text(text, encoding="utf-8")
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert parsed == [KICKOFF]
        assert "Check-in round" in text_of(app, "#preview-body")


def test_stored_facts_drop_a_follows_warning_once_its_file_is_there(tmp_path: Path) -> None:
    from poforum_tui.store.preview_facts import current_warnings

    facts = {
        "follows": "2026-11-24-metascrum.toml",
        "warnings": [
            [3, 1, "follows: '2026-11-24-metascrum.toml' is not in this folder"],
            [9, 1, "board.topics[1].votes: votes from 'Zed', not a participant"],
        ],
    }
    assert len(current_warnings(facts, tmp_path)) == 2
    (tmp_path / "2026-11-24-metascrum.toml").write_text("", encoding="utf-8")
    assert current_warnings(facts, tmp_path) == [facts["warnings"][1]]


async def test_search_finds_a_dependency_and_opens_it_on_the_dependencies_screen(
    sessions_dir: Path,
) -> None:
    from poforum_tui.screens.dependencies.dependency_table import DependencyTable
    from poforum_tui.screens.dependencies.screen import DependenciesScreen

    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"risk score")
        screen = app.screen
        found = [(hit.where, hit.item_id) for hit in screen.hits]
        assert ("dependency", "dep2") in found
        await pilot.press("enter", *["down"] * found.index(("dependency", "dep2")), "r")
        await pilot.pause()
        assert isinstance(app.screen, DependenciesScreen)
        table = app.screen.query_one("#dependencies-table", DependencyTable)
        assert table.cursor_key == "dep2"


async def test_search_finds_a_decision_and_opens_it_read_only(
    sessions_dir: Path, monkeypatch
) -> None:
    focused: list[str] = []
    monkeypatch.setattr(
        DecisionsScreen, "focus_item", lambda self, item_id: focused.append(item_id), raising=False
    )
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"escalation path")
        screen = app.screen
        assert screen.searching
        assert [hit.summary.path.name for hit in screen.hits] == [FORUM, KICKOFF]
        assert "2 matches in 2 sessions" in text_of(app, "#sessions-status")
        await pilot.press("enter", "down")  # to the results, then the older match
        assert app.focused.id == "search-results"
        assert "PO Forum #1 — kickoff" in text_of(app, "#preview-body")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, DecisionsScreen)  # where the matching action lives
        assert focused == ["d4"]  # the hook a screen offers to select the item
        assert app.read_only and app.path == sessions_dir / KICKOFF
        assert "read-only" in app.sub_title


async def test_search_typing_letters_never_triggers_keys_and_escape_goes_back(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"rn tomas")
        screen = app.screen
        assert isinstance(screen, SessionsScreen) and app.session is None
        assert screen.query_one("#sessions-search").value == "rn tomas"
        assert screen.hits == []
        assert "Nothing matches" in text_of(app, "#sessions-status")
        await pilot.press(*["backspace"] * 3, "backspace", "backspace", "backspace")
        assert screen.hits and all(h.summary.session for h in screen.hits)  # "tomás"
        await pilot.press("escape")
        assert not screen.searching
        assert app.focused.id == "sessions-table"
        assert "4 sessions" in text_of(app, "#sessions-status")


async def test_enter_opens_for_editing(sessions_dir: Path) -> None:
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.path == sessions_dir / FORUM and not app.read_only


async def test_new_session_from_a_template_only(sessions_dir: Path) -> None:
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "n")
        form = app.screen
        assert isinstance(form, NextSessionForm)
        assert form.value("title") == "PO Forum #3"
        form.query_one("#field-carry", Select).value = FRESH
        await pilot.press("enter")
        await pilot.pause()
        created = sessions_dir / "2026-12-01-po-forum-3.toml"  # two weeks on; FakeClock's today
        assert created.exists() and app.path == created
        session = load(created)
        assert session.title == "PO Forum #3" and session.kind == "po-forum"
        assert session.follows is None and not session.decisions


async def test_new_session_with_nothing_highlighted_starts_from_a_template(tmp_path: Path) -> None:
    app = make_app(tmp_path / "empty")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        form = app.screen
        assert not form.query("#field-carry")
        await pilot.press(*"Retro", "enter")
        await pilot.pause()
        assert app.path == tmp_path / "empty" / "2026-12-01-retro.toml"


async def test_new_session_refuses_a_bad_date_and_keeps_the_title(sessions_dir: Path) -> None:
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        form = app.screen
        form.query_one("#field-date").value = "next tuesday"
        await pilot.press("enter")
        assert app.screen is form
        assert "is not a date" in str(form.query_one("#error-date", Static).render())
        assert form.value("title") == "PO Sync — Sprint 25, week 2"
        await pilot.press("escape")
        assert isinstance(app.screen, SessionsScreen)
        files = sorted(p.name for p in sessions_dir.glob("*.toml"))
        assert files == [KICKOFF, FORUM, METASCRUM, SYNC]


async def test_new_session_refuses_a_taken_file_name_beside_the_title(sessions_dir: Path) -> None:
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        form = app.screen
        form.query_one("#field-title").value = "PO Forum"
        form.query_one("#field-date").value = "2026-11-17"
        await pilot.press("enter")
        assert app.screen is form
        error = str(form.query_one("#error-title", Static).render())
        assert f"{FORUM} already exists" in error
        assert form.value("title") == "PO Forum"


async def test_new_session_carries_over_the_highlighted_one(sessions_dir: Path) -> None:
    kickoff = load(sessions_dir / KICKOFF)
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "down", "n")  # the kickoff
        form = app.screen
        assert form.query_one("#field-carry", Select).value == CARRY
        form.query_one("#field-title").value = "PO Forum #2b"
        form.query_one("#field-date").value = "+3w"  # from the kickoff's date
        await pilot.press("enter")
        await pilot.pause()
        assert app.path == sessions_dir / "2026-11-24-po-forum-2b.toml"
    created = load(sessions_dir / "2026-11-24-po-forum-2b.toml")
    assert created.follows == KICKOFF
    still_open = [d.id for d in kickoff.decisions if d.status == "open"]
    assert [d.id for d in created.decisions] == still_open
    assert all(d.carried_from == KICKOFF for d in created.decisions)


async def test_palette_exports_write_beside_the_file(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Export minutes (Markdown)"].callback()
        await pilot.pause()
        minutes = sessions_dir / "2026-11-17-po-forum.minutes.md"
        assert minutes.read_text(encoding="utf-8").startswith("# PO Forum #2\n")
        assert any(str(minutes) in n.message for n in notices(app))
        await pilot.press("0")
        home = {c.title: c for c in app.get_system_commands(app.screen)}
        home["Export highlighted decisions (CSV)"].callback()
        await pilot.pause()
        assert (sessions_dir / "2026-11-17-po-forum.decisions.csv").exists()  # the open one


async def test_reload_picks_up_new_and_fixed_files(sessions_dir: Path) -> None:
    broken = add_broken(sessions_dir)
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one("#sessions-table", RowList)
        assert table.row_count == 5
        broken.write_text(
            'schema = 1\ntitle = "Fixed"\ndate = 2026-12-01\nkind = "po-sync"\n', encoding="utf-8"
        )
        await pilot.press("f5")
        names = [Path(str(key)).name for key in table.keys]
        assert names[:2] == [SYNC, BROKEN]  # both on 2026-12-01: then by name, newest first
        assert "1 file" not in text_of(app, "#sessions-status")


def test_a_long_hit_is_shown_from_near_its_first_match(sessions_dir: Path) -> None:
    summary = SessionSummary.of(sessions_dir / FORUM, load(sessions_dir / FORUM))
    text = "x" * 100 + " needle"
    shown = highlighted_text(Hit(summary, "topic", text, ((101, 107),)))
    assert shown.plain.startswith("…") and shown.plain.endswith("needle")
    assert [shown.plain[s.start : s.end] for s in shown.spans] == ["needle"]
    short = highlighted_text(Hit(summary, "topic", "a needle", ((2, 8),)))
    assert short.plain == "a needle" and short.spans[0].start == 2


async def test_many_matches_are_capped_and_the_status_says_so(
    sessions_dir: Path, monkeypatch
) -> None:
    from poforum_tui.screens.sessions import screen as sessions_module

    monkeypatch.setattr(sessions_module, "MAX_SHOWN_HITS", 3)
    app = make_app(sessions_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", "o")
        assert app.screen.found.total > 3 and len(app.screen.hits) == 3
        assert app.screen.query_one("#search-results", RowList).row_count == 3
        assert "showing the first 3" in text_of(app, "#sessions-status")


async def test_coming_home_highlights_the_open_session(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, KICKOFF)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("0")
        table = app.screen.query_one("#sessions-table", RowList)
        assert table.cursor_row == 3
        assert "PO Forum #1 — kickoff" in text_of(app, "#preview-body")
