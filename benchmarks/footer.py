"""The footer on evidence: poforum's KeyFooter against a Footer that does not remount.

Textual's Footer recomposes (a widget per key, mounted again) on every bindings change, a
focus change included. The fair rival is `StableFooter`: Textual's Footer recomposing only
when what it shows changed. Both sit on the same screen (the Board's keys and the app's, two
focusable widgets) in a headless app at 100x30, and three figures compare them:

- start: from `run_test` to the first frame (the footer's compose and first paint);
- focus: `tab` between the two widgets (the keys stay the same);
- dim: a key whose `check_action` changes, so one key dims or lights up.

A key's time runs to the frame that shows it (benchmarks.frames.respond), as for the board.
"""

from __future__ import annotations

import time
from statistics import median

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from benchmarks.frames import respond, settle, watch_frames
from benchmarks.measure import NotApplicable
from benchmarks.ui import press

SIZE = (100, 30)


class StableFooter(Footer):
    """Textual's Footer, recomposed only when the keys it shows (or their state) change."""

    _shown: tuple = ()

    def _keys(self) -> tuple:
        return tuple(
            (key, binding.description, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen) -> None:
        keys = self._keys()
        if self._bindings_ready and keys == self._shown:
            return
        self._shown = keys
        super().bindings_changed(screen)


class Box(Static, can_focus=True):
    """Something to move the focus to."""


def footer_screen(footer: type[Widget]) -> type[Screen]:
    from poforum_tui.screens.board.screen import BoardScreen

    class KeysScreen(Screen[None]):
        BINDINGS = [
            *[b for b in BoardScreen.BINDINGS if isinstance(b, Binding)],
            Binding("z", "flip", "Dim a key", id="bench-flip"),
        ]
        dimmed = False

        def compose(self) -> ComposeResult:
            yield Box("one", id="one")
            yield Box("two", id="two")
            yield footer()

        def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
            return None if action == "vote" and self.dimmed else True

        def action_flip(self) -> None:
            self.dimmed = not self.dimmed
            self.refresh_bindings()

    return KeysScreen


class FooterApp(App[None]):
    """A minimal app with the poforum app's keys, showing one footer screen."""

    def __init__(self, footer: type[Widget]) -> None:
        from poforum_tui.app import PoforumApp

        super().__init__()
        self.footer_screen = footer_screen(footer)
        for binding in PoforumApp.BINDINGS:
            if isinstance(binding, Binding):
                self.bind(binding.key, binding.action, description=binding.description)

    def on_mount(self) -> None:
        self.push_screen(self.footer_screen())


async def footer_samples(footer: type[Widget], keys: int) -> dict[str, list[float]]:
    """Seconds to the first frame, per focus change and per dimmed key, for `footer`."""
    app = FooterApp(footer)
    app.animation_level = "none"
    frames = watch_frames(app)
    samples: dict[str, list[float]] = {"start": [], "focus": [], "dim": []}
    began = time.monotonic()
    async with app.run_test(size=SIZE):
        await settle(app, frames)
        if frames.times:
            samples["start"].append(frames.times[0] - began)
        for name, key in (("focus", "tab"), ("dim", "z")):
            for _ in range(keys):
                await settle(app, frames)
                painted = len(frames.times)
                sent = press(app, key)
                shown = await respond(app, frames)
                if shown is not None and len(frames.times) > painted and shown >= sent:
                    samples[name].append(shown - sent)
    return samples


async def footer_figures(runs: int, keys: int = 6) -> dict[str, tuple[float, float]]:
    """(KeyFooter median, StableFooter median) in ms for start, focus and dim; the two
    footers' apps alternate, `runs` each."""
    from poforum_tui.widgets.footer import KeyFooter

    ours: dict[str, list[float]] = {"start": [], "focus": [], "dim": []}
    textuals: dict[str, list[float]] = {"start": [], "focus": [], "dim": []}
    await footer_samples(KeyFooter, 1)  # warm-up: imports and first styles
    await footer_samples(StableFooter, 1)
    for index in range(runs):
        order = [(KeyFooter, ours), (StableFooter, textuals)]
        for footer, into in order if index % 2 == 0 else order[::-1]:
            for name, values in (await footer_samples(footer, keys)).items():
                into[name].extend(values)
    results = {}
    for name in ours:
        if not ours[name] or not textuals[name]:
            raise NotApplicable(f"no {name} samples")
        results[name] = (median(ours[name]) * 1000, median(textuals[name]) * 1000)
    return results


if __name__ == "__main__":  # a quick look: python -m benchmarks.footer
    import asyncio

    for name, (mine, theirs) in asyncio.run(footer_figures(3)).items():
        print(f"{name}: KeyFooter {mine:.1f} ms, StableFooter {theirs:.1f} ms")
