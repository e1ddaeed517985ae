"""Every screen at 60×20 and 40×12 is usable; at 20×8 each shows the notice; resizing never breaks a round."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from lunarquiz.ui.app import LunarQuizApp
from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.screens.results import ResultsScreen
from lunarquiz.ui.widgets.too_small import TooSmall

from .conftest import FakeClock
from .ui_helpers import make_app, showing_feedback, write_bank


def check(app: LunarQuizApp, size: tuple[int, int], key_widget: str) -> None:
    notice = app.screen.query_one(TooSmall)
    if size[0] < 40 or size[1] < 12:
        assert notice.display, f"{type(app.screen).__name__} at {size} shows no notice"
        return
    assert not notice.display
    region = app.screen.query_one(key_widget).region
    assert region.width > 0 and region.height > 0, f"{key_widget} on {type(app.screen).__name__} at {size}: {region}"
    assert region.x >= 0 and region.right <= size[0], region


@pytest.mark.parametrize("size", [(60, 20), (40, 12), (20, 8)])
async def test_every_screen_at_size(tmp_path: Path, clock: FakeClock, size: tuple[int, int]) -> None:
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        check(app, size, "#banks")
        for key, widget in (("h", "#title"), ("t", "#title"), ("l", "#title"), ("o", "#theme")):
            app.action_open_progress({"h": "history", "t": "statistics", "l": "leaderboard", "o": "settings"}[key])
            await pilot.pause()
            check(app, size, widget)
            app.pop_screen()
            await pilot.pause()
        app.action_ask_player()
        await pilot.pause()
        assert app.screen.query_one("#name").region.width > 0 or size == (20, 8)
        app.pop_screen()
        await pilot.pause()
        app.start_round(app.library.banks, app.accommodate(app.screen.choice().settings))  # type: ignore[union-attr]
        await pilot.pause()
        while isinstance(app.screen, QuestionScreen):
            check(app, size, "#choice-0")
            screen = app.screen
            screen._submit(set(screen.asked.correct) if screen.asked.multiple else {min(screen.asked.correct)})
            await pilot.pause()
            assert showing_feedback(app)
            check(app, size, ".verdict.-right")
            app.screen.action_next()
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        check(app, size, "#summary")


async def test_resizing_many_times_during_a_question(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock)
    async with app.run_test(size=(80, 24)) as pilot:
        question = app.screen
        assert isinstance(question, QuestionScreen)
        sizes = [(20, 8), (120, 40), (40, 12), (39, 11), (60, 20), (1, 1), (200, 60), (45, 13)] * 6
        for width, height in sizes:
            await pilot.resize_terminal(width, height)
            clock.advance(0.1)
            question.check_time()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is question and not question.query_one(TooSmall).display
        await pilot.press(str(min(question.asked.correct) + 1) if not question.asked.multiple else "enter")
        await pilot.pause()


def test_small_window_notice_snapshot(snap_compare: Any, tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app([write_bank(tmp_path)], clock)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()

    assert snap_compare(app, terminal_size=(36, 10), run_before=run_before)
