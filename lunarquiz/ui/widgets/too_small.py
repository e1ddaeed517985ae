"""The notice shown instead of a screen when the terminal is too small to play, and the size classes."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH = 40
MIN_HEIGHT = 12
COMFORTABLE_WIDTH = 60
COMFORTABLE_HEIGHT = 20

BREAKPOINTS_WIDE = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (COMFORTABLE_WIDTH, "-wide")]
"""Screen classes by width: too narrow to play, narrow (compact layout), wide enough."""
BREAKPOINTS_TALL = [(0, "-too-short"), (MIN_HEIGHT, "-short"), (COMFORTABLE_HEIGHT, "-tall")]
"""Screen classes by height: too short to play, short (compact layout), tall enough."""


def size_classes(width: int, height: int) -> dict[str, bool]:
    """Which size classes a screen of ``width`` × ``height`` has (as Textual's breakpoints would set them)."""
    classes = {name: False for _, name in (*BREAKPOINTS_WIDE, *BREAKPOINTS_TALL)}
    for size, breakpoints in ((width, BREAKPOINTS_WIDE), (height, BREAKPOINTS_TALL)):
        fitting = [(minimum, name) for minimum, name in breakpoints if size >= minimum]
        if fitting:
            classes[max(fitting)[1]] = True
    return classes


def fit(screen: Screen[Any]) -> None:
    """Give a new screen the size classes of the terminal now, before it is first styled.

    Textual sets them when the screen gets its first resize event, which restyles every
    widget a second time: a few milliseconds on each new screen, felt on every answer.
    """
    try:
        width, height = screen.app.size
    except RuntimeError:  # no app is running (a screen built outside one): Textual sets them later
        return
    screen.update_classes(size_classes(width, height), update=False)


class TooSmall(Static):
    """'Make the window larger', shown by the stylesheet only when the screen is too small."""

    def __init__(self) -> None:
        super().__init__(
            f"Please make the window larger: lunarquiz needs at least {MIN_WIDTH}×{MIN_HEIGHT} characters.",
            markup=False,
        )
