"""The baselines for answers and time-outs: the smallest Textual app that moves from one screen to another."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Label


class LabelScreen(Screen[None]):
    """One label."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Label(self.text)


class ScreensApp(App[None]):
    """Key 1 shows the next screen (the baseline of an answer); ``after(seconds)`` does it on a timer."""

    BINDINGS = [Binding("1", "next", "Next")]

    def __init__(self) -> None:
        super().__init__()
        self.shown = 0

    def on_mount(self) -> None:
        self.push_screen(LabelScreen("screen 0"))

    def action_next(self) -> None:
        """Switch to a new screen with one label."""
        self.shown += 1
        self.switch_screen(LabelScreen(f"screen {self.shown}"))

    def after(self, seconds: float) -> None:
        """Switch to a new screen in ``seconds`` (a timer, like a question's time-out)."""
        self.set_timer(seconds, self.action_next)
