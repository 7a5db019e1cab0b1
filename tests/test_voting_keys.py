"""Faster voting from the keyboard: after `v` a voter is one key away (numbers on the rows)."""

from __future__ import annotations

from pathlib import Path

from poforum_tui.screens.board.board_view import BoardView
from tests.conftest import FORUM, make_app


def panel_text(panel) -> str:
    return "\n".join(panel.render_line(y).text for y in range(panel.content_region.height))


async def test_a_number_picks_the_voter_on_that_row(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        board = app.screen
        topic = board.current_topic()
        names = [p.name for p in app.session.participants]
        await pilot.press("v")
        await pilot.pause()
        text = panel_text(board.picker)
        assert f"1 {names[0]}" in text and f"3 {names[2]}" in text
        await pilot.press("3")
        assert not board.picker.is_open and isinstance(app.focused, BoardView)
        voted = next(t for t in app.session.board.topics if t.id == topic.id)
        assert voted.votes == {names[2]: 1}
        await pilot.press("v", *"Team 2")  # once typing, a digit is part of the name
        assert board.picker.text == "Team 2" and "1 " not in panel_text(board.picker)
        await pilot.press("enter")
        voted = next(t for t in app.session.board.topics if t.id == topic.id)
        assert voted.votes.get("Team 2") == 1 and "Team 2" in [
            p.name for p in app.session.participants
        ]
