"""The footer: the keys of the focused screen, drawn as one line by one widget.

Textual's Footer mounts a widget per key and remounts them all whenever the bindings change
(every focus change): ~18 widgets styled and laid out again, tens of milliseconds per key and
at startup. This footer computes what it shows from the same `screen.active_bindings`, and
repaints its single line only when that changes. Clicking a key presses it; a dimmed key rings
the bell. When the keys do not fit, the spacing tightens first; if they still do not, the
keys at the end give way to "…" but the screen keys (as `0 1 2 3 4 Screens`), help (`?`,
which lists every key) and the command palette key stay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import groupby
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

PINNED = "toggle_help"
"""The action whose key stays in view when the keys are cut: its help lists the others."""
SCREENS = "go("
"""Actions starting so switch screens (0-4): when the keys are cut they stay too, drawn as
`0 1 2 3 4 Screens` (help names each)."""
DIM = Style(dim=True)
ELLIPSIS = "… "


class FooterItem(NamedTuple):
    """One key in the footer, or a group's label (`key` empty)."""

    key: str
    key_display: str
    description: str
    enabled: bool
    tooltip: str
    action: str = ""


class Span(NamedTuple):
    """Where an item is drawn: cells [start, end); `position` is its place in `items` (-1:
    the palette key), which is what the hover highlight compares against."""

    start: int
    end: int
    item: FooterItem
    position: int


class KeyFooter(Widget, can_focus=False):
    """Footer of the screen's shown keys, spaced tighter when they do not fit."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--hover { background: $block-hover-background; }
        & > .key-footer--separator { color: $foreground 20%; }
    }
    """
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--separator",
    }

    def __init__(self) -> None:
        super().__init__()
        self.items: tuple[FooterItem, ...] = ()
        self.palette: FooterItem | None = None
        self._spans: list[Span] = []
        self._hover: int | None = None
        self._strip: Strip | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._update()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        # Like Textual's Footer: while the terminal has lost focus the keys stay as they were.
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._update()

    def _update(self) -> None:
        items, palette = self._shown()
        if (items, palette) != (self.items, self.palette):
            self.items, self.palette = items, palette
            self._redraw()

    def _shown(self) -> tuple[tuple[FooterItem, ...], FooterItem | None]:
        """The keys to show (bindings with the same action once; groups with their label)."""
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        by_action: defaultdict[str, list] = defaultdict(list)
        palette = None
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if key == palette_key:
                display = app.get_key_display(binding)
                tip = binding.tooltip or binding.description
                palette = FooterItem(binding.key, display, binding.description, enabled, tip)
            elif binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        items: list[FooterItem] = []
        for group, run in groupby(by_action.values(), lambda bindings: bindings[0][0].group):
            runs = list(run)
            grouped = group is not None and len(runs) > 1
            for binding, enabled, tooltip in (bindings[0] for bindings in runs):
                description = "" if grouped else binding.description
                tip = (tooltip or binding.description) if grouped else tooltip
                display = app.get_key_display(binding)
                items.append(
                    FooterItem(binding.key, display, description, enabled, tip, binding.action)
                )
            if grouped:
                items.append(FooterItem("", "", group.description, True, ""))
        return tuple(items), palette

    def on_resize(self) -> None:
        self._redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strip = None  # a theme change restyles the keys

    # -- drawing ----------------------------------------------------------------------------

    def _redraw(self) -> None:
        self._strip = None
        self.refresh()

    def _texts(self, item: FooterItem, compact: bool) -> tuple[str, str]:
        """(key part, description part) of an item as drawn."""
        if not item.key:  # a group's label
            return "", item.description if compact else f" {item.description} "
        if not item.description:
            return (item.key_display, "") if compact else (f" {item.key_display}", "")
        if compact:
            return item.key_display, f" {item.description}"
        return f" {item.key_display} ", f"{item.description} "

    def _palette_texts(self) -> tuple[str, str]:
        palette = self.palette
        if palette is None:
            return "", ""
        return f"{palette.key_display} ", f"{palette.description} "

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self._strip is None or self._strip.cell_length != width:
            self._strip = self._draw(width)
        return self._strip

    def _draw(self, width: int) -> Strip:
        base = self.rich_style
        styles = (
            base + self.get_component_rich_style("key-footer--key"),
            base + self.get_component_rich_style("key-footer--description"),
        )
        palette_key, palette_text = self._palette_texts()
        right = cell_len(palette_key + palette_text) + 1 if self.palette else 0
        room = max(width - right, 0)
        compact = self._width(self.items, False) > room
        items = list(enumerate(self.items))
        pinned = [(i, item) for i, item in items if item.action == PINNED]
        cut = bool(pinned) and self._width(self.items, compact) > room
        limit = room
        if cut:  # keys give way from the end, for "… 0 1 2 3 4 Screens ? Help"
            screens = [(i, item) for i, item in items if item.action.startswith(SCREENS)]
            kept = {i for i, _ in pinned + screens}
            items = [(i, item) for i, item in items if i not in kept]
            if screens:
                label = FooterItem("", "", "Screens", True, "")
                shown = [(i, item._replace(description="")) for i, item in screens]
                pinned = [*shown, (len(self.items), label), *pinned]
            limit = room - self._width([item for _, item in pinned], compact) - len(ELLIPSIS)
        self._spans = []
        segments: list[Segment] = []
        x = 0
        for index, item in items:
            drawn = self._item(index, item, compact, styles)
            gap = 1 if compact else 0  # drawn after the item, before "…"
            if cut and x + sum(segment.cell_length for segment in drawn) + gap > limit:
                break
            segments += drawn
            x = self._advance(x, index, item, compact)
            if compact:
                segments.append(Segment(" ", base))
                x += 1
        if cut:
            segments.append(Segment(ELLIPSIS, styles[1]))
            x += len(ELLIPSIS)
            for number, (index, item) in enumerate(pinned, 1):
                segments += self._item(index, item, compact, styles)
                x = self._advance(x, index, item, compact)
                if compact and number < len(pinned):
                    segments.append(Segment(" ", base))
                    x += 1
        strip = Strip(segments).crop_extend(0, room, base)
        if self.palette is not None:
            separator = base + self.get_component_rich_style("key-footer--separator", partial=True)
            key_style, text_style = self._hovered(-1, styles)
            tail = Strip(
                [
                    Segment("▏", separator),
                    Segment(palette_key, key_style),
                    Segment(palette_text, text_style),
                ]
            ).crop_extend(0, min(right, width), base)
            strip = Strip.join([strip, tail])
            self._spans.append(Span(room + 1, width, self.palette, -1))
        return strip.crop_extend(0, width, base)

    def _item(
        self, index: int, item: FooterItem, compact: bool, styles: tuple[Style, Style]
    ) -> list[Segment]:
        key_text, text = self._texts(item, compact)
        key_style, text_style = self._hovered(index if item.key else None, styles)
        if not item.enabled:
            key_style, text_style = key_style + DIM, text_style + DIM
        return [
            Segment(part, style)
            for part, style in ((key_text, key_style), (text, text_style))
            if part
        ]

    def _advance(self, x: int, index: int, item: FooterItem, compact: bool) -> int:
        """Record where `item` is drawn from `x`; where the next one starts."""
        end = x + cell_len("".join(self._texts(item, compact)))
        self._spans.append(Span(x, end, item, index))
        return end

    def _hovered(self, index: int | None, styles: tuple[Style, Style]) -> tuple[Style, Style]:
        if index is None or index != self._hover:
            return styles
        hover = self.get_component_rich_style("key-footer--hover", partial=True)
        return styles[0] + hover, styles[1] + hover

    def _width(self, items: Sequence[FooterItem], compact: bool) -> int:
        """Cells `items` take, with the gaps between them."""
        total = sum(cell_len("".join(self._texts(item, compact))) for item in items)
        return total + (len(items) - 1 if compact and items else 0)

    # -- mouse ------------------------------------------------------------------------------

    def _item_at(self, x: int) -> tuple[int | None, FooterItem | None]:
        for span in self._spans:
            if span.start <= x < span.end and span.item.key:
                return span.position, span.item
        return None, None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index, item = self._item_at(event.x)
        if index != self._hover:
            self._hover = index
            self.tooltip = (item.tooltip or None) if item is not None else None
            self._redraw()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self._redraw()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        _index, item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()
