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


def settings_line(view: RoomView) -> str:
    return " · ".join(
        [
            "collecting topics (g)" if view.collecting else "collection closed (g)",
            "voting open (o)" if view.voting else "voting closed (o)",
            "cards hidden (H)" if view.cards_hidden else "cards shown (H)",
        ]
    )


def roster_content(view: RoomView) -> Content:
    """Who joined and the votes each has left ("done voting" once spent)."""
    lines = [Content(settings_line(view)), Content("")]
    if not view.roster:
        lines.append(Content("Nobody has joined yet."))
    else:
        done = sum(1 for _, used, budget in view.roster if used >= budget)
        lines.append(Content.styled(f"Joined: {len(view.roster)} · done voting: {done}", "bold"))
        for name, used, budget in view.roster:
            state = "done voting" if used >= budget else f"{budget - used} of {budget} votes left"
            lines.append(Content(f"{clip(clean(name), 24)}: {state}"))
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
            yield Static(
                Content("escape hides this panel (the room stays open) · j closes the room"),
                id="room-hint",
            )

    def show(self, view: RoomView) -> None:
        """Redraw with a newer view (someone joined or voted, or a setting changed)."""
        self.view = view
        if self.is_mounted:
            self.query_one("#room-roster", Static).update(roster_content(view))
