"""The Sessions screen's keys: each with an id (for remapping), a description and a tooltip, which
the footer, help and the command palette show with the key as bound now."""

from __future__ import annotations

from textual.binding import Binding, BindingType

SESSIONS_KEYS: list[BindingType] = [
    Binding("enter", "open", "Open", id="sessions-open", priority=True),
    Binding("r", "review", "Read-only", id="sessions-review", tooltip="Open it without writing"),
    Binding(
        "n",
        "new",
        "New",
        id="sessions-new",
        tooltip="A new session from a template, or carried over from the highlighted one",
    ),
    Binding(
        "slash",
        "search",
        "Search",
        id="sessions-search",
        key_display="/",
        tooltip="Titles, agenda items, topics and decisions of every session",
    ),
    Binding("escape", "close_search", "Back", id="sessions-close-search"),
    Binding("f5", "reload", "Reload", id="sessions-reload", tooltip="Read the folder again"),
]
