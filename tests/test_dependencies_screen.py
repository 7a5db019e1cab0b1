"""Pilot tests of the Dependencies screen (key 4), its form, the board's D, the confidence vote
and the Agenda's representation check, asserting on the session and the saved file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, Static

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.domain import dependencies as deps
from poforum_tui.screens.agenda.agenda_table import AgendaTable
from poforum_tui.screens.decisions.decision_form import DecisionForm
from poforum_tui.screens.decisions.outcome_form import OutcomeScreen
from poforum_tui.screens.dependencies.confidence_panel import QuestionForm
from poforum_tui.screens.dependencies.dependency_form import DependencyForm
from poforum_tui.screens.dependencies.dependency_table import DependencyTable
from poforum_tui.screens.dependencies.screen import DependenciesScreen
from poforum_tui.store import load, save
from poforum_tui.store.carryover import session_after
from poforum_tui.store.create import create_session_file
from tests.conftest import SYNC, make_app

SIZE = (100, 30)


async def open_dependencies(pilot) -> DependenciesScreen:
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DependenciesScreen)
    return pilot.app.screen


def row_ids(screen: DependenciesScreen) -> list[str]:
    return screen.query_one("#dependencies-table", DependencyTable).keys


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def saved(app, path: Path):
    app.flush_save()
    return load(path)


async def test_grouped_by_who_delivers_urgent_first_and_by_who_needs_it_on_g(
    sessions_dir: Path, clock
) -> None:
    path = sessions_dir / SYNC
    session = deps.set_status(load(path), "dep4", "blocked")  # Onboarding delivers: urgent
    save(session, path)
    app = make_app(sessions_dir, SYNC, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dependencies(pilot)
        # groups with something at risk or blocked first (Onboarding, Payments), then by name
        assert row_ids(screen) == ["dep4", "dep1", "dep3", "dep2"]
        summary = text_of(screen, "#dependencies-summary")
        assert "4 dependencies · 4 open · 2 at risk or blocked · 1 escalated" in summary
        assert "by who delivers (g)" in summary
        await pilot.press("down")
        detail = text_of(screen, "#dependency-detail")
        assert "Mobile needs from Payments: Payments API v3 sandbox" in detail
        assert "escalated po-sync → metascrum on 2026-12-01; the MetaScrum decides" in detail
        assert "6 votes · average 3.7" in text_of(screen, "#confidence")
        await pilot.press("g")
        assert "by who needs it (g)" in text_of(screen, "#dependencies-summary")
        assert row_ids(screen) == ["dep4", "dep1", "dep2", "dep3"]  # Merchant p., Mobile, ...


async def test_add_refuses_what_is_missing_then_saves(sessions_dir: Path, clock) -> None:
    path = sessions_dir / SYNC
    app = make_app(sessions_dir, SYNC, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dependencies(pilot)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, DependencyForm) and app.focused.id == "field-text"
        await pilot.press(*"Card vault tokens")
        await pilot.press("enter")
        assert "Which team needs it?" in str(form.query_one("#error-from").render())
        form.query_one("#field-from", Input).value = "Mobile"
        form.query_one("#field-to", Input).value = "mobile"
        await pilot.press("enter")
        assert "between two teams" in str(form.query_one("#error-to").render())
        form.query_one("#field-to", Input).value = "Risk and fraud"
        form.query_one("#field-needed_by", Input).value = "2026-02-30"
        await pilot.press("enter")
        assert "not a day in the calendar" in str(form.query_one("#error-needed_by").render())
        assert form.query_one("#field-text", Input).value == "Card vault tokens"  # kept
        form.query_one("#field-needed_by", Input).value = "+1w"
        form.query_one("#field-owner", Input).value = "Jonas Weber"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        added = (await saved(app, path)).dependency("dep5")
        assert (added.text, added.from_, added.to, added.needed_by, added.owner) == (
            "Card vault tokens",
            "Mobile",
            "Risk and fraud",
            dt.date(2026, 12, 8),
            "Jonas Weber",
        )
        assert added.raised_on == dt.date(2026, 12, 1)
        assert screen.selected().id == "dep5"  # the cursor lands on it


async def test_edit_status_escalate_decide_and_delete(sessions_dir: Path, clock) -> None:
    path = sessions_dir / SYNC
    app = make_app(sessions_dir, SYNC, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dependencies(pilot)
        await pilot.press("down", "down", "down")  # Risk and fraud: dep2, requested
        assert screen.selected().id == "dep2"
        await pilot.press("space")
        assert app.session.dependency("dep2").status == "agreed"
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, DependencyForm)
        assert form.query_one("#field-needed_by", Input).value == "Sprint 26"
        form.query_one("#field-needed_by", Input).value = "Sprint 27"
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.dependency("dep2").needed_by == "Sprint 27"
        await pilot.press("u")
        dep2 = app.session.dependency("dep2")
        assert (dep2.escalate_to, dep2.escalated_from, dep2.decided_by) == (
            "metascrum",
            "po-sync",
            "the MetaScrum",
        )
        await pilot.press("d")
        decision_form = app.screen
        assert isinstance(decision_form, DecisionForm)
        await pilot.press(*"Risk and fraud ships the score behind a flag")
        await pilot.press("enter")
        await pilot.pause()
        dep2 = app.session.dependency("dep2")
        assert app.session.decision(dep2.decision).text.startswith("Risk and fraud ships")
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [d.id for d in (await saved(app, path)).dependencies] == ["dep1", "dep3", "dep4"]


async def test_carried_dependencies_take_an_outcome(sessions_dir: Path, clock) -> None:
    nxt = session_after(sessions_dir / SYNC, date=dt.date(2026, 12, 8))
    path = create_session_file(sessions_dir, nxt)
    app = make_app(sessions_dir, path.name, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dependencies(pilot)
        assert "4 carried need an outcome (o)" in text_of(screen, "#dependencies-summary")
        assert screen.selected().id == "dep1"
        await pilot.press("o")
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("k")
        await pilot.pause()
        assert app.session.dependency("dep1").outcome == "keep"
        assert screen.selected().id != "dep1"  # on to the next one under review
        await pilot.press("o", "d")
        done = [d for d in app.session.dependencies if d.outcome == "done"]
        assert len(done) == 1 and done[0].status == "done"
        assert "2 carried need an outcome (o)" in text_of(screen, "#dependencies-summary")
    assert load(path).dependency("dep1").outcome == "keep"


async def test_confidence_vote_with_the_voter_picker(sessions_dir: Path, clock) -> None:
    path = sessions_dir / SYNC
    session = load(path).model_copy(update={"confidence": ()})
    save(session, path)
    app = make_app(sessions_dir, SYNC, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dependencies(pilot)
        assert not screen.query_one("#confidence").display
        assert screen.check_action("vote", ()) is None  # no question yet: v is dimmed
        await pilot.press("c")
        assert isinstance(app.screen, QuestionForm)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.confidence[0].question.startswith("How confident")
        await pilot.press("v")
        await pilot.pause()
        assert screen.picker.is_open
        await pilot.press(*"tom", "enter")
        await pilot.pause()
        assert screen.picker.is_open  # now: how many fingers?
        await pilot.press("2", "enter")
        await pilot.pause()
        assert app.session.confidence[0].votes == {"Tomás Reyes": 2}
        assert "hear out: Tomás Reyes" in text_of(screen, "#confidence")
    assert (await saved(app, path)).confidence[0].votes == {"Tomás Reyes": 2}


async def test_board_D_turns_the_topic_into_a_dependency(sessions_dir: Path, clock) -> None:
    path = sessions_dir / SYNC
    app = make_app(sessions_dir, SYNC, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        topic = app.screen.current_topic()
        await pilot.press("D")
        form = app.screen
        assert isinstance(form, DependencyForm)
        assert form.query_one("#field-text", Input).value == topic.title
        form.query_one("#field-from", Input).value = "Compliance"
        form.query_one("#field-to", Input).value = "Payments"
        await pilot.press("enter")
        await pilot.pause()
        made = app.session.dependencies[-1]
        assert (made.topic, made.from_, made.to) == (topic.id, "Compliance", "Payments")
        await pilot.press("D")  # again on the same topic: it already is one
        assert not isinstance(app.screen, DependencyForm)
    assert (await saved(app, path)).dependencies[-1].topic == topic.id


async def test_read_only_refuses_every_editing_key(sessions_dir: Path, clock) -> None:
    path = sessions_dir / SYNC
    before = path.read_bytes()
    app = make_app(sessions_dir, SYNC, clock, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_dependencies(pilot)
        for key in ("a", "e", "space", "u", "d", "c", "v", "delete"):
            await pilot.press(key)
            assert isinstance(app.screen, DependenciesScreen), key
        assert app.session.dependencies == load(path).dependencies
    assert path.read_bytes() == before


async def test_hostile_text_shows_as_typed(sessions_dir: Path, clock) -> None:
    path = sessions_dir / SYNC
    hostile = "[b]bold[/b] <script>x</script> \x1b[31mred\x07"
    save(deps.edit_dependency(load(path), "dep1", text=hostile, owner="[i]Eli[/i]"), path)
    app = make_app(sessions_dir, SYNC, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dependencies(pilot)
        detail = text_of(screen, "#dependency-detail")
        assert "[b]bold[/b] <script>x</script>" in detail and "owner [i]Eli[/i]" in detail
        assert "\x1b" not in detail and "\x07" not in detail


async def test_agenda_first_item_says_who_is_missing(sessions_dir: Path, clock) -> None:
    app = make_app(sessions_dir, SYNC, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#agenda-table", AgendaTable)
        first = str(table.get_row_at(0)[1])
        assert first == "Follow-ups\n⚠ No one from Risk and fraud is here"
        second = str(table.get_row_at(1)[1])
        assert "No one" not in second


async def test_a_long_list_scrolls_with_the_cursor(sessions_dir: Path, clock) -> None:
    from benchmarks.dependencies import session_with_dependencies

    path = sessions_dir / "2026-12-01-many.toml"
    save(session_with_dependencies(seed=1, count=120), path)
    app = make_app(sessions_dir, path.name, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_dependencies(pilot)
        table = screen.query_one("#dependencies-table", DependencyTable)
        assert len(table.keys) == 120 and table.top == 0
        assert "Delivers" in table.render_line(0).text  # the header stays on top
        await pilot.press("end")
        assert table.cursor == 119 and table.top > 0
        last = app.session.dependency(table.keys[-1])
        assert screen.selected() == last
        assert last.text[:20] in table.render_line(table.cursor - table.top + 1).text
        assert last.text[:20] in text_of(screen, "#dependency-detail")
        await pilot.press("pageup")
        assert table.cursor == 119 - (table.size.height - 1)
        await pilot.press("home", "up")
        assert (table.cursor, table.top) == (0, 0)
