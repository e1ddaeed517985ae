"""The game with the most choices a question may have: each has its own keys, the last is answerable, all are marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from lunarquiz.ui.screens.question import QuestionScreen
from lunarquiz.ui.widgets.choice import KEYS, LETTERS, Choice

from .conftest import FakeClock
from .ui_helpers import SIZE, make_app, showing_feedback, write_bank

MAX_CHOICES = 10
"""The most choices a question may have (``limits.MAX_CHOICES``, checked below)."""
WRONG = [f"Wrong {number}" for number in range(1, MAX_CHOICES)]
BANK = (
    "lunarquiz: 1\nid: many\ntitle: Many choices\ntime_limit: 60\nquestions:\n"
    "  - id: many\n    prompt: Which is right?\n    answer: Right one\n"
    f"    wrong: [{', '.join(WRONG)}]\n    shuffle: false\n"
)
"""One question of MAX_CHOICES choices in written order: the right one first."""


def test_every_choice_a_question_may_have_has_a_number_and_a_letter() -> None:
    from lunarquiz.banks import limits

    assert getattr(limits, "MAX_CHOICES", None) == MAX_CHOICES
    assert (KEYS, LETTERS) == ("1234567890", "abcdefghij")
    assert len(set(KEYS)) == len(set(LETTERS)) == MAX_CHOICES


def test_the_choice_keys_are_no_other_key_of_the_question_screen() -> None:
    other = {
        key.strip()
        for binding in QuestionScreen.BINDINGS
        if not isinstance(binding, tuple) and not binding.action.startswith("choose(")
        for key in binding.key.split(",")
    }
    assert other & (set(KEYS) | set(LETTERS)) == set()
    assert "q" in other  # quitting the round keeps its key


@pytest.mark.parametrize("key", [KEYS[-1], LETTERS[-1]])
async def test_the_last_key_answers_with_the_last_choice_and_the_feedback_lists_all(
    tmp_path: Path, clock: FakeClock, key: str
) -> None:
    app = make_app([write_bank(tmp_path, BANK)], clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        labels = [choice.label.plain.strip(" ▶") for choice in screen.query(Choice)]
        assert labels == [f"{number}/{letter}" for number, letter in zip(KEYS, LETTERS, strict=True)]
        await pilot.press(key)
        await pilot.pause()
        assert showing_feedback(app)
        assert screen.outcome is not None and screen.outcome.chosen_texts == (WRONG[-1],)
        feedback = str(screen.query_one("#feedback").content)
        for text in ["Right one", *WRONG]:
            assert text in feedback
        assert "your answer" in feedback.splitlines()[MAX_CHOICES - 1]
