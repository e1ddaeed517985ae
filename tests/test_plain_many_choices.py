"""Plain mode with the most choices a question may have: every one labelled, the last answerable; never a crash."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lunarquiz.core.model import Kind, Question
from lunarquiz.core.round import Round, RoundSettings
from lunarquiz.plain.answers import LETTERS, AnswerError, parse_answer
from lunarquiz.plain.session import play_plain

from .conftest import ROOT, FakeClock

MAX_CHOICES = 10
"""The most choices a question may have (``limits.MAX_CHOICES``; the first test checks it)."""

WRONG = [f"Wrong {number}" for number in range(1, MAX_CHOICES)]
"""With the right answer, MAX_CHOICES choices."""


def bank_text(wrong: list[str]) -> str:
    return (
        "lunarquiz: 1\nid: many\ntitle: Many choices\nquestions:\n"
        "  - id: many\n    prompt: Which is right?\n    answer: Right one\n"
        f"    wrong: [{', '.join(wrong)}]\n    shuffle: false\n"
    )


def play(tmp_path: Path, text: str, answers: str) -> subprocess.CompletedProcess[str]:
    bank = tmp_path / "many.yaml"
    bank.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "lunarquiz", "play", "--plain", "--bank", str(bank), "--seed", "1"],
        input=answers,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_the_letters_cover_the_most_choices() -> None:
    from lunarquiz.banks import limits

    assert getattr(limits, "MAX_CHOICES", None) == MAX_CHOICES
    assert LETTERS == "abcdefghij"
    assert len(LETTERS) == MAX_CHOICES


@pytest.mark.parametrize("last", [str(MAX_CHOICES), "j", " J "])
def test_a_question_of_the_most_choices_lists_all_and_takes_the_last_label(tmp_path: Path, last: str) -> None:
    result = play(tmp_path, bank_text(WRONG), f"{last}\n\n")
    assert result.returncode == 0, result.stderr
    labels = re.findall(r"^  (\d+)\. (.*)$", result.stdout, re.MULTILINE)
    assert labels == [(str(n), text) for n, text in enumerate(["Right one", *WRONG], start=1)]
    assert f"Wrong. You answered: {WRONG[-1]}. No points." in result.stdout
    assert "Traceback" not in result.stderr


def test_the_right_answer_shuffled_to_the_last_label_is_right() -> None:
    clock = FakeClock()
    question = Question(
        id="many", prompt="Which?", kind=Kind.SINGLE, answers=("Right one",), wrong=tuple(WRONG), bank_id="t"
    )
    rounds = (Round([question], rng=random.Random(seed), clock=clock, settings=RoundSettings()) for seed in range(500))
    round_ = next(round_ for round_ in rounds if round_.current.choices[-1] == "Right one")
    out: list[str] = []
    lines = iter([LETTERS[-1], ""])
    results = play_plain(round_, read_line=lambda: next(lines, None), write=out.append, clock=clock)
    assert results.right == 1
    assert f"  {MAX_CHOICES}. Right one" in out
    assert len([line for line in out if re.match(r"^  \d+\. ", line)]) == MAX_CHOICES


def test_a_bank_with_one_choice_too_many_is_refused_not_played(tmp_path: Path) -> None:
    result = play(tmp_path, bank_text([*WRONG, "Wrong 10"]), "11\n\n")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "question 'many' has 11 choices (1 right, 10 wrong); at most 10 are allowed" in result.stderr + result.stdout


@pytest.mark.parametrize("choices", [MAX_CHOICES + 1, 26, 40])
def test_answers_to_a_question_of_more_choices_than_letters_do_not_crash(choices: int) -> None:
    # A question built in code (not loaded from a bank) may have more: numbers still reach every one.
    assert parse_answer(str(choices), choices, multiple=False) == frozenset({choices - 1})
    assert parse_answer("j", choices, multiple=False) == frozenset({9})
    with pytest.raises(AnswerError, match=f"a number from 1 to {choices} or a letter from a to j"):
        parse_answer("k", choices, multiple=False)


@pytest.mark.parametrize("typed", ["²", "٣", "9" * 5000], ids=["superscript-2", "arabic-indic-3", "5000-digits"])
def test_digits_that_are_not_plain_numbers_are_not_answers(typed: str) -> None:
    with pytest.raises(AnswerError) as caught:
        parse_answer(typed, 4, multiple=False)
    assert len(str(caught.value)) < 200
