"""ConfirmScreen: y / enter answer yes, n / escape answer no; the question is literal text."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Static

from poforum_tui.dialogs.confirm import ConfirmScreen


class Asker(App[None]):
    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question
        self.answers: list[bool] = []

    def on_mount(self) -> None:
        self.push_screen(ConfirmScreen(self.question), self.answers.append)


@pytest.mark.parametrize(
    ("key", "answer"), [("y", True), ("enter", True), ("n", False), ("escape", False)]
)
async def test_keys_answer(key: str, answer: bool) -> None:
    app = Asker("Delete 'Intro'?")
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press(key)
        await pilot.pause()
        assert app.answers == [answer]
        assert not isinstance(app.screen, ConfirmScreen)


@pytest.mark.parametrize(("button", "answer"), [("yes", True), ("no", False)])
async def test_buttons_answer(button: str, answer: bool) -> None:
    app = Asker("Sure?")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click(f"#confirm-{button}-button")
        await pilot.pause()
        assert app.answers == [answer]


async def test_question_is_shown_literally() -> None:
    app = Asker("Delete '[bold]x[/]'?")
    async with app.run_test(size=(80, 24)):
        shown = app.screen.query_one("#confirm-question", Static).render()
        assert "[bold]x[/]" in str(shown)
