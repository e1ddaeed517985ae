"""Pilot tests that play whole rounds by keyboard and mouse, time out, and abandon."""

from __future__ import annotations

from pathlib import Path

import pytest

from lunarquiz.ui.screens.confirm import ConfirmScreen
from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.screens.results import ResultsScreen
from lunarquiz.ui.widgets.setting import Setting

from .conftest import FakeClock
from .ui_helpers import SIZE, make_app, screen_text, showing_feedback, write_bank


def key_for_right_answer(screen: QuestionScreen) -> str:
    (index,) = screen.asked.correct
    return str(index + 1)


async def test_a_whole_round_by_keyboard(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            clock.advance(2.0)
            if screen.asked.multiple:
                letters = "abcd"
                for index in sorted(screen.asked.correct):
                    await pilot.press(letters[index])  # letters tick in multiple response
                await pilot.press("enter")
            else:
                await pilot.press(key_for_right_answer(screen))
            await pilot.pause()
            assert showing_feedback(app)
            assert "✔ Right!" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        results = app.screen.results
        assert results.right == 3 and results.best_streak == 3
        # 2 s of 10: 900 points each, plus streak bonuses of 100 and 200
        assert results.score == 900 * 3 + 100 + 200
        text = screen_text(app)
        assert "Score 3,000" in text and "3 of 3 (100%)" in text and "Best streak 3" in text
        assert "Roscosmos is the Russian space agency." in text


async def test_arrows_and_enter_answer_and_a_wrong_answer_is_explained(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=5)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        while screen.asked.multiple or screen.asked.question.kind.value == "true_false":
            # play until a single-choice question comes up
            await pilot.press("1") if not screen.asked.multiple else await pilot.press("a", "enter")
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
        wrong = max(i for i in range(4) if i not in screen.asked.correct)
        assert wrong > 0
        for _ in range(wrong + 4):  # moving past the last choice wraps to the first
            await pilot.press("down")
        await pilot.press("up", "up", "up", "up")
        await pilot.press("enter")
        await pilot.pause()
        assert showing_feedback(app)
        assert app.screen.outcome.chosen == {wrong}
        text = screen_text(app)
        assert "✘ Wrong" in text
        assert f"✘ {screen.asked.choices[wrong]}  ← your answer" in text
        assert f"✔ {screen.asked.choices[min(screen.asked.correct)]}  ← right answer" in text
        assert "Why: Roscosmos is the Russian space agency." in text
        assert "Source: paragraph 6; the test suite" in text


async def test_a_whole_round_by_mouse(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=11)
    async with app.run_test(size=(100, 40)) as pilot:
        for _ in range(3):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            for index in sorted(screen.asked.correct):
                assert await pilot.click(f"#choice-{index}")
            if screen.asked.multiple:
                assert await pilot.click("#submit")
            await pilot.pause()
            assert showing_feedback(app), screen_text(app)
            assert app.screen.outcome.correct
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.results.right == 3
        assert await pilot.click("#again")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.asked.number == 1


async def test_a_question_times_out_from_the_deadline(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        clock.advance(9.9)
        screen.check_time()
        await pilot.pause()
        assert app.screen is screen
        assert "0.1s" in str(screen.query_one("#countdown").render())
        clock.advance(0.2)
        screen.check_time()
        await pilot.pause()
        assert showing_feedback(app)
        assert "⌛ Time's up! No points." in screen_text(app)
        assert app.screen.outcome.timed_out


async def test_the_countdown_interval_times_out_by_itself(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock)
    async with app.run_test(size=SIZE) as pilot:
        clock.advance(60)
        for _ in range(50):  # the interval ticks every 0.1 s; wait for one tick, not for a fixed time
            await pilot.pause(0.05)
            if showing_feedback(app):
                break
        assert showing_feedback(app)
        assert app.screen.outcome.timed_out


async def test_quitting_asks_first_and_no_keeps_playing(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock)
    async with app.run_test(size=SIZE) as pilot:
        question = app.screen
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is question
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.results.abandoned
        assert "Round left after 0 of 3 questions." in screen_text(app)
        assert app.round is not None and app.round.is_over


async def test_time_keeps_running_behind_the_quit_dialog(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock)
    async with app.run_test(size=SIZE) as pilot:
        question = app.screen
        assert isinstance(question, QuestionScreen)
        await pilot.press("q")
        await pilot.pause()
        clock.advance(30)
        question.check_time()  # while the dialog is open nothing changes under it
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        question.check_time()
        await pilot.pause()
        assert showing_feedback(app)
        assert app.screen.outcome.timed_out


async def test_home_screen_starts_a_practice_round(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert "Pick a bank" in screen_text(app)
        app.screen.query_one("#mode", Setting).value = "practice"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.asked.limit is None
        assert "No time limit" in str(app.screen.query_one("#countdown").render())
        clock.advance(1000)
        app.screen.check_time()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_quick_run_of_arrow_keys_lands_where_the_marker_shows(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        for key in ("down", "down", "down", "up"):
            screen.action_move(1 if key == "down" else -1)  # no pause between them: focus lands later
        await pilot.pause()
        assert screen.cursor == 2
        assert screen.focused is screen.query_one("#choice-2")
        assert screen.asked.question.kind.value == "single"
        await pilot.press("enter")
        await pilot.pause()
        assert showing_feedback(app)
        assert app.screen.outcome.chosen == {2}


async def test_no_color_still_says_right_and_wrong_in_words(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app([write_bank(tmp_path)], clock, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert app.no_color
        await pilot.press(str(min(screen.asked.correct) + 1) if not screen.asked.multiple else "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✔ Right!" in text or "✘ Wrong" in text
