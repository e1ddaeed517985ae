"""One answer choice: focusable, clickable, shown with its key and (in multiple response) a box."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

KEYS = "1234"
LETTERS = "abcd"


class Choice(Widget, can_focus=True):
    """A choice the player can pick with its number or letter, Enter, or a click."""

    selected: reactive[bool] = reactive(False, init=False)
    """Ticked, in a multiple-response question."""

    @dataclass
    class Picked(Message):
        """The player clicked this choice."""

        choice: Choice

        @property
        def control(self) -> Choice:
            """The choice that was picked."""
            return self.choice

    def __init__(self, text: str, index: int, *, multiple: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text
        self.index = index
        self.multiple = multiple

    @property
    def content(self) -> Text:
        """What the choice shows: a focus marker, its keys, a tick box in multiple response, its text."""
        label = Text("▶ " if self.has_focus else "  ", style="bold")
        key = KEYS[self.index] if self.index < len(KEYS) else " "
        letter = LETTERS[self.index] if self.index < len(LETTERS) else " "
        label.append(f" {key}/{letter} ", style="bold reverse")
        label.append(" ")
        if self.multiple:
            label.append("[x] " if self.selected else "[ ] ")
        label.append(self.text)
        return label

    def render(self) -> Table:
        """The key column and the text column, so that long text wraps under itself."""
        content = self.content
        split = len(content.plain) - len(self.text)
        grid = Table.grid()
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(content[:split], content[split:])
        return grid

    def watch_selected(self) -> None:
        self.set_class(self.selected, "-selected")

    def on_click(self) -> None:
        self.focus()
        self.post_message(self.Picked(self))
