"""Lines typed ahead arrive in one read (SSH, a stalled app): each Enter ends its own entry.

Issue 14, item 9: "B0⏎B1⏎" in one read made one topic "B0B1". Keys after an Enter belong
to the next entry (a form that stays open) or to what comes after the form, never the field.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from poforum_tui.screens.board.topic_form import TopicForm
from tests.conftest import FORUM, make_app


def one_read(app, text: str) -> None:
    """Post the keys of `text` at once, as the terminal driver does for one read."""
    for character in text:
        if character == "\r":
            app.post_message(events.Key("enter", "\r"))
        elif character == "\x15":
            app.post_message(events.Key("ctrl+u", None))
        else:
            app.post_message(events.Key(character, character))


async def test_typed_ahead_topics_become_one_topic_each(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "a")
        assert isinstance(app.screen, TopicForm)
        before = [topic.title for topic in app.session.board.topics]
        one_read(app, "B0\rB1\rB2\r")
        await pilot.pause()
        await pilot.pause()
        added = [topic.title for topic in app.session.board.topics][len(before) :]
        assert added == ["B0", "B1", "B2"]
        assert app.screen.value("title") == ""


async def test_keys_typed_after_a_closing_forms_enter_reach_the_next_screen(
    sessions_dir: Path,
) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        one_read(app, "Rename session\r")
        await pilot.pause()
        await pilot.pause()
        one_read(app, "\x15New title\r3")  # clear the field, type, Enter, then the Decisions key
        for _ in range(5):
            await pilot.pause()
        assert app.session.title == "New title"
        assert app.current_mode == "decisions"
