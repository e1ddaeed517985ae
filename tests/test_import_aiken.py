"""The Aiken reader: options with ) or ., text kept as written, each broken question reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from lunarquiz.banks.aiken import read_aiken
from lunarquiz.banks.importers import Imported, bank_yaml, build_bank
from lunarquiz.core.model import Kind

from .damage import damaged_copies

DATA = Path(__file__).resolve().parent / "data" / "import"


@pytest.fixture(scope="module")
def mixed() -> Imported:
    return read_aiken("mixed.aiken", (DATA / "mixed.aiken").read_text(encoding="utf-8"))


def test_a_plain_question() -> None:
    imported = read_aiken("t.txt", "Which agency?\nA) CNSA\nB) NASA\nC) ESA\nANSWER: B\n")
    question = imported.questions[0]
    assert question.kind is Kind.SINGLE
    assert question.prompt == "Which agency?"
    assert question.answers == ("NASA",)
    assert question.wrong == ("CNSA", "ESA")
    assert imported.problems == ()


@pytest.mark.parametrize("option", ["A) {}", "A. {}", "A){}", "A.{}", "A)\t{}"])
def test_option_labels_with_or_without_a_space(option: str) -> None:
    first, second = option.format("Mir"), option.replace("A", "B").format("Skylab")
    imported = read_aiken("t.txt", f"Which station?\n{first}\n{second}\nANSWER: A")
    assert imported.questions[0].answers == ("Mir",)
    assert imported.questions[0].wrong == ("Skylab",)


def test_text_is_kept_as_written_html_too(mixed: Imported) -> None:
    assert mixed.questions[1].prompt == "Which station did the USSR launch? <b>Mir</b> & co"
    assert mixed.questions[1].wrong == ("Skylab", "Tiangong")


def test_problems_name_their_lines(mixed: Imported) -> None:
    errors = {problem.line: problem.message for problem in mixed.errors}
    assert sorted(errors) == [13, 17, 19, 21, 28, 32, 41]
    assert "only one option" in errors[13]
    assert "comes before any question" in errors[17]
    assert "ANSWER: B" in errors[19] and "before any question" in errors[19]
    assert "no ANSWER: line" in errors[21] and "line 25" in errors[21]
    assert "names none of the options" in errors[28]
    assert "two options A)" in errors[32]
    assert "no ANSWER: line (the file ends)" in errors[41]


def test_good_questions_around_the_bad_ones_are_imported(mixed: Imported) -> None:
    assert [question.prompt for question in mixed.questions] == [
        "Which agency runs the Chang'e missions?",
        "Which station did the USSR launch? <b>Mir</b> & co",
        "Who flew first?",
    ]
    assert mixed.skipped == 5


def test_a_repeated_option_is_imported_once_with_a_warning(mixed: Imported) -> None:
    assert mixed.questions[2].wrong == ("Shepard",)
    warnings = [problem for problem in mixed.problems if problem.severity == "warning"]
    assert [problem.line for problem in warnings] == [38]


def test_the_right_answer_repeated_as_a_wrong_option_is_an_error() -> None:
    imported = read_aiken("t.txt", "Q?\nA) x\nB) x\nANSWER: A")
    assert not imported.questions
    assert imported.problems[0].line == 3


def test_two_question_lines_in_a_row() -> None:
    imported = read_aiken("t.txt", "A title line\nThe question?\nA) a\nB) b\nANSWER: A\n")
    assert [q.prompt for q in imported.questions] == ["The question?"]
    assert imported.problems[0].line == 1
    assert "no options" in imported.problems[0].message


def test_the_imported_bank_validates(mixed: Imported) -> None:
    assert bank_yaml(build_bank(mixed, "mixed", "Mixed"), "mixed.yaml")


def test_random_damage_never_raises() -> None:
    text = (DATA / "mixed.aiken").read_text(encoding="utf-8")
    pieces = ["A)", "B.", "ANSWER:", "ANSWER: Z", "\n", "\n\n", " ", "C)"]
    for damaged in damaged_copies(text, pieces, seed=7, copies=300, most_edits=8):
        imported = read_aiken("t.txt", damaged)
        if imported.questions:
            bank_yaml(build_bank(imported, "fuzz", "Fuzz"), "fuzz.yaml")
