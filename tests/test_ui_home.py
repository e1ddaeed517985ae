"""The home screen: banks with counts, a bank that fails to load, the settings by keys and mouse, the due count."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from pathlib import Path

from lunarquiz.banks.discovery import load_library
from lunarquiz.core.round import RoundSettings
from lunarquiz.store.store import Store
from lunarquiz.ui.screens.home import HomeScreen
from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.widgets.pick_list import PickList
from lunarquiz.ui.widgets.setting import FOCUS_MARKER, Setting

from .conftest import FakeClock
from .store_helpers import play
from .ui_helpers import NOW, SIZE, SMALL_BANK, make_app, screen_text, write_bank

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
        banks = app.screen.query_one("#banks", PickList)
        prompts = [text.plain for _, text in banks.items]
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
        screen.query_one("#tag", Setting).value = "moon"
        screen.query_one("#difficulty", Setting).value = "hard"
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
        screen.query_one("#tag", Setting).value = "mars"
        screen.query_one("#difficulty", Setting).value = "easy"
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is screen


async def test_the_settings_change_by_keys_and_start_the_round_they_show(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path, TAGGED_BANK)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        await pilot.press("tab")  # from the banks to the first setting
        assert screen.focused is screen.query_one("#length")
        await pilot.press("left")  # 10 -> 5 questions
        await pilot.press("down", "right")  # timed -> practice
        await pilot.press("down", "right")  # any tag -> mars (tags are sorted)
        await pilot.press("down", "left")  # any difficulty -> hard (wrapping round)
        shown = {setting.id: setting.shown for setting in screen.query(Setting)}
        assert shown == {"length": "5 questions", "mode": "Practice (untimed)", "tag": "mars", "difficulty": "Hard"}
        picked = screen.choice()
        assert picked is not None and picked.mode == "practice"
        assert picked.settings == RoundSettings(questions=5, practice=True, tags=("mars",), difficulties=("hard",))
        await pilot.press("tab")  # the Start button comes after the settings
        assert screen.focused is screen.query_one("#start")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.round is not None and [q.id for q in app.round.questions] == ["h2"]
        assert app.round.settings.practice


async def test_the_settings_change_by_mouse_and_start_starts(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app([write_bank(tmp_path, TAGGED_BANK)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        tag = screen.query_one("#tag", Setting)
        await pilot.click("#tag", offset=(len(FOCUS_MARKER) + 4, 0))  # on the label: forward
        await pilot.click("#tag")
        assert tag.value == "moon" and screen.focused is tag
        difficulty = screen.query_one("#difficulty", Setting)
        back = difficulty.render().plain.index("‹")
        await pilot.click("#difficulty", offset=(back, 0))  # on the ‹: back, from any to the last level
        assert difficulty.value == "hard"
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.round is not None and [q.id for q in app.round.questions] == ["h1"]


async def test_the_questions_due_for_study_are_counted_just_after_the_screen_shows(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = Store.open(tmp_path / "data" / "lunarquiz.db")
    bank = write_bank(tmp_path)
    questions = load_library([bank]).banks[0].questions
    play(store, questions, {q.id: (False, 3.0) for q in questions}, player="Ana")  # all wrong: soon due
    app = make_app([bank], clock, play=False, store=store)
    app.now = lambda: NOW + timedelta(days=30)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "Player: Ana  ·  3 questions due for study" in screen_text(app)
    finally:
        store.close()


async def test_who_is_playing_is_asked_over_the_home_screen_not_a_blank_one(tmp_path: Path, clock: FakeClock) -> None:
    """The first time, the question comes once the home screen is drawn, and the home screen shows through."""
    from lunarquiz.ui.screens.player import PlayerScreen

    app = make_app([write_bank(tmp_path)], clock, play=False, player=None)
    drawn_before_asking: list[str] = []
    frames: list[str] = []
    display, ask = app._display, app.ask_player

    def record_frame(screen: object, renderable: object) -> None:
        if renderable is not None:
            frames.append(type(screen).__name__)
        display(screen, renderable)  # type: ignore[arg-type]

    def record_question() -> None:
        drawn_before_asking.extend(frames)
        ask()

    app._display = record_frame  # type: ignore[method-assign]
    app.ask_player = record_question  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert "HomeScreen" in drawn_before_asking  # a frame of the home screen went out first
        # Styled as a dialog from its first frame: centred, over the home screen dimmed, not hiding it.
        assert (app.screen.styles.align_horizontal, app.screen.styles.align_vertical) == ("center", "middle")
        assert 0 < app.screen.styles.background.a < 1
        svg = app.export_screenshot()
        drawn = "".join(html.unescape(re.sub(r"<[^>]+>", "", svg)).split())  # every character drawn, no spaces
        assert "Whoisplaying?" in drawn
        assert "Pickabank" in drawn and "Asmall" in drawn  # the home screen and its banks, dimmed behind
