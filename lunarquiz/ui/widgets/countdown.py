"""The countdown bar: it draws the time left that it is given, and keeps no time of its own."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

BAR_FULL = "█"
BAR_EMPTY = "░"
LOW = 0.25
"""Fraction of the limit below which the bar shows as running low."""


class Countdown(Static):
    """A bar and the seconds left; ``show`` redraws it from the round's deadline."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.left: float | None = None
        self.limit: float | None = None

    def show(self, left: float | None, limit: float | None) -> None:
        """Draw ``left`` seconds of ``limit``; None means untimed."""
        self.left, self.limit = left, limit
        self.set_class(left is not None and limit is not None and left <= limit * LOW, "-low")
        self.refresh()

    def render(self) -> Text:
        if self.left is None or not self.limit:
            return Text("No time limit: take your time", style="italic")
        label = f" {self.left:4.1f}s"
        width = max(self.size.width - len(label), 1)
        filled = round(width * min(self.left / self.limit, 1.0))
        return Text.assemble((BAR_FULL * filled, "bold"), (BAR_EMPTY * (width - filled), "dim"), label)
