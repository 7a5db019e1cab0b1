"""Pilot tests of the Decisions screen and its form, asserting on the saved file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable, Input

from poforum_tui.dialogs.confirm import ConfirmScreen
from poforum_tui.screens.decisions.decision_form import DecisionForm
from poforum_tui.screens.decisions.outcome_form import OutcomeScreen
from poforum_tui.screens.decisions.screen import DecisionsScreen
from poforum_tui.store import load
from tests.conftest import FORUM, KICKOFF, make_app

SIZE = (100, 30)


async def open_decisions(pilot) -> DecisionsScreen:
    await pilot.press("3")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DecisionsScreen)
    return pilot.app.screen


async def saved(app, path: Path):
    app.flush_save()  # saves now: no waiting out the debounce
    return load(path)


async def test_add_with_relative_due_and_owner(sessions_dir: Path, clock) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_decisions(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, DecisionForm)
        assert app.focused.id == "field-text"
        await pilot.press(*"Book a shared roadmap review")
        app.screen.query_one("#field-owner", Input).value = "Lars Eriksen"
        app.screen.query_one("#field-due", Input).value = "+2w"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        decision = (await saved(app, path)).decisions[-1]
        assert (decision.id, decision.kind, decision.text) == (
            "d8",
            "decision",
            "Book a shared roadmap review",
        )
        assert (decision.owner, decision.due) == ("Lars Eriksen", dt.date(2026, 12, 1))
        assert screen.selected().id == "d8"  # the cursor lands on what was just recorded


async def test_bad_date_and_empty_text_are_refused_beside_the_field(
    sessions_dir: Path, clock
) -> None:
    path = sessions_dir / FORUM
    before = path.read_bytes()
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_decisions(pilot)
        await pilot.press("a", "enter")
        form = app.screen
        assert isinstance(form, DecisionForm)
        assert "must not be empty" in str(form.query_one("#error-text").render())
        await pilot.press(*"Run it")
        form.query_one("#field-due", Input).value = "2026-02-30"
        await pilot.press("enter")
        assert isinstance(app.screen, DecisionForm)
        assert "not a day in the calendar" in str(form.query_one("#error-due").render())
        assert app.focused.id == "field-due"
        assert form.query_one("#field-text", Input).value == "Run it"  # typed text kept
        await pilot.press("escape")
        assert not isinstance(app.screen, DecisionForm)
    assert path.read_bytes() == before


async def test_experiment_fields_show_for_experiments_only(sessions_dir: Path, clock) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_decisions(pilot)
        await pilot.press("a")
        form = app.screen
        assert form.query_one("#fields-decision").display
        assert not form.query_one("#fields-experiment").display
        form.query_one("#field-kind").value = "experiment"
        await pilot.pause()
        assert form.query_one("#fields-experiment").display
        assert not form.query_one("#fields-decision").display
        form.query_one("#field-text", Input).value = "Weekly roadmap sync"
        form.query_one("#field-hypothesis", Input).value = "Fewer clashes"
        form.query_one("#field-measure", Input).value = "Clashes per sprint"
        form.query_one("#field-review", Input).value = "soon"
        await pilot.press("enter")
        assert "is not a date" in str(form.query_one("#error-review").render())
        form.query_one("#field-review", Input).value = "+4w"
        await pilot.press("enter")
        await pilot.pause()
        new = (await saved(app, path)).decisions[-1]
        assert (new.kind, new.hypothesis, new.measure) == (
            "experiment",
            "Fewer clashes",
            "Clashes per sprint",
        )
        assert new.review == dt.date(2026, 12, 15)
        assert new.rationale is None


async def test_record_decision_links_the_topic(sessions_dir: Path, clock) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        app.record_decision("t5")
        await pilot.pause()
        assert isinstance(app.screen, DecisionForm)
        assert app.screen.query_one("#field-topic").value == "t5"
        await pilot.press(*"Lars drafts the roadmap page", "enter")
        await pilot.pause()
        assert (await saved(app, path)).decisions[-1].topic == "t5"


async def test_edit_keeps_id_and_changes_text(sessions_dir: Path, clock) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_decisions(pilot)
        assert screen.selected().id == "d1"
        await pilot.press("e")
        form = app.screen
        assert form.query_one("#field-due", Input).value == "2026-11-17"
        assert form.query_one("#field-rationale", Input).value.startswith("Different quality")
        form.query_one("#field-text", Input).value = "One shared DoD, owned by the Chief PO"
        await pilot.press("enter")
        await pilot.pause()
        d1 = (await saved(app, path)).decision("d1")
        assert d1.text == "One shared DoD, owned by the Chief PO"
        assert (d1.carried, d1.carried_from) == (1, KICKOFF)


async def test_space_cycles_status_saved(sessions_dir: Path, clock) -> None:
    path = sessions_dir / KICKOFF
    app = make_app(sessions_dir, KICKOFF, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_decisions(pilot)
        assert screen.selected().id == "d1"
        await pilot.press("space")
        assert (await saved(app, path)).decision("d1").status == "done"
        await pilot.press("space")
        assert (await saved(app, path)).decision("d1").status == "dropped"
        await pilot.press("space")
        assert (await saved(app, path)).decision("d1").status == "open"


async def test_follow_up_outcomes_and_header_count(sessions_dir: Path, clock) -> None:
    path = sessions_dir / FORUM
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_decisions(pilot)
        summary = screen.query_one("#decisions-summary")
        assert str(summary.render()).startswith("6 of 6 follow-ups lack an outcome")
        title = str(screen.query_one("#followups-title").render())
        assert title.startswith("Follow-ups from PO Forum #1 — kickoff")
        await pilot.press("o")
        assert isinstance(app.screen, OutcomeScreen)
        await pilot.press("d")  # d1: done
        await pilot.press("o", "k")  # d2: keep (the cursor moved on by itself)
        await pilot.press("o", "m")  # d3: escalate to the MetaScrum
        await pilot.press("o", "x")  # d4: drop
        await pilot.press("o", "escape")  # d5: cancelled, still waiting
        await pilot.pause()
        session = await saved(app, path)
        states = {d.id: (d.outcome, d.status) for d in session.decisions}
        assert states["d1"] == ("done", "done")
        assert states["d2"] == ("keep", "open")
        assert states["d3"] == ("escalate", "open")
        assert session.decision("d3").escalate_to == "metascrum"
        assert states["d4"] == ("drop", "dropped")
        assert states["d5"] == (None, "open")
        assert str(summary.render()).startswith("2 of 6 follow-ups lack an outcome")
        await pilot.press("o", "d", "o", "d")  # d5, d6: done
        await pilot.pause()
        assert str(summary.render()).startswith("6 follow-ups, an outcome each")


async def test_delete_asks_first(sessions_dir: Path, clock) -> None:
    path = sessions_dir / KICKOFF
    app = make_app(sessions_dir, KICKOFF, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_decisions(pilot)
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(app.session.decisions) == 7
        await pilot.press("delete", "y")
        await pilot.pause()
        assert "d1" not in {d.id for d in (await saved(app, path)).decisions}
        await pilot.press("ctrl+z")
        assert app.session.decisions[0].id == "d1"


async def test_filters_by_status_and_kind(sessions_dir: Path, clock) -> None:
    app = make_app(sessions_dir, KICKOFF, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_decisions(pilot)
        table = screen.query_one("#current", DataTable)
        assert table.row_count == 7
        await pilot.press("f")  # open
        assert table.row_count == 6
        await pilot.press("f")  # done
        assert table.row_count == 1
        await pilot.press("f", "f", "k", "k")  # all statuses; experiments
        assert table.row_count == 2
        assert "showing all · experiment" in str(screen.query_one("#decisions-summary").render())


async def test_read_only_refuses_changes(sessions_dir: Path, clock) -> None:
    path = sessions_dir / KICKOFF
    before = path.read_bytes()
    app = make_app(sessions_dir, KICKOFF, clock, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_decisions(pilot)
        await pilot.press("space", "delete", "a")
        assert not isinstance(app.screen, (DecisionForm, ConfirmScreen))
    assert path.read_bytes() == before


async def test_help_over_decisions_shows_its_prose_and_keys(sessions_dir: Path, clock) -> None:
    from textual.widgets import Markdown

    from poforum_tui.dialogs.help import HelpScreen

    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_decisions(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert any(m.source.startswith("## Decisions") for m in app.screen.query(Markdown))
        keys = " ".join(str(app.screen.query_one("#help-keys").render()).split())
        assert "o Outcome — Done, keep, drop or escalate" in keys


async def test_filter_that_matches_nothing_says_so(sessions_dir: Path, clock) -> None:
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_decisions(pilot)
        await pilot.press("a", *"Book the room", "enter")
        await pilot.pause()
        await pilot.press("f", "f")  # done: nothing is done yet
        follow_ups = screen.query_one("#followups", DataTable)
        assert follow_ups.row_count == 0
        assert "none match the filter" in str(screen.query_one("#current-title").render())
        assert screen.selected() is None
        await pilot.press("space", "e", "o")  # nothing selected: nothing happens
        assert app.screen is screen
        await pilot.press("f", "f")
        assert follow_ups.row_count == 6


async def test_focus_item_selects_a_decision_before_and_after_mount(
    sessions_dir: Path, clock
) -> None:
    app = make_app(sessions_dir, FORUM, clock)
    async with app.run_test(size=SIZE) as pilot:
        app.switch_mode("decisions")
        app.screen.focus_item("d5")  # straight after the switch, as a search hit does
        await pilot.pause()
        screen = app.screen
        assert screen.selected().id == "d5"
        await pilot.press("f")  # open only
        screen.focus_item("d7")
        await pilot.pause()
        assert screen.status_filter == "all" and screen.selected().id == "d7"
