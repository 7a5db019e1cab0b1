"""Per-user settings applied to the app: the theme (remembered) and key remapping."""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, key_to_character

from poforum_tui.screens.host import PoforumHost
from poforum_tui.store.settings import keymap_problems, load_settings, save_settings, settings_path
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
            self.set_keymap(self._checked_keymap(self.settings.keys))
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

    def _checked_keymap(self, keys: dict[str, str]) -> dict[str, str]:
        """`keys` without the entries that name no binding or no key, each one reported."""
        problems = keymap_problems(keys, binding_ids(), is_key_name)
        for problem in problems:
            self.notify(f"{settings_path()}: {problem}", title="Settings", severity="warning")
        bad = {problem.split(":", 1)[0].removeprefix("[keys] ") for problem in problems}
        return {binding_id: key for binding_id, key in keys.items() if binding_id not in bad}

    def _remember_theme(self, theme: str) -> None:
        if theme == self.settings.theme:
            return
        self.settings = self.settings.with_theme(theme)
        try:
            save_settings(self.settings)
        except OSError as error:
            self.notify(f"Theme not remembered: {error}", severity="warning")


MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}


def is_key_name(name: str) -> bool:
    """Whether Textual knows `name` as a key (`f2`, `ctrl+s`, `question_mark`, `b`)."""
    *modifiers, key = name.split("+")
    if not key or not set(modifiers) <= MODIFIERS:
        return False
    return key in {k.value for k in Keys} or key_to_character(key) is not None


def binding_ids() -> set[str]:
    """The id of every binding of the app, its screens, dialogs and widgets, Textual's own
    included. Imports every screen: only done when the settings remap keys."""
    for package in ("poforum_tui.screens", "poforum_tui.dialogs", "poforum_tui.widgets"):
        path = importlib.import_module(package).__path__
        for module in pkgutil.walk_packages(path, f"{package}."):
            importlib.import_module(module.name)
    ids: set[str] = set()
    classes: list[type] = [DOMNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids
