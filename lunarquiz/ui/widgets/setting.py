"""One setting on one line: a label and the value chosen, stepped through with keys or clicks."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

SettingValue = TypeVar("SettingValue", bound=Hashable)
"""The type of a setting's values (an int for a length, a str for a mode)."""

FOCUS_MARKER = "▶ "
"""Shown before the focused setting, so focus is visible without colour."""
BACK = "‹ "
FORWARD = " ›"
NARROW_VALUE = 10
"""Below this many columns left for the value, the label is not padded (the values no longer line up)."""


class Setting(Widget, Generic[SettingValue], can_focus=True):
    """A label and one of a few values; Left/Right, Enter/Space and clicks step through the values.

    Much lighter than a ``Select`` (no overlay list to build and lay out), for a few short choices.
    A click on the ‹ steps back, anywhere else forward; the values wrap round at both ends.
    Up and Down move to the setting above or below, as in a form.
    """

    BINDINGS = [
        Binding("right,enter,space", "step(1)", "Change", key_display="←→"),
        Binding("left", "step(-1)", "Previous", show=False),
        Binding("down", "app.focus_next", "Next setting", show=False),
        Binding("up", "app.focus_previous", "Previous setting", show=False),
    ]

    index: reactive[int] = reactive(0, init=False)
    """Which option is chosen."""

    @dataclass
    class Changed(Message):
        """The setting's value changed (by the player or by the program)."""

        setting: Setting[Any]
        value: Any

        @property
        def control(self) -> Setting[Any]:
            """The setting that changed."""
            return self.setting

    def __init__(
        self,
        label: str,
        options: Sequence[tuple[str, SettingValue]],
        value: SettingValue,
        *,
        label_width: int = 0,
        id: str | None = None,
    ) -> None:
        """``options`` are (shown text, value) pairs; ``label_width`` pads the label so values line up."""
        if not options:
            raise ValueError(f"the setting {label!r} has no options")
        super().__init__(id=id)
        self.label = label
        self.label_width = label_width
        self.options = tuple(options)
        self.set_reactive(Setting.index, self._index_of(value))

    def _index_of(self, value: SettingValue) -> int:
        for index, (_, known) in enumerate(self.options):
            if known == value:
                return index
        raise ValueError(f"{value!r} is not one of the values of the setting {self.label!r}")

    @property
    def value(self) -> SettingValue:
        """The value chosen."""
        return self.options[self.index][1]

    @value.setter
    def value(self, value: SettingValue) -> None:
        self._choose(self._index_of(value))

    @property
    def shown(self) -> str:
        """The text of the value chosen, as the player sees it."""
        return self.options[self.index][0]

    def _choose(self, index: int) -> None:
        if index != self.index:
            self.index = index
            self.post_message(self.Changed(self, self.value))

    def action_step(self, steps: int) -> None:
        """Move ``steps`` values forward (or back, when negative), wrapping round."""
        self._choose((self.index + steps) % len(self.options))

    def _parts(self) -> tuple[str, Text]:
        """The label, padded so values line up, and the value's text; both shortened when the widget is narrow."""
        label = self.label.ljust(max(self.label_width, len(self.label) + 1))
        shown = Text(self.shown)
        if not self.size.width:  # not laid out yet
            return label, shown
        room = self.size.width - len(FOCUS_MARKER) - len(BACK) - len(FORWARD)
        if room - len(label) < min(NARROW_VALUE, shown.cell_len):
            label = self.label + " "
        shown.truncate(max(room - len(label), 1), overflow="ellipsis")
        return label, shown

    def render(self) -> Text:
        """The focus marker, the label, then the value between arrows."""
        label, shown = self._parts()
        text = Text(no_wrap=True)
        text.append(FOCUS_MARKER if self.has_focus else " " * len(FOCUS_MARKER), style="bold")
        text.append(label)
        text.append(BACK, style="dim")
        shown.stylize("bold")
        text.append_text(shown)
        text.append(FORWARD, style="dim")
        return text

    def on_click(self, event: events.Click) -> None:
        """A click on the ‹ steps back; anywhere else forward."""
        self.focus()
        offset = event.get_content_offset(self)
        back_at = len(FOCUS_MARKER) + len(self._parts()[0])
        back = offset is not None and back_at <= offset.x < back_at + len(BACK)
        self.action_step(-1 if back else 1)
