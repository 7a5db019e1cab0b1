"""poforum's own themes: a high-contrast one for screen sharing."""

from __future__ import annotations

from textual.theme import Theme

CONTRAST = Theme(
    name="poforum-contrast",
    primary="#FFD700",
    secondary="#00E5FF",
    accent="#FFD700",
    warning="#FFB000",
    error="#FF5C5C",
    success="#3DFF7A",
    foreground="#FFFFFF",
    background="#000000",
    surface="#0A0A0A",
    panel="#1C1C1C",
    dark=True,
    variables={
        "footer-key-foreground": "#FFD700",
        "block-cursor-background": "#FFD700",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "input-selection-background": "#FFD700 40%",
    },
)

CONTRAST_LIGHT = Theme(
    name="poforum-contrast-light",
    primary="#0033CC",
    secondary="#6A00B8",
    accent="#0033CC",
    warning="#8A5A00",
    error="#C00000",
    success="#006B1F",
    foreground="#000000",
    background="#FFFFFF",
    surface="#F4F4F4",
    panel="#E2E2E2",
    dark=False,
    variables={
        "block-cursor-background": "#0033CC",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-text-style": "bold",
    },
)

THEMES = (CONTRAST, CONTRAST_LIGHT)
