"""Participants and the working agreement, edited in the app and shown to the room."""

from __future__ import annotations

from pathlib import Path

import pytest

from poforum_tui.domain import DomainError
from poforum_tui.domain import participants as ops
from poforum_tui.screens.people.screen import AgreementView, PeopleScreen
from poforum_tui.store import load
from tests.conftest import KICKOFF, make_app


def test_renaming_a_participant_follows_votes_owners_and_facilitators() -> None:
    session = load(Path(__file__).parent.parent / "sessions" / KICKOFF)
    voter = next(iter(session.board.topics[0].votes))
    renamed = ops.edit_participant(session, voter, name="Renamed Person")
    assert all(voter not in t.votes for t in renamed.board.topics)
    assert sum(t.votes.get("Renamed Person", 0) for t in renamed.board.topics) == sum(
        t.votes.get(voter, 0) for t in session.board.topics
    )
    assert voter not in renamed.facilitators
    assert all(d.owner != voter for d in renamed.decisions)
    with pytest.raises(DomainError, match="already a participant"):
        ops.edit_participant(session, voter, name=session.participants[1].name)


def test_agreement_lines_add_edit_move_remove() -> None:
    session = load(Path(__file__).parent.parent / "sessions" / KICKOFF)
    first = session.working_agreement[0]
    s = ops.add_agreement(session, "  Phones away  ")
    assert s.working_agreement[-1] == "Phones away"
    s = ops.move_agreement(s, 0, 1)
    assert s.working_agreement[1] == first
    s = ops.edit_agreement(ops.remove_agreement(s, 1), 0, "Cameras on")
    assert first not in s.working_agreement and s.working_agreement[0] == "Cameras on"
    with pytest.raises(DomainError, match="must not be empty"):
        ops.add_agreement(s, "   ")


async def test_w_shows_the_agreement_and_e_edits_it(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, KICKOFF)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, AgreementView)
        shown = str(app.screen.query_one("#agreement-lines").render())
        assert app.session.working_agreement[0] in shown
        await pilot.press("e")
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("tab", "a")
        await pilot.press(*"Phones away", "enter")
        await pilot.press("escape")
    assert load(sessions_dir / KICKOFF).working_agreement[-1] == "Phones away"


async def test_add_participant_and_toggle_presence(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, KICKOFF)
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_edit_people()
        await pilot.pause()
        await pilot.press("a", "enter")  # empty name is refused, form stays
        assert app.screen.query_one("#error-name").has_class("-shown")
        await pilot.press(*"Rivka Stern", "enter")
        assert app.session.participants[-1].name == "Rivka Stern"
        first = app.session.participants[0]
        await pilot.press("home", "space")
        assert app.session.participants[0].present is not first.present
        await pilot.press("ctrl+z")
        assert app.session.participants[0].present is first.present
    saved = load(sessions_dir / KICKOFF)
    assert saved.participants[-1].name == "Rivka Stern"


async def test_letters_typed_before_the_form_focuses_reach_its_first_field(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, KICKOFF)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_edit_people()
        await pilot.pause()
        await pilot.press("a")
        app.screen.set_focus(None)  # as when keys arrive before AUTO_FOCUS has run
        await pilot.pause()
        await pilot.press(*"Rivka", "enter")
        assert app.session.participants[-1].name == "Rivka"


def shown_lines(table) -> list[str]:
    return [table.render_line(y).text.rstrip() for y in range(table.size.height)]


async def test_here_and_every_agreement_word_show_at_80x24_and_60x20(sessions_dir: Path) -> None:
    for size in ((80, 24), (60, 20)):
        app = make_app(sessions_dir, KICKOFF)
        async with app.run_test(size=size) as pilot:
            app.action_edit_people()
            await pilot.pause()
            await pilot.pause()
            people = shown_lines(app.screen.query_one("#participants"))
            assert people[0].split()[:2] == ["Here", "Name"], size
            assert "✓ yes" in people[1] and app.session.participants[0].name in people[1], size
            agreement = " ".join(shown_lines(app.screen.query_one("#agreement-table")))
            for line in app.session.working_agreement[:5]:
                assert " ".join(line.split()) in " ".join(agreement.split()), (size, line)


async def test_space_toggles_the_selected_participant_not_the_first(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, KICKOFF)
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_edit_people()
        await pilot.pause()
        before = [p.present for p in app.session.participants]
        await pilot.press("down", "down", "space")
        after = [p.present for p in app.session.participants]
        assert after[2] is not before[2] and after[:2] == before[:2] and after[3:] == before[3:]
        assert app.screen.query_one("#participants").cursor_row == 2  # stays on that row
