"""The feedback shows in place of the question's choices: what it shows, which keys and clicks work then, when it is drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from benchmarks.frames import record_frames
from lunarquiz.core.results import Outcome
from lunarquiz.ui.app import LunarQuizApp
from lunarquiz.ui.screens.confirm import ConfirmScreen
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.screens.results import ResultsScreen
from lunarquiz.ui.widgets.choice import Choice

from .conftest import FakeClock
from .ui_helpers import SIZE, SMALL_BANK, make_app, screen_text, showing_feedback, write_bank

SINGLE_FIRST = 3
"""With this seed the small bank asks Russia's agency first: CNSA, Roscosmos (right), NASA, ESA."""
MULTIPLE_FIRST = 5
"""With this seed it asks which agencies signed first: NASA, ESA, Roscosmos (right), CNSA (right)."""

NOTED_BANK = SMALL_BANK.replace(
    "    source: paragraph 6\n",
    "    source: paragraph 6\n    feedback:\n      NASA: NASA is the United States agency.\n",
)


def question(app: LunarQuizApp) -> QuestionScreen:
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    return screen


def footer_keys(app: LunarQuizApp) -> set[str]:
    """The descriptions the footer shows."""
    return {key.description for key in app.screen.query_one(Footer).query(FooterKey) if key.description}


async def test_the_feedback_replaces_the_choices_and_the_status_line_counts_the_answer(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = make_app([write_bank(tmp_path, NOTED_BANK)], clock, seed=SINGLE_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        screen = question(app)
        assert not showing_feedback(app)
        assert "Why:" not in screen_text(app) and "Press Enter to continue." not in screen_text(app)
        clock.advance(2.0)
        await pilot.press("2")  # Roscosmos, the right one
        await pilot.pause()
        assert showing_feedback(app) and app.screen is screen
        text = screen_text(app)
        assert "✔ Right!  +900 points" in text
        assert "Question 1 of 3  ·  Score 900  ·  Streak 1" in text
        assert " ✔ Roscosmos  ← your answer, right answer" in text
        assert "About “NASA”" not in text  # feedback written for a choice shows only when it was picked
        assert "Why: Roscosmos is the Russian space agency." in text
        assert "Source: paragraph 6; the test suite" in text
        assert "Press Enter to continue." in text
        assert not screen.query_one("#countdown").display
        assert screen.focused is screen.query_one("#question")  # the part that scrolls, not a hidden choice


async def test_the_feedback_written_for_a_picked_choice_shows(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path, NOTED_BANK)], clock, seed=SINGLE_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")  # NASA
        await pilot.pause()
        text = screen_text(app)
        assert "✘ Wrong. No points." in text
        assert " ✘ NASA  ← your answer" in text and " ✔ Roscosmos  ← right answer" in text
        assert "About “NASA”: NASA is the United States agency." in text


async def test_keys_of_the_question_do_nothing_while_the_feedback_shows(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=SINGLE_FIRST)
    recorded: list[Outcome] = []
    record = app.record

    def counting(outcome: Outcome) -> None:
        assert not showing_feedback(app)  # saved before it shows
        recorded.append(outcome)
        record(outcome)

    app.record = counting  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        screen = question(app)
        await pilot.press("3")
        await pilot.pause()
        outcome = screen.outcome
        assert showing_feedback(app) and outcome is not None
        await pilot.press("1", "2", "4", "a", "b", "c", "d", "space", "up", "down", "up")
        await pilot.pause()
        assert app.screen is screen and screen.outcome is outcome and showing_feedback(app)
        assert recorded == [outcome]  # saved once, when it was given
        assert app.round is not None and app.round.outcomes == [outcome]
        assert "✘ Wrong. No points." in screen_text(app)


async def test_a_click_where_a_choice_was_does_nothing_while_the_feedback_shows(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=SINGLE_FIRST)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = question(app)
        choices = list(screen.query(Choice))
        where = [choice.region.offset for choice in choices]
        assert await pilot.click("#choice-2")  # NASA: wrong
        await pilot.pause()
        outcome = screen.outcome
        assert showing_feedback(app) and outcome is not None and outcome.chosen == {2}
        for offset in where:
            await pilot.click(offset=offset)
            await pilot.pause()
        screen.post_message(Choice.Picked(choices[1]))  # a click that was on its way before the feedback
        await pilot.pause()
        assert app.screen is screen and screen.outcome is outcome and showing_feedback(app)
        assert app.round is not None and app.round.outcomes == [outcome]


async def test_enter_answers_before_the_feedback_and_goes_on_after_it(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=SINGLE_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the footer lists the keys once the first question is drawn
        first = question(app)
        assert "Answer" in footer_keys(app) and "Continue" not in footer_keys(app)
        await pilot.press("down", "enter")  # the cursor on Roscosmos, then Enter answers with it
        await pilot.pause()
        assert showing_feedback(app) and first.outcome is not None and first.outcome.chosen == {1}
        assert "Continue" in footer_keys(app) and "Answer" not in footer_keys(app)
        assert "Quit round" in footer_keys(app)
        await pilot.press("enter")
        await pilot.pause()
        second = question(app)
        assert second is not first and second.asked.number == 2 and not showing_feedback(app)
        assert "Answer" in footer_keys(app) and "Continue" not in footer_keys(app)
        await pilot.press("a", "enter", "enter")  # tick, submit, go on: in one quick run of keys
        await pilot.pause()
        third = question(app)
        assert third.asked.number == 3 and second.outcome is not None and second.outcome.chosen == {0}


async def test_a_time_out_shows_the_feedback_once_and_enter_goes_on(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=SINGLE_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        screen = question(app)
        clock.advance(10.5)
        screen.check_time()
        await pilot.pause()
        outcome = screen.outcome
        assert showing_feedback(app) and outcome is not None and outcome.timed_out
        assert "⌛ Time's up! No points." in screen_text(app)
        assert " ✔ Roscosmos  ← right answer" in screen_text(app)
        clock.advance(60)
        screen.check_time()  # the deadline timer or the countdown's tick, late: nothing more happens
        await pilot.pause(0.3)  # long enough for the 0.1 s countdown interval, were it still running
        assert screen.outcome is outcome
        assert app.round is not None and app.round.outcomes == [outcome]
        await pilot.press("2")  # too late to answer
        await pilot.pause()
        assert app.round.outcomes == [outcome]
        await pilot.press("enter")
        await pilot.pause()
        assert question(app).asked.number == 2


async def test_a_question_whose_deadline_passed_before_it_showed_times_out_at_once(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=SINGLE_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        round_ = app.round
        assert round_ is not None and round_.advance() is not None
        clock.advance(100)  # the next question's whole time goes by before its screen shows
        app.switch_screen(QuestionScreen(round_))
        await pilot.pause()
        screen = question(app)
        assert showing_feedback(app) and screen.outcome is not None and screen.outcome.timed_out
        assert len(round_.outcomes) == 2


async def test_leaving_from_the_feedback_asks_first(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=SINGLE_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        screen = question(app)
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and showing_feedback(app)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.results.answered == 1 and app.screen.results.abandoned


async def test_the_submit_button_and_ticks_do_nothing_while_a_multiple_response_feedback_shows(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=MULTIPLE_FIRST)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = question(app)
        assert screen.asked.multiple
        submit = screen.query_one("#submit").region.offset
        await pilot.press("c", "d", "enter")
        await pilot.pause()
        outcome = screen.outcome
        assert showing_feedback(app) and outcome is not None and outcome.correct
        assert "Select all that apply" not in screen_text(app)
        await pilot.press("a", "space")
        await pilot.click(offset=submit)
        await pilot.pause()
        assert screen.outcome is outcome and app.round is not None and app.round.outcomes == [outcome]
        assert not any(choice.selected for choice in screen.query(Choice) if choice.index in (0, 1))


async def test_enter_on_the_submit_button_answers_then_goes_on(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path)], clock, seed=MULTIPLE_FIRST)
    async with app.run_test(size=SIZE) as pilot:
        screen = question(app)
        await pilot.press("c", "d")
        screen.query_one("#submit").focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert showing_feedback(app) and screen.outcome is not None and screen.outcome.correct
        assert screen.focused is screen.query_one("#question")  # not the hidden button, which would take Enter
        await pilot.press("enter")
        await pilot.pause()
        assert question(app) is not screen and question(app).asked.number == 2


async def test_a_long_explanation_scrolls_by_keyboard_in_a_small_window(tmp_path: Path, clock: FakeClock) -> None:
    long_bank = SMALL_BANK.replace(
        "explanation: Roscosmos is the Russian space agency.",
        "explanation: " + " ".join(["Roscosmos is the Russian space agency."] * 12),
    )
    app = make_app([write_bank(tmp_path, long_bank)], clock, seed=SINGLE_FIRST)
    async with app.run_test(size=(40, 12)) as pilot:
        screen = question(app)
        await pilot.press("2")
        await pilot.pause()
        assert showing_feedback(app)
        scroll = screen.query_one("#question")
        assert scroll.max_scroll_y > 0 and scroll.scroll_y == 0
        await pilot.press("down", "down")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y or scroll.scroll_y > 2
        assert screen.outcome is not None and app.round is not None and len(app.round.outcomes) == 1


async def test_a_long_choice_wraps_under_its_text_not_under_its_mark(tmp_path: Path, clock: FakeClock) -> None:
    long_name = "NASA, the National Aeronautics and Space Administration of the United States"
    bank = SMALL_BANK.replace("wrong: [CNSA, NASA, ESA]", f'wrong: [CNSA, "{long_name}", ESA]')
    app = make_app([write_bank(tmp_path, bank)], clock, seed=SINGLE_FIRST)
    async with app.run_test(size=(44, 30)) as pilot:
        screen = question(app)
        await pilot.press(str(screen.asked.choices.index(long_name) + 1))
        await pilot.pause()
        feedback = screen.query_one("#feedback")
        lines = [strip.text.rstrip() for strip in feedback.render_lines(feedback.region.reset_offset)]
        first = next(index for index, line in enumerate(lines) if line.startswith(" ✘ NASA, the National"))
        last = next(index for index, line in enumerate(lines) if line.endswith("your answer"))
        assert last > first  # it wrapped
        assert all(line.startswith("   ") and line[3] != " " for line in lines[first + 1 : last + 1]), lines


@pytest.mark.parametrize("compact", [True, False])
async def test_the_feedback_follows_the_window_between_the_compact_and_the_roomy_layout(
    tmp_path: Path, clock: FakeClock, compact: bool
) -> None:
    small, roomy = (50, 16), (80, 24)
    app = make_app([write_bank(tmp_path)], clock, seed=SINGLE_FIRST)
    async with app.run_test(size=small if compact else roomy) as pilot:
        screen = question(app)
        await pilot.press("3")
        await pilot.pause()
        for size, short in ((small, True), (roomy, False), (small, True)) if compact else ((roomy, False),):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            feedback = screen.query_one("#feedback", Static)
            lines = str(feedback.content).splitlines()
            assert ("" in lines) is not short  # blank lines part the marks and the explanation when there is room
            assert screen.query_one("#continue").display is not short
            assert showing_feedback(app)


async def test_the_feedback_is_drawn_whole_in_one_frame_and_collected_after_it(
    tmp_path: Path, clock: FakeClock
) -> None:
    from benchmarks.answers import feedback_of

    app = make_app([write_bank(tmp_path)], clock, seed=SINGLE_FIRST)
    frames = record_frames(app)
    collected: list[bool] = []
    feedback_drawn = app.collector.feedback_drawn

    def collect() -> None:
        collected.append(shown.time is not None)
        feedback_drawn()

    app.collector.feedback_drawn = collect  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        answered, shows = feedback_of(question(app))
        written: list[str] = []  # what the frames since the answer wrote, frame by frame

        def whole(text: str) -> bool:
            written.append(text[sum(map(len, written)) :])
            return shows(text)

        shown = frames.watch(answered, whole)
        await pilot.press("3")
        for _ in range(50):
            await pilot.pause()
            if shown.time is not None and collected:
                break
        assert shown.time is not None
        last = written[-1]  # the frame with the verdict and the marks has the rest too
        assert "✘ Wrong. No points." in last and " ✘ NASA  ← your answer" in last
        assert "Why: Roscosmos" in last and "Press Enter to continue." in last
        assert collected == [True]  # once per answer, after the frame that shows the feedback
