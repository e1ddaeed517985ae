"""A list to pick one item from: each item a few lines of text, one of them highlighted.

It does what the home screen's bank list needs from Textual's ``OptionList`` (arrows,
Home/End, Page Up/Down, Enter and clicks; wrapped items; scrolling to the highlighted
item) and draws it from plain wrapped lines: an ``OptionList`` took about 10 ms of the
home screen's first frame (a fifth of what lunarquiz adds to Textual's start), this about
a tenth of that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class PickList(ScrollView, can_focus=True):
    """Items of one or more lines; Up/Down move the highlight, Enter or a click picks the highlighted item."""

    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "pick", "Pick", show=False),
    ]

    COMPONENT_CLASSES = {"pick-list--highlight"}

    DEFAULT_CSS = """
    PickList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        background: $surface;
        border: tall $border-blurred;
        padding: 0 1;
    }
    PickList:focus {
        border: tall $border;
        background-tint: $foreground 5%;
    }
    PickList > .pick-list--highlight {
        background: $block-cursor-blurred-background;
        color: $foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    PickList:focus > .pick-list--highlight {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """

    highlighted: reactive[int | None] = reactive(None, init=False)
    """The index of the highlighted item (None when there is none)."""

    @dataclass
    class Picked(Message):
        """An item was picked (Enter, or a click)."""

        pick_list: PickList
        item_id: str

        @property
        def control(self) -> PickList:
            """The list the item was picked from."""
            return self.pick_list

    def __init__(self, items: Sequence[tuple[str, Text]], *, id: str | None = None) -> None:
        """``items`` are (id, text) pairs; a text may hold several lines, and long lines wrap."""
        super().__init__(id=id)
        self.items = tuple(items)
        self._lines: list[tuple[int, Text]] = []  # (item index, one wrapped line), for the width below
        self._first_line: list[int] = []  # the first of each item's lines
        self._wrapped_width = -1
        self._wrapped_at: dict[int, list[tuple[int, Text]]] = {}
        if self.items:
            self.set_reactive(PickList.highlighted, 0)

    # -- the items and the highlight -----------------------------------------------

    def item_id(self, index: int) -> str:
        """The id of the item at ``index``."""
        return self.items[index][0]

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self.items:
            return None
        return min(max(highlighted, 0), len(self.items) - 1)

    def watch_highlighted(self) -> None:
        self.scroll_to_highlight()
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.highlighted is not None:
            self.highlighted += step

    def action_page(self, direction: int) -> None:
        if self.highlighted is None:
            return
        self._wrap()
        target_line = self._first_line[self.highlighted] + direction * max(self.scrollable_content_region.height, 1)
        target_line = min(max(target_line, 0), len(self._lines) - 1)
        self.highlighted = self._lines[target_line][0]

    def action_first(self) -> None:
        if self.items:
            self.highlighted = 0

    def action_last(self) -> None:
        if self.items:
            self.highlighted = len(self.items) - 1

    def action_pick(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Picked(self, self.item_id(self.highlighted)))

    def on_click(self, event: events.Click) -> None:
        self._wrap()
        line = event.y - self.gutter.top + round(self.scroll_y)
        if event.x < self.gutter.left or not 0 <= line < len(self._lines):
            return
        self.highlighted = self._lines[line][0]
        self.action_pick()

    def scroll_to_highlight(self) -> None:
        """Scroll so that the whole highlighted item shows (as much of it as fits)."""
        if self.highlighted is None or not self.is_mounted:
            return
        self._wrap()
        first = self._first_line[self.highlighted]
        height = self._line_count(self.highlighted)
        self.scroll_to_region(Region(0, first, 1, height), animate=False, force=True, immediate=True)

    # -- drawing ------------------------------------------------------------------

    def on_resize(self) -> None:
        self._wrap()
        self.scroll_to_highlight()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._wrapped(width))

    def render_line(self, y: int) -> Strip:
        self._wrap()
        width = self.scrollable_content_region.width
        line_number = round(self.scroll_y) + y
        if not 0 <= line_number < len(self._lines):
            return Strip.blank(width, self.rich_style)
        index, text = self._lines[line_number]
        if index == self.highlighted:
            style = self.get_visual_style("pick-list--highlight").rich_style
        else:
            style = self.rich_style
        segments = list(text.render(self.app.console))
        return (
            Strip(Segment.apply_style(segments, style), text.cell_len).extend_cell_length(width, style).crop(0, width)
        )

    def _wrap(self) -> None:
        """Wrap the items to the list's width (again only when the width changed)."""
        width = self.scrollable_content_region.width
        if width != self._wrapped_width:
            self._wrapped_width = width
            self._lines = self._wrapped(width)
            self._first_line = []
            for number, (index, _) in enumerate(self._lines):
                if index == len(self._first_line):
                    self._first_line.append(number)
            self.virtual_size = Size(width, len(self._lines))

    def _wrapped(self, width: int) -> list[tuple[int, Text]]:
        """The items' lines at ``width`` (the last width asked for is kept: layout asks, then drawing)."""
        if width in self._wrapped_at:
            return self._wrapped_at[width]
        console = self.app.console
        lines: list[tuple[int, Text]] = []
        for index, (_, text) in enumerate(self.items):
            for line in text.wrap(console, max(width, 1), overflow="fold"):
                line.rstrip()
                lines.append((index, line))
        self._wrapped_at = {width: lines}
        return lines

    def _line_count(self, index: int) -> int:
        following = self._first_line[index + 1] if index + 1 < len(self._first_line) else len(self._lines)
        return following - self._first_line[index]
