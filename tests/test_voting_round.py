"""The voting round (issue 16.11): the board walks the people present, one vote at a time."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.domain import board as ops
from poforum_tui.domain.participants import edit_participant
from poforum_tui.store import load, save
from poforum_tui.widgets.footer import KeyFooter
from tests.conftest import FORUM, make_app, notice_texts


def set_present(session, name: str, present: bool):
    return edit_participant(session, name, present=present)


def round_text(app) -> str:
    line = app.screen.query_one("#voting-round")
    return str(line.render()) if line.display else ""


def footer_text(app) -> str:
    return app.screen.query_one(KeyFooter).render_line(0).text


def votes_of(app, topic_id: str) -> dict[str, int]:
    return dict(next(t for t in app.session.board.topics if t.id == topic_id).votes)


def forum_with(folder: Path, change) -> str:
    """The example forum, changed by `change`, saved under a new name."""
    name = "2026-11-17-round.toml"
    save(change(load(folder / FORUM)), folder / name)
    return name


async def test_the_round_walks_the_people_present_and_each_dot_is_a_normal_vote(
    sessions_dir: Path,
) -> None:
    people = [p.name for p in load(sessions_dir / FORUM).participants]
    absent = people[1]
    name = forum_with(sessions_dir, lambda s: set_present(s, absent, False))
    app = make_app(sessions_dir, name)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        assert round_text(app) == "" and "Give the dot" not in footer_text(app)
        await pilot.press("V")
        await pilot.pause()
        first, second, third = people[0], people[2], people[3]
        count = len(people) - 1
        assert f"Voting round — {first}, 3 of 3 votes left · 1/{count} people" in round_text(app)
        assert "Give the dot" in footer_text(app) and "? Help" in footer_text(app)
        topic = app.screen.current_topic()
        await pilot.press("enter")
        assert votes_of(app, topic.id) == {first: 1}  # on the board at once
        assert f"{first}, 2 of 3 votes left" in round_text(app)
        assert f"✓ {first}'s dot on" in round_text(app)
        await pilot.press("ctrl+z")  # one undo step per dot, named like a `v` vote
        assert votes_of(app, topic.id) == {}
        assert f"Undid: {first}'s vote for" in notice_texts(app)[-1]
        assert f"{first}, 3 of 3 votes left" in round_text(app)
        await pilot.press("enter", "down", "enter", "enter")
        assert app.session.board.votes_used(first) == 3
        # budget used up: the turn moved on by itself, and the absent person is not asked
        assert f"Voting round — {second}, 3 of 3 votes left · 2/{count}" in round_text(app)
        assert "their last vote" in round_text(app)
        await pilot.press("n")
        assert f"Voting round — {third}," in round_text(app)
        assert f"{second} passed (3 of 3 votes left)" in round_text(app)
        await pilot.press("escape")
        assert round_text(app) == "" and "Give the dot" not in footer_text(app)
        assert notice_texts(app)[-1] == f"Voting round ended: 1 of {count} people voted."
        app.flush_save()
        assert load(app.path).board.votes_used(first) == 3


async def test_the_round_keeps_hidden_tallies_hidden_and_skips_spent_voters(
    sessions_dir: Path,
) -> None:
    def prepared(session):
        session = ops.toggle_hidden(ops.set_vote_budget(session, 1))
        first = session.participants[0].name
        return ops.vote(session, session.board.topics[0].id, first)  # first has no vote left

    name = forum_with(sessions_dir, prepared)
    app = make_app(sessions_dir, name)
    async with app.run_test(size=(100, 30)) as pilot:
        people = [p.name for p in app.session.participants]
        await pilot.press("2", "V")
        assert f"{people[0]} already used every vote" in notice_texts(app)[-1]
        assert f"Voting round — {people[1]}, 1 of 1 vote left" in round_text(app)
        await pilot.press("enter")
        assert "●" not in round_text(app)  # the tally stays hidden
        assert f"✓ {people[1]}'s dot on" in round_text(app)
        assert f"Voting round — {people[2]}" in round_text(app)


async def test_the_last_voter_ends_the_round_and_saying_how_many_voted(
    sessions_dir: Path,
) -> None:
    def two_present(session):
        for person in session.participants[2:]:
            session = set_present(session, person.name, False)
        return ops.set_vote_budget(session, 1)

    app = make_app(sessions_dir, forum_with(sessions_dir, two_present))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "V", "enter", "enter")
        assert round_text(app) == ""
        assert notice_texts(app)[-1].endswith("Voting round over: 2 of 2 people voted.")
        await pilot.press("escape", "enter")  # the round's keys are gone with it
        assert app.session.board.votes_used(app.session.participants[0].name) == 1


async def test_nobody_present_says_so_and_the_palette_lists_the_round(sessions_dir: Path) -> None:
    def nobody(session):
        for person in session.participants:
            session = set_present(session, person.name, False)
        return session

    app = make_app(sessions_dir, forum_with(sessions_dir, nobody))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Voting round (V)" in titles
        await pilot.press("V")
        assert round_text(app) == ""
        assert "Nobody is marked present" in notice_texts(app)[-1]


async def test_opening_another_session_ends_the_round(sessions_dir: Path) -> None:
    from tests.conftest import KICKOFF

    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "V")
        assert round_text(app)
        app.open_session(sessions_dir / KICKOFF)
        await pilot.press("2")
        await pilot.pause()
        assert round_text(app) == "" and app.screen.voting_round is None
        assert "Voting round ended with the session it was for" in " ".join(notice_texts(app))
