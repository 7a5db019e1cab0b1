"""The Decisions screen's keys: each with an id (for remapping), a description and a tooltip, which
the footer, help and the command palette show with the key as bound now."""

from __future__ import annotations

from textual.binding import Binding, BindingType

DECISIONS_KEYS: list[BindingType] = [
    Binding(
        "a", "add", "Add", id="decisions-add", tooltip="Record a decision, experiment or action"
    ),
    Binding("e", "edit", "Edit", id="decisions-edit"),
    Binding("delete", "delete", "Delete", id="decisions-delete", tooltip="Asks first"),
    Binding("space", "cycle", "Status", id="decisions-cycle", tooltip="open → done → dropped"),
    Binding(
        "o",
        "outcome",
        "Outcome",
        id="decisions-outcome",
        tooltip="Done, keep, drop or escalate a follow-up",
    ),
    Binding(
        "f",
        "filter_status",
        "Filter",
        id="decisions-filter-status",
        show=False,
        tooltip="Cycle all / open / done / dropped",
    ),
    Binding(
        "k",
        "filter_kind",
        "Kind",
        id="decisions-filter-kind",
        show=False,
        tooltip="Cycle all / decision / experiment / action",
    ),
    Binding(
        "l",
        "log",
        "Log",
        id="decisions-log",
        show=False,
        tooltip="Every decision across the sessions",
    ),
]
