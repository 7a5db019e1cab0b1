"""The Agenda's keys: each with an id (for remapping), a description and a tooltip, which the
footer, help and the command palette show with the key as bound now."""

from __future__ import annotations

from textual.binding import Binding, BindingType

MINUTE = Binding.Group("±1 min")

AGENDA_KEYS: list[BindingType] = [
    Binding(
        "space",
        "toggle_timer",
        "Start/Pause",
        id="agenda-toggle",
        tooltip="Start or pause the current item",
    ),
    Binding(
        "n", "next", "Next", id="agenda-next", tooltip="Finish the current item, start the next"
    ),
    Binding("plus,equals_sign", "adjust(1)", "+1 min", id="agenda-plus", group=MINUTE),
    Binding("minus", "adjust(-1)", "-1 min", id="agenda-minus", group=MINUTE),
    Binding(
        "x",
        "skip",
        "Skip",
        id="agenda-skip",
        show=False,
        tooltip="Skip or un-skip the selected item",
    ),
    Binding(
        "r",
        "reset",
        "Reset",
        id="agenda-reset",
        show=False,
        tooltip="Reset the selected item's time",
    ),
    Binding(
        "b",
        "rebalance",
        "Rebalance",
        id="agenda-rebalance",
        show=False,
        tooltip="Fit the pending items into the time left before the planned end",
    ),
    Binding(
        "a",
        "add",
        "Add",
        id="agenda-add",
        show=False,
        tooltip="Add an item after the selected one",
    ),
    Binding("e", "edit", "Edit", id="agenda-edit", show=False, tooltip="Edit the selected item"),
    Binding(
        "delete,backspace",
        "delete",
        "Delete",
        id="agenda-delete",
        key_display="del",
        show=False,
        tooltip="Delete the selected item (asks first)",
    ),
    Binding("shift+up", "move(-1)", "Move up", id="agenda-move-up", show=False),
    Binding("shift+down", "move(1)", "Move down", id="agenda-move-down", show=False),
]
