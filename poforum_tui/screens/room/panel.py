"""The room panel: the join URL on one line, a QR code to scan off the shared screen, the roster.

The app runs the room and hands this panel a `RoomView`; the panel only draws it. Escape hides
the panel (the room stays open; `J` on the Board shows it again); `j` closes the room.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from poforum_tui.screens.host import HostedModal
from poforum_tui.widgets.literal import clean, clip


@dataclass(frozen=True)
class RoomView:
    """What the panel shows."""

    url: str
    qr_lines: tuple[str, ...]
    roster: tuple[tuple[str, int, int], ...] = ()
    """(name, votes used, budget) of everyone who joined, in joining order."""
    collecting: bool = True
    voting: bool = True
    cards_hidden: bool = False


def roster_content(view: RoomView) -> Content:
    """The panel's keys, the room's settings, who joined and the votes each has left."""
    lines = [
        Content("escape hides this panel"),
        Content("j closes the room"),
        Content(""),
        Content(f"Collection: {'open' if view.collecting else 'closed'} (g)"),
        Content(f"Voting: {'open' if view.voting else 'closed'} (o)"),
        Content(f"Cards: {'hidden' if view.cards_hidden else 'shown'} (H)"),
        Content(""),
    ]
    if not view.roster:
        lines.append(Content("Nobody has joined yet."))
    else:
        done = sum(1 for _, used, budget in view.roster if used >= budget)
        lines.append(Content.styled(f"Joined: {len(view.roster)} · done voting: {done}", "bold"))
        for name, used, budget in view.roster:
            left = budget - used
            state = "done voting" if left <= 0 else f"{left} vote{'s' if left != 1 else ''} left"
            lines.append(Content(f"{clip(clean(name), 18)}: {state}"))
    return Content("\n").join(lines)


class RoomPanel(HostedModal[None]):
    """The open room: join URL, QR code and roster."""

    CSS_PATH = "panel.tcss"
    BINDINGS = [
        Binding("escape", "dismiss", "Hide panel", id="room-hide"),
        Binding("j", "app.toggle_room", "Close the room", id="room-close"),
    ]

    def __init__(self, view: RoomView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        with Vertical(id="room-box"):
            yield Static(Content("The room is open. Join at:"), id="room-title")
            yield Static(Content(self.view.url), id="room-url")
            with Horizontal(id="room-body"):
                yield Static(Content("\n".join(self.view.qr_lines)), id="room-qr")
                yield Static(roster_content(self.view), id="room-roster")

    def show(self, view: RoomView) -> None:
        """Redraw with a newer view (someone joined or voted, or a setting changed)."""
        self.view = view
        if self.is_mounted:
            self.query_one("#room-roster", Static).update(roster_content(view))
