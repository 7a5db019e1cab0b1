"""Help (`?`): the screen's keys as bound now (after remapping), then its prose.

The key list is generated from the screen's active bindings: the screen's own keys (and
those of poforum's widgets that have the focus), then the keys that work everywhere. Each
key shows its current key (`App.get_key_display`), its description and its tooltip. The
prose is the `HELP` of the screen and of the poforum widgets shown on it. It scrolls, and
`escape` or the help key closes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static

HELP_ACTION = "toggle_help"
"""The app's action that opens (and closes) help."""


@dataclass(frozen=True)
class KeyRow:
    """One line of the key list: the keys of one action, what it does, and whether it
    works right now."""

    keys: str
    description: str
    tooltip: str
    enabled: bool
    action: str = ""


def ours(node: DOMNode) -> bool:
    """A node of poforum's, not one of Textual's own widgets."""
    return type(node).__module__.startswith("poforum_tui.")


def own_actions(node: DOMNode) -> set[str]:
    """The actions poforum's own classes bind on `node` (not those Textual's base classes
    bring, such as a table's cursor keys or the copy key)."""
    actions = set()
    for cls in type(node).__mro__:
        if cls.__module__.startswith("poforum_tui."):
            for binding in cls.__dict__.get("BINDINGS", ()):
                actions.add(binding.action if isinstance(binding, Binding) else binding[1])
    return actions


def key_groups(screen: Screen, app: App) -> list[tuple[str, list[KeyRow]]]:
    """The keys that work on `screen`, grouped: [("On this screen", rows), ("Everywhere", ...)].

    One row per action (its keys joined with " / "), in binding order; bindings without a
    description and the keys Textual's own classes bring (a table's cursor keys) are left
    out, except the command palette's.
    """
    rows: dict[str, dict[tuple[int, str], tuple[list[str], Binding, bool]]] = {
        "screen": {},
        "app": {},
    }
    owned: dict[int, set[str]] = {}
    for active in screen.active_bindings.values():
        node, binding = active.node, active.binding
        actions = owned.setdefault(id(node), own_actions(node))
        palette = node is app and binding.action == "command_palette"
        if not binding.description or (binding.action not in actions and not palette):
            continue
        where = "app" if node is app else "screen"
        key = (id(node), binding.action)
        display = app.get_key_display(binding)
        if key in rows[where]:
            displays, first, enabled = rows[where][key]
            if display not in displays:
                displays.append(display)
            rows[where][key] = (displays, first, enabled or active.enabled)
        else:
            rows[where][key] = ([display], binding, active.enabled)
    groups = []
    for where, title in (("screen", "On this screen"), ("app", "Everywhere")):
        lines = [
            KeyRow(
                " / ".join(displays), binding.description, binding.tooltip, enabled, binding.action
            )
            for displays, binding, enabled in rows[where].values()
        ]
        if lines:
            groups.append((title, lines))
    return groups


def help_prose(screen: Screen) -> list[str]:
    """The `HELP` of the screen and of poforum's widgets shown on it, each once."""
    texts: list[str] = []
    nodes: Iterable[DOMNode] = [screen, *screen.query("*")]
    for node in nodes:
        text = type(node).HELP
        if text and ours(node) and node.display and text.strip() not in texts:
            texts.append(text.strip())
    return texts


def key_lines(groups: list[tuple[str, list[KeyRow]]], width: int = 0) -> Content:
    """The key list as text: a heading per group, then `key  description — tooltip`; given
    the `width` it is shown at, a long description wraps under itself, not under the keys."""
    keys_width = max((len(row.keys) for _, rows in groups for row in rows), default=0)
    keys_width = min(keys_width, 18)
    lines: list[Content] = []
    for title, rows in groups:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(title, "bold underline"))
        for row in rows:
            style = "" if row.enabled else "dim"
            key = Content.styled(
                f"{row.keys:<{keys_width}}  ", "bold $accent" if row.enabled else "dim"
            )
            parts: list[tuple[str, str] | str] = [(row.description, style)]
            if row.tooltip:
                parts.append((f" — {row.tooltip}", "dim"))
            if not row.enabled:
                parts.append((" (not now)", "dim italic"))
            text = Content.assemble(*parts)
            room = width - key.cell_length
            if width <= 0 or room < 20 or text.cell_length <= room:
                lines.append(key + text)
                continue
            wrapped = text.wrap(room)
            indent = Content(" " * key.cell_length)
            lines += [key + wrapped[0], *(indent + line for line in wrapped[1:])]
    return Content("\n").join(lines)


class KeyList(Static):
    """The key list, drawn again for its width so long descriptions wrap under themselves."""

    def __init__(self, groups: list[tuple[str, list[KeyRow]]], *, id: str | None = None) -> None:
        super().__init__(key_lines(groups), id=id)
        self.groups = groups
        self._width = 0

    def on_resize(self) -> None:
        width = self.content_region.width
        if width and width != self._width:
            self._width = width
            self.update(key_lines(self.groups, width))


class HelpScreen(ModalScreen[None]):
    """A scrollable panel with the keys of the screen beneath it and that screen's prose."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > #help {
        width: 100;
        max-width: 100%;
        height: 100%;
        max-height: 100%;
        border: thick $primary;
        border-title-align: left;
        border-subtitle-align: right;
        background: $surface;
    }
    HelpScreen #help-scroll {
        height: 1fr;
        padding: 0 1;
    }
    HelpScreen #help-keys {
        width: 1fr;
        height: auto;
        margin-bottom: 1;
    }
    HelpScreen #help-scroll Markdown {
        margin: 0;
        padding: 0;
    }
    """
    BINDINGS = [
        Binding("escape", "close", "Close help", id="help-close"),
        Binding("up", "scroll(-1)", "Scroll up", show=False, id="help-up"),
        Binding("down", "scroll(1)", "Scroll down", show=False, id="help-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="help-page-up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="help-page-down"),
    ]

    def __init__(
        self,
        title: str,
        keys: list[tuple[str, list[KeyRow]]],
        prose: list[str],
        help_keys: str = "",
        close_keys: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.help_title = title
        self.keys = keys
        self.prose = prose
        self.help_keys = help_keys
        self.close_keys = close_keys
        """The app's help keys as bound now: they close help too (a modal screen does not
        see the app's keys)."""

    @classmethod
    def of(cls, screen: Screen, app: App) -> HelpScreen:
        """Help for `screen` (the one shown now), with the keys as bound at this moment."""
        groups = key_groups(screen, app)
        help_keys = [row.keys for _, rows in groups for row in rows if row.description == "Help"]
        close = frozenset(
            key
            for key, active in screen.active_bindings.items()
            if active.node is app and active.binding.action == HELP_ACTION
        )
        title = type(screen).__name__.removesuffix("Screen") or "poforum"
        return cls(f"Help: {title}", groups, help_prose(screen), " / ".join(help_keys), close)

    def compose(self) -> ComposeResult:
        with Vertical(id="help") as panel:
            panel.border_title = self.help_title
            closers = " / ".join(part for part in ("escape", self.help_keys) if part)
            panel.border_subtitle = f"↑↓ scroll · {closers} closes"
            with VerticalScroll(id="help-scroll"):
                yield KeyList(self.keys, id="help-keys")
                for text in self.prose:
                    yield Markdown(text)

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def on_key(self, event: events.Key) -> None:
        if event.key in self.close_keys:
            event.stop()
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, delta: int) -> None:
        self.query_one("#help-scroll", VerticalScroll).scroll_relative(y=delta, animate=False)

    def action_page(self, delta: int) -> None:
        scroll = self.query_one("#help-scroll", VerticalScroll)
        scroll.scroll_relative(y=delta * max(scroll.size.height - 1, 1), animate=False)
