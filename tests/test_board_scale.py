"""A forum backlog of 1,000 topics: the board opens with a few widgets and answers keys."""

from __future__ import annotations

from pathlib import Path

from benchmarks.board import generated
from poforum_tui.store import load, save
from tests.conftest import make_app


async def test_a_thousand_topics_open_light_and_a_move_and_vote_update_the_session(
    tmp_path: Path,
) -> None:
    path = tmp_path / "2026-11-17-big.toml"
    save(generated(1000, columns=8), path)
    app = make_app(tmp_path, path.name)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        columns = app.screen.view.columns.values()
        assert sum(len(cards.topics) for cards in columns) == 1000
        assert len(app.screen.query("*")) < 40  # one widget draws every column, no card widgets
        topic = app.screen.current_topic()
        await pilot.press("end", "shift+right")
        moved = app.screen.current_topic()
        assert moved.id != topic.id
        assert app.session.topic(moved.id).column == "c2"
        before = app.session.topic(moved.id).vote_total
        await pilot.press("v", "enter")
        assert app.session.topic(moved.id).vote_total == before + 1
        app.flush_save()  # saves now: no waiting out the debounce
        app.flush_save()
    assert load(path).topic(moved.id).votes == app.session.topic(moved.id).votes
