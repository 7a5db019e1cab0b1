"""Per-user settings applied to the app: the theme (remembered) and key remapping."""

from __future__ import annotations

from poforum_tui.screens.host import PoforumHost
from poforum_tui.store.settings import load_settings, save_settings
from poforum_tui.themes import THEMES


class UserSettings(PoforumHost):
    """Mixin: registers poforum's themes, applies the settings file, remembers the theme."""

    _requested_theme: str | None = None

    def _apply_settings(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self.settings = load_settings()
        if self.settings.problem:
            self.notify(self.settings.problem, title="Settings", severity="warning", timeout=8)
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        for wanted in (self._requested_theme, self.settings.theme):
            if wanted and wanted in self.available_themes:
                self.theme = wanted
                break
            if wanted:
                known = ", ".join(sorted(self.available_themes))
                self.notify(f"No theme {wanted!r}; themes: {known}", severity="warning", timeout=8)
        self.watch(self, "theme", self._remember_theme, init=False)
        if self._requested_theme and self._requested_theme == self.theme:
            self._remember_theme(self.theme)

    def _remember_theme(self, theme: str) -> None:
        if theme == self.settings.theme:
            return
        self.settings = self.settings.with_theme(theme)
        try:
            save_settings(self.settings)
        except OSError as error:
            self.notify(f"Theme not remembered: {error}", severity="warning")
