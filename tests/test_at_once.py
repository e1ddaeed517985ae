"""A change drawn at once: without Textual's frame timer, whole, and with a callback after it."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Static

from benchmarks.frames import record_frames
from lunarquiz.ui.at_once import AtOnceScreen


class Board(AtOnceScreen[None]):
    """Two labels to change."""

    def compose(self) -> ComposeResult:
        yield Static("first: before", id="first")
        yield Static("second: before", id="second")

    def change(self, *, at_once: bool, then: Any = None) -> None:
        first, second = self.query_one("#first", Static), self.query_one("#second", Static)
        first.update("first: after, and longer")
        second.update("second: after")
        second.styles.height = 3  # a change of layout too
        if at_once:
            self.draw_at_once((first, second), then=then)


class BoardApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Board())


async def drawn_after_change(*, at_once: bool) -> tuple[list[str], list[str]]:
    """What the frames after the change wrote, with the screen's frame timer stopped; and the callback's notes."""
    app = BoardApp()
    frames = record_frames(app)
    notes: list[str] = []
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        board = app.screen
        assert isinstance(board, Board) and frames.drawn(board)
        timer = board._update_timer
        timer.pause()
        timer.resume = lambda: None  # type: ignore[method-assign]  # Textual's 60 Hz frames never come now
        written: list[str] = []
        frames.watch(lambda screen: screen is board, lambda text: written.append(text) and False)
        board.change(at_once=at_once, then=lambda: notes.append("then" if written else "too soon"))
        await asyncio.sleep(0.2)  # not pilot.pause(): it draws the screen itself, as draw_at_once does
        return written, notes


async def test_a_change_is_drawn_at_once_whole_without_the_frame_timer() -> None:
    written, notes = await drawn_after_change(at_once=True)
    assert written, "nothing was drawn"
    first = written[0]
    assert "first: after, and longer" in first and "second: after" in first
    assert notes == ["then"]


async def test_without_it_the_change_waits_for_the_frame_timer() -> None:
    written, notes = await drawn_after_change(at_once=False)
    assert not written  # so the test above shows what draw_at_once does
    assert notes == []
