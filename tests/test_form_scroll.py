"""Forms fit small screens: at 60x20 the experiment form scrolls, and a refusal brings its
field and reason into view with the focus on the field."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Select

from poforum_tui.screens.decisions.decision_form import DecisionForm
from tests.conftest import FORUM, make_app


async def test_a_refused_field_below_the_fold_is_scrolled_into_view(sessions_dir: Path) -> None:
    app = make_app(sessions_dir, FORUM)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("3", "a", *"Try pairing")
        form = app.screen
        assert isinstance(form, DecisionForm)
        form.query_one("#field-kind", Select).value = "experiment"
        await pilot.pause()
        scroll = form.query_one("#form-fields", VerticalScroll)
        review = form.query_one("#field-review")
        assert scroll.max_scroll_y > 0  # the fields are taller than the screen: it scrolls
        assert not scroll.region.contains_region(review.region)  # Review starts out of view
        review.value = "not a date"
        await pilot.press("enter")
        error = form.query_one("#error-review")
        for _ in range(50):  # the reason is laid out on the screen's next frame
            if scroll.region.contains_region(error.region):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, DecisionForm)
        assert app.focused is review
        assert error.has_class("-shown") and "date" in str(error.render()).lower()
        assert scroll.region.contains_region(error.region)
        assert scroll.region.contains_region(review.region)
