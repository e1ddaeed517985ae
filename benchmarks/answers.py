"""Answer latency: from a key press to the first frame that shows the feedback, against a bare Textual screen switch."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.pilot import Pilot
from textual.screen import Screen

from benchmarks.baseline_screens import ScreensApp
from benchmarks.frames import Frame, FrameTimes, new_screen_drawn, record_frames
from benchmarks.game import SIZE, make_game, until

if TYPE_CHECKING:
    from lunarquiz.ui.screens.question import QuestionScreen


async def answer_times(bank: Path, data_dir: Path, count: int) -> list[float]:
    """Seconds from pressing 1 on a question to the first frame that shows its feedback, ``count`` answers in a row.

    The feedback shows in place, on the question screen: the frame timed is the first by
    which the frames drawn since the screen took the answer have written the feedback
    (:func:`feedback_of`). The bank must hold at least ``count`` single-choice questions.
    Answers are saved to a store on disk, as in the game (whose collector runs only while
    feedback shows).
    """
    app = make_game(bank, data_dir, questions=count, time_limit=3600.0)
    frames = record_frames(app)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        async for _question, shown in each_question(pilot, frames, count):
            start = time.perf_counter()
            await pilot.press("1")
            await until(pilot, shown.seen)
            assert shown.time is not None
            times.append(shown.time - start)
    return times


async def each_question(
    pilot: Pilot[Any], frames: FrameTimes, count: int
) -> AsyncIterator[tuple[QuestionScreen, Frame]]:
    """``count`` questions of the round, each once its first frame is drawn, with the watch for its feedback's frame.

    Enter goes on to the next question after each.
    """
    from lunarquiz.ui.screens.question import QuestionScreen

    app = pilot.app
    before = None
    for _ in range(count):
        await until(pilot, new_screen_drawn(app, frames, before, QuestionScreen))
        question = before = app.screen
        assert isinstance(question, QuestionScreen)
        yield question, frames.watch(*feedback_of(question))
        await pilot.press("enter")


def feedback_of(question: QuestionScreen) -> tuple[Callable[[Screen[Any]], bool], Callable[[str], bool]]:
    """For :meth:`FrameTimes.watch`: the frames of ``question`` once it has its outcome, until they show it.

    Shown means written to the terminal: the verdict, and the choices marked (the right one
    always is). A frame drawn in between (the countdown's last redraw) does not count.
    """
    from lunarquiz.ui.widgets.feedback import verdict

    def answered(screen: Screen[Any]) -> bool:
        return screen is question and question.outcome is not None

    def shows(text: str) -> bool:
        assert question.outcome is not None
        return verdict(question.outcome).plain in text and "right answer" in text

    return answered, shows


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
