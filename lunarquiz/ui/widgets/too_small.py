"""The notice shown instead of a screen when the terminal is too small to play, and the size classes."""

from __future__ import annotations

from textual.widgets import Static

MIN_WIDTH = 40
MIN_HEIGHT = 12
COMFORTABLE_WIDTH = 60
COMFORTABLE_HEIGHT = 20

BREAKPOINTS_WIDE = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (COMFORTABLE_WIDTH, "-wide")]
"""Screen classes by width: too narrow to play, narrow (compact layout), wide enough."""
BREAKPOINTS_TALL = [(0, "-too-short"), (MIN_HEIGHT, "-short"), (COMFORTABLE_HEIGHT, "-tall")]
"""Screen classes by height: too short to play, short (compact layout), tall enough."""


class TooSmall(Static):
    """'Make the window larger', shown by the stylesheet only when the screen is too small."""

    def __init__(self) -> None:
        super().__init__(
            f"Please make the window larger: lunarquiz needs at least {MIN_WIDTH}×{MIN_HEIGHT} characters.",
            markup=False,
        )
