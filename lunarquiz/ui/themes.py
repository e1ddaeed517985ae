"""The themes lunarquiz adds to Textual's own: high contrast, for low vision and bright rooms."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="lunarquiz-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#00ffff",
    warning="#ffff00",
    error="#ff6060",
    success="#00ff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#202020",
    boost="#303030",
    dark=True,
    luminosity_spread=0.2,
    text_alpha=1.0,
    variables={
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
        "footer-key-foreground": "#ffff00",
        "input-selection-background": "#00ffff 40%",
    },
)
"""White on black with saturated yellow and cyan accents."""

OFFERED_FIRST = ("textual-dark", "textual-light", HIGH_CONTRAST.name, "ansi-dark", "ansi-light")
"""Themes at the top of the settings list: the defaults, high contrast, and the terminal's own palette."""


def theme_choices(available: list[str]) -> list[tuple[str, str]]:
    """(label, name) pairs for a theme list: the offered-first themes, then the rest alphabetically."""
    labels = {
        "textual-dark": "Dark (default)",
        "textual-light": "Light",
        HIGH_CONTRAST.name: "High contrast",
        "ansi-dark": "Terminal colours (dark)",
        "ansi-light": "Terminal colours (light)",
    }
    first = [name for name in OFFERED_FIRST if name in available]
    rest = sorted(name for name in available if name not in first)
    return [(labels.get(name, name), name) for name in first + rest]
