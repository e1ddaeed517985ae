"""Snapshots of the home, question, feedback and results screens (record on purpose, review the SVG)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from lunarquiz.banks.discovery import builtin_banks_dir, load_library
from lunarquiz.core.round import RoundSettings
from lunarquiz.ui.app import LunarQuizApp
from lunarquiz.ui.screens.question import QuestionScreen

from .conftest import FakeClock
from .ui_helpers import NOW, SIZE, make_app, write_bank


def builtin_app(*, play: bool, seed: int = 2021) -> LunarQuizApp:
    clock = FakeClock()
    library = load_library([builtin_banks_dir()])
    settings = RoundSettings(questions=5)
    return LunarQuizApp(
        library,
        player="Ana",
        clock=clock,
        now=lambda: NOW,
        seed=seed,
        play=(library.banks, settings) if play else None,
    )


def test_home_screen(snap_compare: Any) -> None:
    assert snap_compare(builtin_app(play=False), terminal_size=SIZE)


def test_question_screen(snap_compare: Any) -> None:
    app = builtin_app(play=True)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the round starts once Textual has started
        app.clock.advance(6.5)  # type: ignore[attr-defined]
        assert isinstance(app.screen, QuestionScreen)
        app.screen.check_time()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_feedback_screen_after_a_wrong_answer(snap_compare: Any) -> None:
    app = builtin_app(play=True)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the round starts once Textual has started
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        wrong = next(i for i in range(len(screen.asked.choices)) if i not in screen.asked.correct)
        await pilot.press(str(wrong + 1) if not screen.asked.multiple else "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_results_screen(snap_compare: Any, tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app([write_bank(tmp_path)], clock, seed=3, time_limit=10)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()  # the round starts once Textual has started
        for step in range(3):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            clock.advance(1.5 + step)
            if step == 1:
                wrong = next(i for i in range(len(screen.asked.choices)) if i not in screen.asked.correct)
                await pilot.press("abcd"[wrong], "enter") if screen.asked.multiple else await pilot.press(
                    str(wrong + 1)
                )
            elif screen.asked.multiple:
                await pilot.press(*("abcd"[i] for i in sorted(screen.asked.correct)), "enter")
            else:
                await pilot.press(str(min(screen.asked.correct) + 1))
            await pilot.press("enter")
            await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_bilingual_bank_question_screen(snap_compare: Any) -> None:
    """Chinese and Russian text (wide and Cyrillic characters) stay aligned with the English."""
    from lunarquiz.banks.discovery import builtin_banks_dir

    clock = FakeClock()
    library = load_library([builtin_banks_dir() / "bilingual-sample.yaml"])
    questions = [q for q in library.banks[0].questions if q.id == "station-place"]
    assert questions
    bank = library.banks[0]
    from dataclasses import replace

    only = replace(bank, questions=tuple(questions))
    app = LunarQuizApp(library, player="Ana", clock=clock, now=lambda: NOW, seed=1, play=([only], RoundSettings()))
    assert snap_compare(app, terminal_size=SIZE)
