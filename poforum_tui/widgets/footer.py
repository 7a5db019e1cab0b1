"""A Footer that recomposes only when the keys it shows change.

Textual's Footer remounts all its keys whenever the screen's bindings are refreshed, which
happens on every focus change (moving a topic to the next column, say): ~18 keys restyled and
laid out again for a footer that looks the same. This one compares what it would show first.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class QuietFooter(Footer):
    """Footer whose keys are rebuilt only when a shown key, its label or its state changed."""

    _shown: tuple | None = None

    def _signature(self) -> tuple:
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING if self.show_command_palette else None
        return tuple(
            (
                key,
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.group,
                enabled,
                tooltip,
            )
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )

    def compose(self) -> ComposeResult:
        self._shown = self._signature() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        shown, wanted = self._shown, self._signature()
        if wanted == shown:
            return
        await self.recompose()
