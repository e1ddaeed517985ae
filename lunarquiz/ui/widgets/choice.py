"""One answer choice: focusable, clickable, shown with its key and (in multiple response) a box."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

KEYS = "1234"
LETTERS = "abcd"


class Choice(Static, can_focus=True):
    """A choice the player can pick with its number or letter, Enter, or a click."""

    selected: reactive[bool] = reactive(False, init=False)
    """Ticked, in a multiple-response question."""

    @dataclass
    class Picked(Message):
        """The player clicked this choice or pressed Enter on it."""

        choice: Choice

        @property
        def control(self) -> Choice:
            """The choice that was picked."""
            return self.choice

    def __init__(self, text: str, index: int, *, multiple: bool = False, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.text = text
        self.index = index
        self.multiple = multiple

    def on_mount(self) -> None:
        self._draw()

    def watch_selected(self) -> None:
        self.set_class(self.selected, "-selected")
        self._draw()

    def on_focus(self) -> None:
        self._draw()

    def on_blur(self) -> None:
        self._draw()

    def _draw(self) -> None:
        label = Text("▶ " if self.has_focus else "  ", style="bold")
        key = KEYS[self.index] if self.index < len(KEYS) else " "
        letter = LETTERS[self.index] if self.index < len(LETTERS) else " "
        label.append(f" {key}/{letter} ", style="bold reverse")
        label.append(" ")
        if self.multiple:
            label.append("[x] " if self.selected else "[ ] ")
        label.append(self.text)
        self.update(label)

    def on_click(self) -> None:
        self.focus()
        self.post_message(self.Picked(self))
