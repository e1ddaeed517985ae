"""The CSV reader: a header row, standard quoting, bad rows reported with their line and good rows imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from lunarquiz.banks.csv_format import read_csv
from lunarquiz.banks.importers import Imported, bank_yaml, build_bank
from lunarquiz.core.model import Kind

from .damage import damaged_copies

DATA = Path(__file__).resolve().parent / "data" / "import"


@pytest.fixture(scope="module")
def quoting() -> Imported:
    return read_csv("quoting.csv", (DATA / "quoting.csv").read_text(encoding="utf-8"))


def test_commas_quotes_and_every_column(quoting: Imported) -> None:
    question = quoting.questions[0]
    assert question.id == "capital"
    assert question.prompt == 'Which city, in the end, hosts the "ILRS" talks?'
    assert question.answers == ("Beijing",)
    assert question.wrong == ("Moscow, Russia", "Paris")
    assert question.explanation == 'Both "sides" met.'
    assert question.tags == ("places", "politics")
    assert question.difficulty == "easy"


def test_newlines_inside_cells_and_line_numbers_after_them(quoting: Imported) -> None:
    assert quoting.questions[1].prompt == "A prompt over\ntwo lines"
    assert quoting.problems[0].line == 5  # the row after the two-line cell


def test_empty_wrong_cells_are_ignored() -> None:
    imported = read_csv("t.csv", "prompt,answer,wrong1,wrong2,wrong3,wrong7\nQ?,a,,b,,c\n")
    assert imported.questions[0].wrong == ("b", "c")


def test_true_or_false_answers_make_true_false_questions(quoting: Imported) -> None:
    question = quoting.questions[2]
    assert question.kind is Kind.TRUE_FALSE
    assert question.answers == ("False",)
    imported = read_csv("t.csv", "prompt,answer,wrong1\nA?,True,False\nB?,True,Maybe\n")
    assert [q.kind for q in imported.questions] == [Kind.TRUE_FALSE, Kind.SINGLE]


def test_more_answer_columns_make_multiple_response() -> None:
    imported = read_csv(
        "t.csv", "prompt,answer,answer2,wrong1,wrong2\nWhich agencies?,CNSA,Roscosmos,NASA,ESA\nOne?,a,,b,\n"
    )
    assert imported.questions[0].kind is Kind.MULTIPLE
    assert imported.questions[0].answers == ("CNSA", "Roscosmos")
    assert imported.questions[1].kind is Kind.SINGLE


def test_bad_rows_are_reported_with_their_line(quoting: Imported) -> None:
    errors = {problem.line: problem.message for problem in quoting.errors}
    assert sorted(errors) == [6, 7, 8, 12]
    assert "no wrong choices" in errors[6]
    assert "no prompt" in errors[7]
    assert "12 cells" in errors[8]
    assert "both right and wrong" in errors[12]
    assert quoting.skipped == 4


def test_ids_are_made_valid_and_unique_with_a_warning(quoting: Imported) -> None:
    assert [q.id for q in quoting.questions] == [
        "capital",
        "a-prompt-over-two-lines",
        "bad-id",
        "which-are-agencies",
        "unknown-difficulty",
        "capital-2",
    ]
    warnings = {problem.line: problem.message for problem in quoting.problems if problem.severity == "warning"}
    assert "'Bad Id!' is not a valid id" in warnings[5]
    assert "'capital' is already taken" in warnings[11]
    assert "extreme" in warnings[10]
    assert quoting.questions[4].difficulty == "medium"


def test_the_header_must_name_prompt_and_answer() -> None:
    imported = read_csv("t.csv", "question,right,wrong1\nQ?,a,b\n")
    assert imported.questions == ()
    assert imported.errors[0].line == 1
    assert "'prompt' and no 'answer'" in imported.errors[0].message


def test_unknown_columns_are_ignored_with_a_warning() -> None:
    imported = read_csv("t.csv", "prompt,answer,wrong1,colour\nQ?,a,b,red\n")
    assert len(imported.questions) == 1
    assert imported.problems[0].severity == "warning"
    assert "'colour'" in imported.problems[0].message


def test_a_repeated_column_is_an_error() -> None:
    imported = read_csv("t.csv", "prompt,answer,wrong1,wrong1\nQ?,a,b,c\n")
    assert imported.questions == ()
    assert "appears twice" in imported.errors[0].message


def test_semicolons_separate_cells_when_the_header_says_so() -> None:
    imported = read_csv("t.csv", 'Prompt;Answer;Wrong 1;Wrong_2\n"Which, of these?";a;b;c\n')
    assert imported.questions[0].prompt == "Which, of these?"
    assert imported.questions[0].wrong == ("b", "c")


def test_an_unclosed_quote_is_reported_and_rows_before_it_kept() -> None:
    imported = read_csv("t.csv", 'prompt,answer,wrong1\nGood?,a,b\n"Bad?,a,b\n')
    assert [q.prompt for q in imported.questions] == ["Good?"]
    assert imported.errors[0].line == 3


def test_an_empty_file() -> None:
    assert read_csv("t.csv", "").errors[0].message == "the file has no rows"


def test_windows_line_endings_and_blank_rows() -> None:
    imported = read_csv("t.csv", 'prompt,answer,wrong1\r\n\r\n"Two\r\nlines",a,b\r\nNext?,c,d\r\n')
    assert [q.prompt for q in imported.questions] == ["Two\nlines", "Next?"]


def test_the_imported_bank_validates(quoting: Imported) -> None:
    assert bank_yaml(build_bank(quoting, "quoting", "Quoting"), "quoting.yaml")


def test_random_damage_never_raises() -> None:
    text = (DATA / "quoting.csv").read_text(encoding="utf-8")
    pieces = ['"', ",", "\n", ";", "\r", "True", "wrong9", "answer3"]
    for damaged in damaged_copies(text, pieces, seed=11, copies=300, most_edits=8):
        imported = read_csv("t.csv", damaged)
        if imported.questions:
            bank_yaml(build_bank(imported, "fuzz", "Fuzz"), "fuzz.yaml")
