"""The game fits 80×24, still plays down to 40×12, and shows a notice when the window is smaller."""

from __future__ import annotations

from pathlib import Path

import pytest

from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.widgets.too_small import TooSmall

from .conftest import FakeClock
from .ui_helpers import make_app, record_restyles, showing_feedback, write_bank


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
        assert showing_feedback(app)


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


@pytest.mark.parametrize("size", [(1, 1), (39, 11), (40, 12), (59, 19), (60, 20), (80, 24), (300, 100)])
def test_size_classes_are_the_ones_textual_sets(size: tuple[int, int]) -> None:
    from textual.screen import Screen

    from lunarquiz.ui.widgets.too_small import BREAKPOINTS_TALL, BREAKPOINTS_WIDE, size_classes

    screen: Screen[None] = Screen()
    width, height = size
    expected = screen._get_breakpoint_classes(width, BREAKPOINTS_WIDE) | screen._get_breakpoint_classes(
        height, BREAKPOINTS_TALL
    )
    assert {name for name, on in size_classes(width, height).items() if on} == expected


@pytest.mark.parametrize("size", [(80, 24), (45, 14)])
async def test_a_new_screen_is_styled_once_not_again_when_it_learns_its_size(
    tmp_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    """Screens start with the size classes, so neither their first resize nor their first showing restyles them."""
    app = make_app([write_bank(tmp_path)], clock, seed=4)
    async with app.run_test(size=size) as pilot:
        restyled = record_restyles(app)
        question = app.screen
        await pilot.press("1") if not question.asked.multiple else await pilot.press("a", "enter")  # type: ignore[attr-defined]
        await pilot.pause()
        assert showing_feedback(app) and app.screen is question
        assert restyled.count(question) == 0  # the feedback shows in place: the screen is not restyled
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and app.screen is not question
        assert restyled.count(app.screen) == 0  # styled as it was mounted; not again when shown or sized


LONG_CHOICES = """\
lunarquiz: 1
id: long
title: Long choices
questions:
  - id: long
    prompt: Which is right?
    answer: the International Lunar Research Station that China and Russia agreed to build together
    wrong: [a station on Mars that nobody has planned, none of these]
    shuffle: false
"""


async def test_a_long_choice_wraps_under_its_own_text(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path, LONG_CHOICES)], clock)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        choice = app.screen.query_one("#choice-0")
        lines = [strip.text for strip in choice.render_lines(choice.region.reset_offset)]  # type: ignore[attr-defined]
        shown = [line.rstrip() for line in lines if line.strip()]
        assert len(shown) >= 3, shown
        assert shown[0].startswith("▶  1/a  the ")
        indent = shown[0].index("the ")
        for line in shown[1:]:
            assert line[:indent].strip() == "" and line[indent] != " ", shown  # under the text, not the keys
        assert " ".join(" ".join(line.split()) for line in shown).endswith("agreed to build together")
