"""A button drawn as plain text: focusable, pressed with Enter, Space or a click."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

FOCUS_MARKER = "▶ "
"""Shown before the label of the focused button, so focus is visible without colour."""


class FlatButton(Widget, can_focus=True):
    """A label that acts as a button.

    Textual's ``Button`` brings a large stylesheet and a border to lay out and draw, which
    the home screen pays for on every start; this one is a line of text, styled by the app.
    """

    BINDINGS = [Binding("enter,space", "press", "Press", show=False)]

    @dataclass
    class Pressed(Message):
        """The button was pressed."""

        button: FlatButton

        @property
        def control(self) -> FlatButton:
            """The button that was pressed."""
            return self.button

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label

    def render(self) -> Text:
        """The label, with a marker before it while focused (a space otherwise, so it does not move)."""
        marker = FOCUS_MARKER if self.has_focus else " " * len(FOCUS_MARKER)
        return Text.assemble(marker, (self.label, "bold"), " " * len(FOCUS_MARKER))

    def action_press(self) -> None:
        """Press the button."""
        self.post_message(self.Pressed(self))

    def on_click(self) -> None:
        self.focus()
        self.action_press()
