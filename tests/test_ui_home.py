"""The home screen: banks with counts, a bank that fails to load, tag and difficulty filters."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Select

from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.question import QuestionScreen

from .conftest import FakeClock
from .ui_helpers import SIZE, SMALL_BANK, make_app, screen_text, write_bank

TAGGED_BANK = """\
lunarquiz: 1
id: tagged
title: Tagged questions
questions:
  - {id: e1, prompt: Easy one?, answer: A, wrong: [B], difficulty: easy, tags: [moon]}
  - {id: h1, prompt: Hard one?, answer: A, wrong: [B], difficulty: hard, tags: [moon]}
  - {id: h2, prompt: Hard two?, answer: A, wrong: [B], difficulty: hard, tags: [mars]}
"""


async def test_the_home_screen_lists_banks_and_the_one_that_failed(tmp_path: Path, clock: FakeClock) -> None:
    write_bank(tmp_path, SMALL_BANK, "a.yaml")
    write_bank(tmp_path, TAGGED_BANK, "b.yaml")
    write_bank(tmp_path, "lunarquiz: 1\nid: broken\ntitle: Broken\nquestions:\n  - id: x\n    promt: hi\n", "c.yaml")
    app = make_app([tmp_path], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        options = app.screen.query_one("#banks", OptionList)
        prompts = [str(getattr(o.prompt, "plain", o.prompt)) for o in options.options]
        assert prompts[0].startswith("All banks") and "6 questions" in prompts[0]
        assert any("A small test bank" in p and "3 questions" in p for p in prompts)
        assert any("Tagged questions" in p and "1 easy / 2 hard" in p and "tags: mars, moon" in p for p in prompts)
        text = screen_text(app)
        assert "Not loaded:" in text
        assert "c.yaml:5:5: error: the question has no 'prompt' field" in text


async def test_tag_and_difficulty_narrow_the_round(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path, TAGGED_BANK)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        screen.query_one("#tag", Select).value = "moon"
        screen.query_one("#difficulty", Select).value = "hard"
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.round is not None
        assert [q.id for q in app.round.questions] == ["h1"]


async def test_no_matching_question_keeps_the_home_screen(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path, TAGGED_BANK)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        screen.query_one("#tag", Select).value = "mars"
        screen.query_one("#difficulty", Select).value = "easy"
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is screen
