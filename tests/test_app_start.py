"""How the app starts: its first screen is Textual's first, it can be left, and frames get out promptly."""

from __future__ import annotations

import sys
from pathlib import Path

from lunarquiz.ui.app import SWITCH_INTERVAL
from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.screens.results import ResultsScreen

from .conftest import FakeClock
from .ui_helpers import SIZE, make_app, showing_feedback, write_bank


async def test_the_round_is_the_first_screen_and_gives_way_to_the_next_question_and_the_results(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = make_app([write_bank(tmp_path)], clock, questions=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = app.screen
        assert isinstance(first, QuestionScreen) and app.screen_stack == [first]  # no blank screen beneath
        for _ in range(2):
            await pilot.press("1") if not app.screen.asked.multiple else await pilot.press("a", "enter")  # type: ignore[attr-defined]
            await pilot.pause()
            assert showing_feedback(app)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) and len(app.screen_stack) == 1


async def test_the_home_screen_is_the_first_screen(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.screen_stack) == 1 and isinstance(app.screen, HomeScreen)


async def test_frames_get_the_writer_thread_promptly_while_the_app_runs(tmp_path: Path, clock: FakeClock) -> None:
    before = sys.getswitchinterval()
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert sys.getswitchinterval() == min(before, SWITCH_INTERVAL)
    assert sys.getswitchinterval() == before
