"""The footer bench's rival is fair: Textual's Footer that recomposes only when its keys change
(no timing here; the figures are in `make bench`)."""

from __future__ import annotations

from benchmarks.footer import FooterApp, StableFooter
from poforum_tui.widgets.footer import KeyFooter


async def test_the_rival_footer_recomposes_on_a_dimmed_key_but_not_on_a_focus_change() -> None:
    app = FooterApp(StableFooter)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(StableFooter)
        recomposed = []
        original = footer.recompose

        async def counted():
            recomposed.append(True)
            await original()

        footer.recompose = counted
        await pilot.press("tab")
        await pilot.pause()
        assert recomposed == []
        await pilot.press("z")
        await pilot.pause()
        assert recomposed == [True]
        assert "Vote" in " ".join(str(key.render()) for key in footer.query("FooterKey"))


async def test_both_footers_show_the_same_screen_of_keys() -> None:
    for footer in (KeyFooter, StableFooter):
        app = FooterApp(footer)
        async with app.run_test(size=(200, 30)) as pilot:
            await pilot.pause()
            assert app.screen.query_one(footer).display
            assert "vote" in {b.action for _, b, *_ in app.screen.active_bindings.values()}
