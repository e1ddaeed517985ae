"""The game fits 80×24, still plays down to 40×12, and shows a notice when the window is smaller."""

from __future__ import annotations

from pathlib import Path

import pytest

from lunarquiz.ui.screens.feedback import FeedbackScreen
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.widgets.too_small import TooSmall

from .conftest import FakeClock
from .ui_helpers import make_app, write_bank


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 12)])
async def test_every_choice_is_visible_and_playable(tmp_path: Path, clock: FakeClock, size: tuple[int, int]) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=4)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert not screen.query_one(TooSmall).display
        for index in range(len(screen.asked.choices)):
            if index:
                await pilot.press("down")  # the arrows scroll each choice into view
                await pilot.pause()
            choice = screen.query_one(f"#choice-{index}")
            assert screen.focused is choice
            region = choice.region
            assert region.height >= 1 and region.y >= 0 and region.bottom <= size[1] - 1, (index, region)
        await pilot.press("1") if not screen.asked.multiple else await pilot.press("a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)


@pytest.mark.parametrize("size", [(39, 24), (80, 11), (39, 11), (20, 8), (1, 1)])
async def test_a_smaller_window_shows_a_notice(tmp_path: Path, clock: FakeClock, size: tuple[int, int]) -> None:
    app = make_app([write_bank(tmp_path)], clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        notice = app.screen.query_one(TooSmall)
        assert notice.display
        assert "make the window larger" in str(notice.content)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.query_one(TooSmall).display
