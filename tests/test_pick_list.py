"""The pick list (the home screen's banks): moving the highlight, picking by key or click, wrapping and scrolling."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region

from lunarquiz.ui.widgets.pick_list import PickList


def items(count: int, lines: int = 2) -> list[tuple[str, Text]]:
    return [(f"item-{n}", Text("\n".join(f"Item {n} line {line}" for line in range(lines)))) for n in range(count)]


class ListApp(App[None]):
    def __init__(self, entries: list[tuple[str, Text]]) -> None:
        super().__init__()
        self.entries = entries
        self.picked: list[str] = []

    def compose(self) -> ComposeResult:
        yield PickList(self.entries, id="list")

    def on_mount(self) -> None:
        self.query_one(PickList).focus()

    def on_pick_list_picked(self, message: PickList.Picked) -> None:
        self.picked.append(message.item_id)


def shown(app: ListApp) -> str:
    """The list's lines as drawn, without its border."""
    widget = app.query_one(PickList)
    strips = widget.render_lines(Region(0, 0, *widget.outer_size))
    return "\n".join(strip.text.strip("▊▎▔▁ ") for strip in strips[1:-1])


async def test_keys_move_the_highlight_within_the_list_and_enter_picks() -> None:
    app = ListApp(items(4))
    async with app.run_test(size=(40, 20)) as pilot:
        widget = app.query_one(PickList)
        assert widget.highlighted == 0
        await pilot.press("down", "down")
        assert widget.highlighted == 2
        await pilot.press("down", "down", "down")  # stops at the last
        assert widget.highlighted == 3
        await pilot.press("home")
        assert widget.highlighted == 0
        await pilot.press("up")  # stops at the first
        assert widget.highlighted == 0
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.picked == ["item-3"]


async def test_a_click_highlights_and_picks_the_item_under_it() -> None:
    app = ListApp(items(4))
    async with app.run_test(size=(40, 20)) as pilot:
        widget = app.query_one(PickList)
        # the border (row 0), then two rows an item: item 2's second line is row 1 + 5
        await pilot.click("#list", offset=(4, 1 + 5))
        await pilot.pause()
        assert widget.highlighted == 2
        assert app.picked == ["item-2"]
        await pilot.click("#list", offset=(4, 1 + 8))  # the border below the last line: nothing
        await pilot.pause()
        assert app.picked == ["item-2"]


async def test_the_highlighted_item_scrolls_into_view_whole() -> None:
    app = ListApp(items(20, lines=3))
    async with app.run_test(size=(40, 8)) as pilot:  # 6 rows of list inside its border
        await pilot.press("end")
        await pilot.pause()
        text = shown(app)
        assert "Item 19 line 0" in text and "Item 19 line 2" in text
        await pilot.press("pageup")
        await pilot.pause()
        widget = app.query_one(PickList)
        assert widget.highlighted is not None and widget.highlighted < 19
        assert f"Item {widget.highlighted} line 0" in shown(app)
        await pilot.press("home")
        await pilot.pause()
        assert "Item 0 line 0" in shown(app)


async def test_long_lines_wrap_to_the_width_and_nothing_is_cut() -> None:
    long = "A bank title long enough to need more than one line in a narrow window"
    app = ListApp([("long", Text(long)), ("short", Text("Short"))])
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        text = shown(app)
        assert "".join(text.split()).startswith("".join(long.split()))
        assert max(len(line) for line in text.splitlines()) <= 30


async def test_an_empty_list_highlights_nothing_and_picks_nothing() -> None:
    app = ListApp([])
    async with app.run_test(size=(40, 10)) as pilot:
        widget = app.query_one(PickList)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert widget.highlighted is None and app.picked == []
