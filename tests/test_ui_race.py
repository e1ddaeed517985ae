"""Keys as fast as a terminal delivers them: work a screen left for later never outlives the screen.

Pilot's ``press`` waits for the app to settle after each key, which hides races. These tests
hand key events to the app's driver the way a terminal does, one after the other with a
gap of 0, 10 or 30 ms and no waiting in between, and play many rounds: the question screen
is replaced while the work it deferred (the feedback's widgets, what follows the feedback's
frame) is still pending.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events

from lunarquiz.banks.discovery import load_library
from lunarquiz.core.round import Round
from lunarquiz.core.selection import select_questions
from lunarquiz.ui.app import LunarQuizApp
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.screens.results import ResultsScreen

from .conftest import FakeClock
from .ui_helpers import SIZE, make_app, write_bank

ONE_QUESTION = """\
lunarquiz: 1
id: quick
title: One question
time_limit: 10
questions:
  - id: agency
    prompt: Which agency is Russia's?
    answer: Roscosmos
    wrong: [CNSA, NASA, ESA]
    explanation: Roscosmos is the Russian space agency.
    source: paragraph 6
"""

TWO_QUESTIONS = (
    ONE_QUESTION
    + """\
  - id: station
    prompt: Which station do CNSA and Roscosmos plan?
    answer: the ILRS
    wrong: [the ISS, Mir, Skylab]
"""
)

KEY_CHARACTERS = {"enter": "\r", "ctrl+c": "\x03", "escape": "\x1b"}

ROUNDS = 50
WAIT = 20.0
"""Seconds to wait for a screen before the test fails (a bound on a loaded machine, not a measurement)."""


def send_key(app: LunarQuizApp, key: str) -> None:
    """Hand one key to the app as its driver does when the terminal sends it, without waiting for the app."""
    event = events.Key(key, KEY_CHARACTERS.get(key, key if len(key) == 1 else None))
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


async def until(app: LunarQuizApp, ready: Callable[[], bool], what: str) -> None:
    """Wait until ``ready()``; fail at once if the app stopped (with its exception), or after :data:`WAIT`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while True:
        if app._exception is not None:
            raise app._exception
        assert app.return_code is None, f"the app stopped (code {app.return_code}) waiting for {what}"
        if ready():
            return
        assert loop.time() < deadline, f"no {what} after {WAIT} s"
        await asyncio.sleep(0.002)


def question_shown(app: LunarQuizApp, number: int) -> Callable[[], bool]:
    def ready() -> bool:
        screen = app.screen
        return isinstance(screen, QuestionScreen) and screen.asked.number == number and screen.is_mounted

    return ready


def results_shown(app: LunarQuizApp) -> bool:
    return isinstance(app.screen, ResultsScreen) and app.screen.is_mounted


async def play_quickly(
    tmp_path: Path, clock: FakeClock, bank: str, questions: int, gap: float, rounds: int = ROUNDS
) -> None:
    """Play ``rounds`` rounds, each question answered with 1 then Enter ``gap`` seconds later."""
    app = make_app([write_bank(tmp_path, bank)], clock, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        for round_number in range(rounds):
            asked: list[QuestionScreen] = []
            for number in range(1, questions + 1):
                await until(app, question_shown(app, number), f"question {number} of round {round_number + 1}")
                screen = app.screen
                assert isinstance(screen, QuestionScreen)
                asked.append(screen)
                send_key(app, "1")
                await asyncio.sleep(gap)
                send_key(app, "enter")
            await until(app, lambda: results_shown(app), f"results of round {round_number + 1}")
            results = app.screen.results  # type: ignore[attr-defined]
            assert len(results.outcomes) == questions, "an answer was lost"
            for screen in asked:
                # each answer was taken (its feedback then replaces the choices) before Enter went on
                assert screen.outcome is not None and screen.outcome.chosen == {0}
                assert not screen.outcome.timed_out
            if round_number + 1 < rounds:
                send_key(app, "p")  # play again
        await pilot.pause()  # no key left on its way when the app closes
    assert app._exception is None


@pytest.mark.slow
@pytest.mark.parametrize("gap", [0.0, 0.01, 0.03])
async def test_choice_then_enter_quickly_over_many_rounds(tmp_path: Path, clock: FakeClock, gap: float) -> None:
    await play_quickly(tmp_path, clock, ONE_QUESTION, 1, gap)


@pytest.mark.slow
@pytest.mark.parametrize("gap", [0.0, 0.01, 0.03])
async def test_choice_then_enter_quickly_from_question_to_question(
    tmp_path: Path, clock: FakeClock, gap: float
) -> None:
    await play_quickly(tmp_path, clock, TWO_QUESTIONS, 2, gap, rounds=15)


@pytest.mark.slow
async def test_keys_typed_ahead_of_the_next_question_do_no_harm(tmp_path: Path, clock: FakeClock) -> None:
    """Keys for the next question sent with those for this one: they reach it before it is mounted."""
    app = make_app([write_bank(tmp_path, TWO_QUESTIONS)], clock, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        for round_number in range(ROUNDS // 5):
            await until(app, question_shown(app, 1), f"the first question of round {round_number + 1}")
            for key in ("1", "enter", "down", "space", "2", "enter"):
                send_key(app, key)
            await until(app, question_shown(app, 2), "the second question")
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            if screen.outcome is None:  # the keys came before it was mounted, and did nothing
                send_key(app, "1")
            send_key(app, "enter")
            await until(app, lambda: results_shown(app), "the results")
            if round_number + 1 < ROUNDS // 5:
                send_key(app, "p")
        await pilot.pause()  # no key left on its way when the app closes
    assert app._exception is None


def test_the_question_takes_no_key_before_it_is_mounted(tmp_path: Path, clock: FakeClock) -> None:
    library = load_library([write_bank(tmp_path, TWO_QUESTIONS)])
    screen = QuestionScreen(Round(select_questions(library.banks), rng=random.Random(1), clock=clock))
    for action, parameters in [("choose", (0,)), ("move", (1,)), ("tick", ()), ("confirm", ()), ("next", ())]:
        assert screen.check_action(action, parameters) is False


@pytest.mark.parametrize("play", [True, False], ids=["play", "home"])
async def test_ctrl_c_right_at_start_quits_cleanly(tmp_path: Path, clock: FakeClock, play: bool) -> None:
    """Ctrl+C typed while the game starts (``lunarquiz play`` or ``lunarquiz``): it quits once the first screen is up."""
    app = make_app([write_bank(tmp_path, TWO_QUESTIONS)], clock, seed=1, play=play)
    app.post_message(events.Key("ctrl+c", "\x03"))  # waiting in the queue as the app starts, as from a terminal
    async with app.run_test(size=SIZE):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT
        while app.return_code is None and loop.time() < deadline:
            await asyncio.sleep(0.01)
    assert app._exception is None
    assert app.return_code == 0
