"""Imports keep to the limits of a bank: a question past one is left out with its line, and the bank always loads."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from lunarquiz.banks.aiken import read_aiken
from lunarquiz.banks.csv_format import read_csv
from lunarquiz.banks.gift import read_gift
from lunarquiz.banks.importers import Imported, bank_id_from_path, bank_yaml, build_bank, title_from_path
from lunarquiz.banks.loader import check_text
from lunarquiz.banks.opentdb import read_opentdb

MAX_CHOICES = 10
MAX_QUESTIONS = 10_000
"""As in ``lunarquiz.banks.limits`` (tests/test_bank_limits.py checks them)."""

ELEVEN = [f"w{number}" for number in range(1, MAX_CHOICES + 1)]
"""With a right answer, one choice more than a question may have."""


def messages(imported: Imported) -> list[tuple[int, str]]:
    return [(problem.line, problem.message) for problem in imported.errors]


def loads(imported: Imported) -> int:
    """How many questions the bank written for ``imported`` holds when it is read back."""
    text = bank_yaml(build_bank(imported, "imported", "Imported"), "imported.yaml")
    checked = check_text("imported.yaml", text)
    assert checked.bank is not None, checked.errors[:3]
    return len(checked.bank.questions)


def too_many(prompt: str) -> str:
    return f'the question "{prompt}" has 11 choices; a question has at most 10'


def test_csv_a_row_of_too_many_choices_is_left_out_with_its_line() -> None:
    header = "prompt,answer," + ",".join(f"wrong{n}" for n in range(1, MAX_CHOICES + 1))
    text = f"{header}\nFirst?,a,{','.join(ELEVEN)}\nSecond?,a,{','.join(ELEVEN[:-1])}\n"
    imported = read_csv("many.csv", text)
    assert messages(imported) == [(2, too_many("First?"))]
    assert imported.errors[0].hint == "remove wrong choices in the file, or split the question, then import again"
    assert [question.prompt for question in imported.questions] == ["Second?"]
    assert imported.skipped == 1 and loads(imported) == 1


def test_gift_a_question_of_too_many_choices_is_left_out_with_its_line() -> None:
    text = "First? {=a " + " ".join(f"~{choice}" for choice in ELEVEN) + "}\n\nSecond? {=a ~b}\n"
    imported = read_gift("many.gift", text)
    assert messages(imported) == [(1, too_many("First?"))]
    assert loads(imported) == 1


def test_aiken_a_question_of_too_many_options_is_left_out_with_its_line() -> None:
    letters = "ABCDEFGHIJK"
    text = "First?\n" + "".join(f"{letter}) option {letter}\n" for letter in letters) + "ANSWER: A\n\n"
    text += "Second?\nA) yes\nB) no\nANSWER: A\n"
    imported = read_aiken("many.txt", text)
    assert messages(imported) == [(1, too_many("First?"))]
    assert loads(imported) == 1


def test_opentdb_a_result_of_too_many_answers_is_left_out() -> None:
    results = [
        {"type": "multiple", "question": "First?", "correct_answer": "a", "incorrect_answers": ELEVEN},
        {"type": "multiple", "question": "Second?", "correct_answer": "a", "incorrect_answers": ["b"]},
    ]
    imported = read_opentdb("many.json", json.dumps({"response_code": 0, "results": results}))
    assert [message for _, message in messages(imported)] == [too_many("First?")]
    assert loads(imported) == 1


def test_a_prompt_too_long_for_a_bank_is_left_out_with_its_line() -> None:
    text = f"prompt,answer,wrong1\n{'P' * 4001},a,b\nShort?,a,b\n"
    imported = read_csv("long.csv", text)
    assert messages(imported) == [
        (2, f'the question "{"P" * 59}…": its prompt is 4,001 characters long, over the limit of 4,000')
    ]
    assert loads(imported) == 1


def test_a_file_of_more_questions_than_a_bank_holds_is_imported_up_to_the_limit_and_said_once() -> None:
    rows = "".join(f"Question {n}?,a,b\n" for n in range(MAX_QUESTIONS + 3))
    imported = read_csv("many.csv", "prompt,answer,wrong1\n" + rows)
    assert messages(imported) == [
        (
            MAX_QUESTIONS + 2,
            f'a bank holds at most 10,000 questions: the question "Question {MAX_QUESTIONS}?" '
            "and every question after it are not imported",
        )
    ]
    assert imported.errors[0].hint == "split the file into parts and import each into a bank of its own"
    assert imported.skipped == 3
    assert loads(imported) == MAX_QUESTIONS


@pytest.mark.slow
def test_a_file_of_more_text_than_a_bank_holds_stops_at_the_limit_and_writes_a_bank_that_loads() -> None:
    rows = "".join(f"{n} {'P' * 3990}?,a,b,{'E' * 3990}\n" for n in range(2_500))  # 20 million characters
    imported = read_csv("long.csv", "prompt,answer,wrong1,explanation\n" + rows)
    ((line, message),) = messages(imported)
    assert message.startswith("a bank holds at most 8,000,000 characters of text: the question")
    assert line == len(imported.questions) + 2
    assert 950 < loads(imported) < 1_000  # 8,000 characters a question


@pytest.mark.slow
def test_a_file_of_more_values_than_a_bank_holds_stops_at_the_limit_and_writes_a_bank_that_loads() -> None:
    choices = " ".join(f"~w{n}#why not {n}" for n in range(1, MAX_CHOICES))
    text = "".join(f"Question {n}? {{=right#yes {choices}}}\n\n" for n in range(7_000))  # 40 values each
    imported = read_gift("values.gift", text)
    ((_, message),) = messages(imported)
    assert message.startswith("a bank holds at most 250,000 values: the question")
    assert 6_000 < loads(imported) < 6_300


def test_ids_and_titles_made_from_a_long_file_name_fit_a_bank() -> None:
    name = "a-quiz-" * 35 + ".csv"  # 245 characters, as long as a file name may be
    assert len(bank_id_from_path(name)) <= 100
    assert len(title_from_path(name)) <= 200


@pytest.mark.parametrize(("option", "limit"), [("bank_id", 100), ("title", 200)])
def test_an_id_or_title_given_too_long_is_refused_before_anything_is_read(
    tmp_path: Path, option: str, limit: int
) -> None:
    from lunarquiz.commands.import_bank import run_import

    source = tmp_path / "q.csv"
    source.write_text("prompt,answer,wrong1\nQ?,a,b\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    given = "a" * (limit + 1)
    code = run_import(str(source), str(tmp_path / "q.yaml"), out=out, err=err, **{option: given})  # type: ignore[arg-type]
    flag = "--id" if option == "bank_id" else "--title"
    assert code == 1
    assert f"{flag} is {limit + 1} characters long; a bank's {flag[2:]} has at most {limit}" in err.getvalue()
    assert not (tmp_path / "q.yaml").exists()
