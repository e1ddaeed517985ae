"""Time-out accuracy: from a question's deadline to the first frame that shows the time-out, with the real clock."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.answers import each_question
from benchmarks.baseline_screens import ScreensApp
from benchmarks.frames import new_screen_drawn, record_frames
from benchmarks.game import SIZE, make_game, until

LIMIT = 1.0
"""Seconds per question."""


async def lateness(bank: Path, data_dir: Path, count: int) -> list[float]:
    """Seconds from each question's deadline to the first frame that shows it timed out (negative: early).

    As for answers (:func:`benchmarks.answers.answer_times`), the frame timed is the first
    by which the terminal shows the time-out's feedback.
    """
    app = make_game(bank, data_dir, questions=count, time_limit=LIMIT)
    frames = record_frames(app, time.monotonic)
    late = []
    async with app.run_test(size=SIZE) as pilot:
        async for question, shown in each_question(pilot, frames, count):
            deadline = question.asked.deadline
            await until(pilot, shown.seen)
            assert shown.time is not None and deadline is not None
            assert question.outcome is not None and question.outcome.timed_out
            late.append(shown.time - deadline)
    return late


async def baseline_lateness(count: int) -> list[float]:
    """The same for the smallest Textual app: a one-second ``set_timer`` that switches to a new screen."""
    app = ScreensApp()
    frames = record_frames(app, time.monotonic)
    late = []
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(count):
            before = app.screen
            await until(pilot, lambda: frames.drawn(app.screen))
            deadline = time.monotonic() + LIMIT
            app.after(LIMIT)
            await until(pilot, new_screen_drawn(app, frames, before))
            drawn = frames.drawn(app.screen)
            assert drawn is not None
            late.append(drawn - deadline)
    return late
