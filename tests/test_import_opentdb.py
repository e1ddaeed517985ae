"""The Open Trivia DB reader: entities decoded, booleans as true/false, categories as tags, difficulty kept."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest

from lunarquiz.banks.importers import Imported, bank_yaml, build_bank
from lunarquiz.banks.opentdb import read_opentdb
from lunarquiz.core.model import Kind

DATA = Path(__file__).resolve().parent / "data" / "import"


@pytest.fixture(scope="module")
def trivia() -> Imported:
    return read_opentdb("trivia.json", (DATA / "trivia.json").read_text(encoding="utf-8"))


def test_html_entities_are_decoded_everywhere(trivia: Imported) -> None:
    question = trivia.questions[0]
    assert question.prompt == 'Which planet is called the "Red Planet"?'
    assert question.wrong == ("Venus", "Jupiter", "Saturn's moon")
    assert question.tags == ("science-nature",)
    assert trivia.questions[3].answers == ("Moonbase <Alpha>",)


def test_boolean_results_are_true_false_questions(trivia: Imported) -> None:
    assert trivia.questions[1].kind is Kind.TRUE_FALSE
    assert trivia.questions[1].answers == ("False",)
    assert trivia.questions[1].prompt == "The Moon's far side is always dark."
    assert trivia.questions[2].answers == ("True",)


def test_difficulty_is_kept_and_category_is_an_id_safe_tag(trivia: Imported) -> None:
    assert [q.difficulty for q in trivia.questions] == ["medium", "easy", "hard", "medium"]
    assert [q.tags for q in trivia.questions] == [
        ("science-nature",),
        ("science-gadgets",),
        ("history",),
        ("entertainment-video-games",),
    ]


def test_bad_results_are_reported_with_their_line(trivia: Imported) -> None:
    assert [(p.line, p.severity) for p in trivia.problems] == [(5, "error"), (6, "error"), (7, "warning")]
    assert trivia.skipped == 2


def test_a_response_code_other_than_zero() -> None:
    imported = read_opentdb("t.json", '{"response_code": 5, "results": []}')
    assert imported.questions == ()
    assert "rate limit" in imported.errors[0].message


def test_not_json_names_its_line() -> None:
    imported = read_opentdb("t.json", '{"results": [\n  {"type": "multiple",,}\n]}')
    assert imported.errors[0].line == 2


def test_no_results_list() -> None:
    assert "no 'results' list" in read_opentdb("t.json", '{"response_code": 0}').errors[0].message
    assert "empty" in read_opentdb("t.json", '{"response_code": 0, "results": []}').errors[0].message


def test_a_bare_list_of_results() -> None:
    result = {"type": "boolean", "question": "Q?", "correct_answer": "True", "incorrect_answers": ["False"]}
    imported = read_opentdb("t.json", json.dumps([result]))
    assert imported.questions[0].kind is Kind.TRUE_FALSE
    assert imported.questions[0].difficulty == "medium"
    assert imported.questions[0].tags == ()


def _encoded(encode: Callable[[str], str]) -> dict[str, object]:
    return {
        "type": encode("multiple"),
        "question": encode("Is it & so?"),
        "correct_answer": encode("Yes & no"),
        "incorrect_answers": [encode("No")],
    }


def test_url_and_base64_encodings_are_decoded() -> None:
    for encode in (quote, lambda text: base64.b64encode(text.encode()).decode()):
        question = read_opentdb("t.json", json.dumps({"results": [_encoded(encode)]})).questions[0]
        assert (question.prompt, question.answers, question.wrong) == ("Is it & so?", ("Yes & no",), ("No",))


def test_wrong_types_are_errors_not_crashes() -> None:
    results = [7, {"type": "multiple", "question": 3}, {"type": "multiple", "question": "Q", "incorrect_answers": "x"}]
    imported = read_opentdb("t.json", json.dumps({"results": results}, indent=1))
    assert imported.questions == ()
    assert len(imported.errors) == 3
    assert all(problem.line > 0 for problem in imported.errors)


def test_the_imported_bank_validates(trivia: Imported) -> None:
    assert bank_yaml(build_bank(trivia, "trivia", "Trivia"), "trivia.yaml")


def test_a_type_with_non_ascii_text_is_not_taken_for_base64() -> None:
    """Found by the fuzzer: base64 decoding raised ValueError on non-ASCII text."""
    text = json.dumps(
        {
            "response_code": 0,
            "results": [
                {"type": "\u2066multiple", "question": "Q?", "correct_answer": "A", "incorrect_answers": ["B"]}
            ],
        }
    )
    imported = read_opentdb("odd.json", text)
    assert not imported.questions
    assert imported.problems and all(problem.line >= 1 for problem in imported.problems)


LONG_NUMBER = "9" * 5_000
"""More digits than Python turns into an int (4,300): json.loads raised ValueError on it."""


def _result(prompt: str = "Q?") -> str:
    return json.dumps({"type": "multiple", "question": prompt, "correct_answer": "A", "incorrect_answers": ["B"]})


def test_a_number_too_long_for_python_in_a_field_not_used_does_not_stop_the_import() -> None:
    voted = _result()[:-1] + f', "votes": -{LONG_NUMBER}}}'
    text = f'{{"response_code": 0, "id": {LONG_NUMBER},\n "results": [\n  {voted},\n  {_result("R?")}\n ]}}'
    imported = read_opentdb("long.json", text)
    assert [question.prompt for question in imported.questions] == ["Q?", "R?"]
    assert imported.problems == ()


def test_a_number_too_long_for_python_where_text_belongs_is_reported_at_its_line() -> None:
    broken = _result().replace('"Q?"', LONG_NUMBER)
    imported = read_opentdb("long.json", f'{{"results": [\n  {_result("R?")},\n  {broken}\n]}}')
    assert [question.prompt for question in imported.questions] == ["R?"]
    [error] = imported.errors
    assert error.line == 3 and "wrong type" in error.message


def test_a_response_code_too_long_for_python_is_named_not_echoed() -> None:
    imported = read_opentdb("long.json", f'{{"response_code": {LONG_NUMBER}, "results": []}}')
    [error] = imported.errors
    assert error.line == 1 and "response_code a number of 5,000 digits: unknown code" in error.message
    assert len(error.format()) < 200


@pytest.mark.slow
def test_a_file_of_200000_questions_imports_the_most_a_bank_holds_and_says_so(tmp_path: Path) -> None:
    """Before, the bank written did not load again (too many values), and ``import`` stopped on ImportBug."""
    import io
    import re

    from lunarquiz.banks.limits import MAX_QUESTIONS
    from lunarquiz.banks.loader import load_bank
    from lunarquiz.commands.import_bank import run_import

    results = [
        {"type": "boolean", "question": f"Q{n}", "correct_answer": "True", "incorrect_answers": ["False"]}
        for n in range(200_000)
    ]
    source, written = tmp_path / "many.json", tmp_path / "many.yaml"
    text = json.dumps({"response_code": 0, "results": results}, indent=1)
    source.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run_import(str(source), str(written), out=out, err=err)
    assert code == 0, err.getvalue()
    summary = re.search(r"wrote .*: (\d+) questions imported from .* \(opentdb\), (\d+) skipped", err.getvalue())
    assert summary is not None, err.getvalue()
    kept, skipped = int(summary[1]), int(summary[2])
    assert 0 < kept <= MAX_QUESTIONS and kept + skipped == 200_000
    [limit] = [line for line in err.getvalue().splitlines() if "a bank holds at most" in line]
    question_line = text[: text.index(f'"Q{kept}"')].count("\n") + 1
    first_left_out = question_line - 2  # where its result begins: "{", then "type", then "question"
    assert limit.startswith(f"{source}:{first_left_out}: error: a bank holds at most ")
    assert f'"Q{kept}" and every question after it are not imported' in limit
    assert len(load_bank(written).questions) == kept
