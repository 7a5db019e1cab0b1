"""The Board's keys: each with an id (for remapping), a description and a tooltip, which the
footer, help and the command palette show with the key as bound now."""

from __future__ import annotations

from textual.binding import Binding, BindingType

BOARD_KEYS: list[BindingType] = [
    # The voting round's keys come first so that the footer shows them during a round.
    Binding(
        "enter",
        "round_vote",
        "Give the dot",
        id="board-round-vote",
        tooltip="The voting round: the voter's dot goes to the topic under the cursor",
    ),
    Binding(
        "n",
        "round_pass",
        "Next voter",
        id="board-round-pass",
        tooltip="The voting round: this voter passes, the next one's turn",
    ),
    Binding(
        "escape",
        "round_end",
        "End round",
        id="board-round-end",
        tooltip="End the voting round (says how many people voted)",
    ),
    Binding(
        "g",
        "room_collecting",
        "Collection",
        id="board-room-collecting",
        tooltip="Open or close the room's collection of topics",
    ),
    Binding(
        "o",
        "room_voting",
        "Voting",
        id="board-room-voting",
        tooltip="Open or close voting on the participants' pages",
    ),
    Binding(
        "H",
        "room_cards",
        "Cards",
        id="board-room-cards",
        tooltip="Hide or reveal the cards on the participants' pages (silent writing)",
    ),
    Binding(
        "J",
        "room_panel",
        "Room panel",
        id="board-room-panel",
        tooltip="Join URL, QR code, who has joined and their votes left",
    ),
    Binding("a", "add", "Add", id="board-add", tooltip="Add topics to the focused column"),
    Binding("e", "edit", "Edit", show=False, id="board-edit", tooltip="Edit the topic"),
    Binding("delete", "delete", "Delete", show=False, id="board-delete", tooltip="Asks first"),
    Binding("left", "focus_column(-1)", "Previous column", show=False, id="board-left"),
    Binding("right", "focus_column(1)", "Next column", show=False, id="board-right"),
    Binding(
        "shift+left",
        "move(-1)",
        "Move left",
        show=False,
        id="board-move-left",
        tooltip="Move the topic to the previous column",
    ),
    Binding(
        "shift+right",
        "move(1)",
        "Move right",
        show=False,
        id="board-move-right",
        tooltip="Move the topic to the next column",
    ),
    Binding("shift+up", "reorder(-1)", "Move up", show=False, id="board-move-up"),
    Binding("shift+down", "reorder(1)", "Move down", show=False, id="board-move-down"),
    Binding("v", "vote", "Vote", id="board-vote", tooltip="Pick who votes for the topic"),
    Binding(
        "V",
        "voting_round",
        "Voting round",
        show=False,
        id="board-voting-round",
        tooltip="Cast the dots of each person present in turn, from the keyboard",
    ),
    Binding(
        "x",
        "unvote",
        "Take back vote",
        show=False,
        id="board-unvote",
        tooltip="Pick whose vote goes back",
    ),
    Binding(
        "b", "budget", "Vote budget", show=False, id="board-budget", tooltip="Votes per person"
    ),
    Binding(
        "h",
        "toggle_hidden",
        "Hide/reveal",
        id="board-hide",
        tooltip="Hide or reveal every tally",
    ),
    Binding("s", "sort", "Sort", id="board-sort", tooltip="Sort the column by votes"),
    Binding(
        "T",
        "top_topics",
        "Top topics",
        show=False,
        id="board-top-topics",
        tooltip="Every column's topics ranked by votes",
    ),
    Binding(
        "t",
        "to_agenda",
        "To agenda",
        id="board-to-agenda",
        tooltip="Put the topic on the agenda, timeboxed",
    ),
    Binding("d", "decision", "Decision", id="board-decision", tooltip="Record a decision on it"),
    Binding(
        "D",
        "to_dependency",
        "To dependency",
        show=False,
        id="board-to-dependency",
        tooltip="Turn the topic into a dependency: who needs it from whom, by when",
    ),
    Binding(
        "slash",
        "filter",
        "Filter",
        id="board-filter",
        tooltip="Show the cards matching a text or category",
    ),
    Binding("escape", "clear_filter", "Clear filter", show=False, id="board-clear-filter"),
    Binding("c", "add_column", "Add column", show=False, id="board-add-column"),
    Binding(
        "r",
        "rename_column",
        "Rename column",
        show=False,
        id="board-rename-column",
        tooltip="Rename the focused column",
    ),
    Binding("less_than_sign", "move_column(-1)", "Column left", show=False, id="board-col-left"),
    Binding(
        "greater_than_sign", "move_column(1)", "Column right", show=False, id="board-col-right"
    ),
]
