"""The notice shown instead of a screen when the terminal is too small to play."""

from __future__ import annotations

from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 20

BREAKPOINTS_WIDE = [(0, "-too-narrow"), (MIN_WIDTH, "-wide-enough")]
BREAKPOINTS_TALL = [(0, "-too-short"), (MIN_HEIGHT, "-tall-enough")]


class TooSmall(Static):
    """'Make the window larger', shown by the stylesheet only when the screen is too small."""

    def __init__(self) -> None:
        super().__init__(
            f"Please make the window larger: lunarquiz needs at least {MIN_WIDTH}×{MIN_HEIGHT} characters.",
            markup=False,
        )
