"""Text from a bank is shown exactly as written: markup-like brackets never style and never raise."""

from __future__ import annotations

import html
import re
from pathlib import Path

from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.screens.results import ResultsScreen
from lunarquiz.ui.widgets.pick_list import PickList

from .conftest import FakeClock
from .ui_helpers import SIZE, make_app, screen_text, showing_feedback, write_bank

BRACKETS_BANK = r"""
lunarquiz: 1
id: brackets
title: "[bold]Brackets[/] everywhere [/]"
source: "[link=https://example.com]a source[/link]"
questions:
  - id: b1
    prompt: "What does [/] close in [b]markup[/b]? [red]"
    answer: "[/]"
    wrong: ["[bold]", "[@click=app.quit]quit[/]", "\\[escaped]"]
    explanation: "[/] closes the last [i]style[/i]; [dim]this is literal[/dim]."
    source: "[paragraph 1]"
  - id: b2
    prompt: "[[double]] and ]] and [ alone"
    answer: "$variable [not a tag"
    wrong: ["[#ff0000]", "[on red]x", ":emoji: [b"]
    explanation: "]"
"""


async def test_a_bank_full_of_brackets_plays_and_shows_them_literally(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path, BRACKETS_BANK)], clock, seed=2)
    async with app.run_test(size=SIZE) as pilot:
        seen_prompts = []
        for _ in range(2):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            text = screen_text(app)
            seen_prompts.append(screen.asked.question.prompt)
            assert screen.asked.question.prompt in text
            for choice in screen.asked.choices:
                assert str(screen.query_one(f"#choice-{screen.asked.choices.index(choice)}").content).endswith(choice)
            await pilot.press(str(min(screen.asked.correct) + 1))
            await pilot.pause()
            assert showing_feedback(app)
            feedback = screen_text(app)
            assert screen.asked.question.explanation in feedback
            if screen.asked.question.id == "b1":
                assert "Source: [paragraph 1]; [link=https://example.com]a source[/link]" in feedback
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        results = screen_text(app)
        assert "What does [/] close in [b]markup[/b]? [red]" in results
        assert "[[double]] and ]] and [ alone" in results
        assert sorted(seen_prompts) == sorted(
            ["What does [/] close in [b]markup[/b]? [red]", "[[double]] and ]] and [ alone"]
        )


async def test_the_home_screen_shows_a_bracketed_title_literally(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path, BRACKETS_BANK)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        banks = app.screen.query_one("#banks", PickList)
        assert "[bold]Brackets[/] everywhere [/]" in banks.items[0][1].plain
        drawn = html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")
        assert "[bold]Brackets[/] everywhere [/]" in drawn
