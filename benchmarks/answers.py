"""Answer latency: from a key press to the feedback screen's first frame, against a bare Textual screen switch."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.baseline_screens import ScreensApp
from benchmarks.frames import new_screen_drawn, record_frames
from benchmarks.game import SIZE, make_game, until


async def answer_times(bank: Path, data_dir: Path, count: int) -> list[float]:
    """Seconds from pressing 1 on a question to the feedback's first frame, for ``count`` answers in a row.

    The bank must hold at least ``count`` single-choice questions. Answers are saved to a
    store on disk, as in the game (whose collector runs only while feedback shows).
    """
    from lunarquiz.ui.screens.feedback import FeedbackScreen
    from lunarquiz.ui.screens.question import QuestionScreen

    app = make_game(bank, data_dir, questions=count, time_limit=3600.0)
    frames = record_frames(app)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(count):
            await until(pilot, lambda: isinstance(app.screen, QuestionScreen) and frames.drawn(app.screen))
            start = time.perf_counter()
            await pilot.press("1")
            await until(pilot, lambda: isinstance(app.screen, FeedbackScreen) and frames.drawn(app.screen))
            drawn = frames.drawn(app.screen)
            assert drawn is not None
            times.append(drawn - start)
            await pilot.press("enter")
    return times


async def baseline_times(count: int) -> list[float]:
    """The same for the smallest Textual app: key 1 switches to a new screen with one label."""
    app = ScreensApp()
    frames = record_frames(app)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(count):
            before = app.screen
            await until(pilot, lambda: frames.drawn(app.screen))
            start = time.perf_counter()
            await pilot.press("1")
            await until(pilot, new_screen_drawn(app, frames, before))
            drawn = frames.drawn(app.screen)
            assert drawn is not None
            times.append(drawn - start)
    return times
