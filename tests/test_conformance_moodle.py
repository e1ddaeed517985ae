"""Moodle's own GIFT and Aiken examples, read from ../shared/conformance/moodle when that folder is there.

The counts come from reading the files by hand, with Moodle's rules (format.php):
a blank line ends a question; the answer section decides the type: empty is an
essay, ``#`` first is numerical, a ``~`` makes multiple choice, ``=`` with ``->`` is
matching, T/TRUE/F/FALSE is true/false, anything else is short answer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lunarquiz.banks.aiken import read_aiken
from lunarquiz.banks.gift import read_gift
from lunarquiz.banks.importers import Imported, bank_yaml, build_bank
from lunarquiz.core.model import Kind

FOLDER = Path(
    os.environ.get("LUNARQUIZ_CONFORMANCE_DIR")
    or Path(__file__).resolve().parents[2] / "shared" / "conformance" / "moodle"
)

pytestmark = pytest.mark.skipif(not FOLDER.is_dir(), reason=f"no conformance data at {FOLDER}")


def imported(name: str) -> Imported:
    path = FOLDER / name
    reader = read_aiken if name.startswith("aiken") else read_gift
    return reader(str(path), path.read_text(encoding="utf-8"))


def skip_lines(result: Imported) -> list[int]:
    return [problem.line for problem in result.problems if problem.message.startswith("skipped")]


def test_gift_examples() -> None:
    """23 playable questions; 20 skipped: 9 short answer, 8 numerical, 3 matching.

    Playable, by first line (a question after a comment line starts on the line after
    it): single choice 8, 10, 25, 27, 29, 35, 93, 98, 115, 117, 143, 148, 167, 169,
    184, 190; multiple response (weights, no ``=``) 130, 136; true/false 12, 49, 51,
    113, 171. Short answer: 14, 43, 45, 90 (``{=China}``), 103, 108, 123, 173, 195.
    Numerical: 16, 70, 72, 74, 76, 85, 175, 202. Matching: 55, 61, 177.
    """
    result = imported("gift-examples.txt")
    assert len(result.questions) == 23
    assert result.skipped == 20
    assert skip_lines(result) == [
        14,
        16,
        43,
        45,
        55,
        61,
        70,
        72,
        74,
        76,
        85,
        90,
        103,
        108,
        123,
        173,
        175,
        177,
        195,
        202,
    ]
    kinds = [question.kind for question in result.questions]
    assert (kinds.count(Kind.SINGLE), kinds.count(Kind.MULTIPLE), kinds.count(Kind.TRUE_FALSE)) == (16, 2, 5)
    assert result.errors == ()
    control = next(q for q in result.questions if q.id == "gift-control-characters")
    assert control.answers == ("\\",)
    assert control.wrong == ("~", "=", "#", "{", "}")
    hometown = next(q for q in result.questions if q.id == "jesus-hometown")
    assert hometown.prompt == "Jesus Christ was from _____."
    assert hometown.answers == ("Nazareth",)
    assert hometown.feedback_for("Galilee") == "You need to be more specific."


def test_gift_fixture() -> None:
    """5 playable (Q2, colours, Q1, two named 2-08 TSL); 4 skipped: essay 2, matching 5, numerical 31, short answer 34."""
    result = imported("gift-fixture.txt")
    assert len(result.questions) == 5
    assert result.skipped == 4
    assert skip_lines(result) == [2, 5, 31, 34]
    ids = [question.id for question in result.questions]
    assert ids == ["q2", "colours", "q1", "2-08-tsl", "2-08-tsl-2"]
    colours = result.questions[1]
    assert colours.kind is Kind.MULTIPLE
    assert colours.answers == ("yellow", "off-beige")
    assert colours.wrong == ("red", "blue")
    assert colours.feedback_for("red") == "wrong"
    q1 = result.questions[2]
    assert q1.answers == ("False",)
    assert q1.explanation == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    assert q1.feedback == (("True", "42 is the Ultimate Answer."), ("False", "You gave the right answer."))


def test_aiken_questions() -> None:
    """2 questions, no problems; the HTML-looking text is kept as written."""
    result = imported("aiken-questions.txt")
    assert len(result.questions) == 2
    assert result.problems == ()
    assert result.questions[0].answers == ("Martin Dougiamas",)
    assert '<html class="cool"> & images:' in result.questions[1].prompt


def test_aiken_errors() -> None:
    """2 good questions imported; 2 broken ones skipped; errors on lines 1, 5, 7 and 14.

    Line 1 has one option only; line 5 is an option and line 7 an ANSWER before any
    question; the question on line 14 has no ANSWER before the next one on line 18.
    """
    result = imported("aiken-errors.txt")
    assert [question.prompt for question in result.questions] == ["A good question", "A second good question"]
    assert result.questions[1].answers == ("Correct (No space)",)
    assert result.skipped == 2
    assert [problem.line for problem in result.errors] == [1, 5, 7, 14]


@pytest.mark.parametrize("name", ["gift-examples.txt", "gift-fixture.txt", "aiken-questions.txt", "aiken-errors.txt"])
def test_every_problem_names_its_line_and_the_bank_validates(name: str) -> None:
    result = imported(name)
    assert all(problem.line > 0 for problem in result.problems)
    assert bank_yaml(build_bank(result, "moodle", "Moodle"), "moodle.yaml")
