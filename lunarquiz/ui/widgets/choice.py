"""One answer choice: focusable, clickable, shown with its key and (in multiple response) a box."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from lunarquiz.banks.limits import MAX_CHOICES

KEYS = "1234567890"[:MAX_CHOICES]
"""The number key of each choice: 1 for the first, ..., 0 for the tenth (the most a question may have)."""
LETTERS = "abcdefghij"[:MAX_CHOICES]
"""The letter key of each choice, a for the first; none of them is another key of the question screen (q quits)."""


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
    def label(self) -> Text:
        """What comes before the choice's text: a focus marker, its keys, a tick box in multiple response."""
        label = Text("▶ " if self.has_focus else "  ", style="bold")
        key = KEYS[self.index] if self.index < len(KEYS) else " "
        letter = LETTERS[self.index] if self.index < len(LETTERS) else " "
        label.append(f" {key}/{letter} ", style="bold reverse")
        label.append(" ")
        if self.multiple:
            label.append("[x] " if self.selected else "[ ] ")
        return label

    @property
    def content(self) -> Text:
        """The label and the text on one line, unwrapped."""
        return self.label.append(self.text)

    def lines(self, width: int) -> Text:
        """The label, then the text wrapped to ``width`` cells with every further line indented under itself."""
        label = self.label
        indent = label.cell_len
        wrapped = Text(self.text).wrap(self.app.console, max(width - indent, 1))
        shown = label
        for number, line in enumerate(wrapped):
            if number:
                shown.append("\n" + " " * indent)
            shown.append_text(line)
        return shown

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width).plain.split("\n"))

    def render(self) -> Text:
        return self.lines(self.content_size.width)

    def watch_selected(self) -> None:
        self.set_class(self.selected, "-selected")

    def on_click(self) -> None:
        self.focus()
        self.post_message(self.Picked(self))
