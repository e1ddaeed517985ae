"""The YAML layer: syntax errors at YAML's own position, unsafe YAML refused, encodings and odd files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lunarquiz.banks.loader import check_file, check_text, load_bank
from lunarquiz.banks.problems import BankError

from .test_validate import HEADER, QUESTION, problems

DATA = Path(__file__).parent / "data" / "validate"


# -- syntax errors ----------------------------------------------------------------


def test_text_with_colon_space_must_be_quoted() -> None:
    text = HEADER + QUESTION.replace("Which planet", "Quick: which planet")
    assert problems(text) == [
        "moon.yaml:6:18: error: YAML syntax: mapping values are not allowed in this context"
        ' (hint: put text that contains ": " in quotes)'
    ]


def test_an_unclosed_quote_names_where_it_opened() -> None:
    text = HEADER + QUESTION.replace("answer: Earth", 'answer: "Earth')
    assert problems(text) == [
        "moon.yaml:11:1: error: YAML syntax: found unexpected end of stream, while scanning a quoted scalar"
        ' that starts at line 7, column 13 (hint: close the quotes; inside double quotes write a quote as \\",'
        " inside single quotes as '')"
    ]


def test_an_unclosed_list() -> None:
    text = HEADER + QUESTION.replace("wrong: [Mars, Venus]", "wrong: [Mars, Venus")
    assert problems(text) == [
        "moon.yaml:9:16: error: YAML syntax: did not find expected ',' or ']', while parsing a flow sequence"
        " that starts at line 8, column 12 (hint: close the brackets; text with a comma, [ or { in it must be in quotes)"
    ]


def test_a_tab_in_the_indentation() -> None:
    text = HEADER + QUESTION.replace("    answer: Earth", "\tanswer: Earth")
    assert problems(text) == [
        "moon.yaml:7:1: error: YAML syntax: found a tab character that violates indentation, while scanning a plain"
        " scalar that starts at line 6, column 13 (hint: indent with spaces, not tabs)"
    ]


def test_a_field_out_of_line() -> None:
    text = HEADER + QUESTION.replace("    answer: Earth", "   answer: Earth")
    assert problems(text) == [
        "moon.yaml:7:4: error: YAML syntax: did not find expected '-' indicator, while parsing a block collection"
        " that starts at line 5, column 3 (hint: line the fields of each question up under its `id:`)"
    ]


def test_a_second_document() -> None:
    text = HEADER + QUESTION + "---\n" + HEADER + QUESTION
    assert problems(text) == [
        "moon.yaml:11:1: error: YAML syntax: a bank file holds one YAML document, but a second one starts here"
        " (hint: remove the `---` line, or put the second bank in a file of its own)"
    ]


def test_a_control_character_is_reported_at_its_place() -> None:
    text = HEADER + QUESTION.replace("Which planet", "Which plan\x07et")
    assert problems(text) == [
        "moon.yaml:6:23: error: the file holds the control character U+0007, which YAML does not allow"
        " (hint: delete it; it is often invisible, so retype the text around it)"
    ]


def test_a_control_character_after_wide_characters_is_placed_in_characters() -> None:
    text = HEADER + QUESTION.replace("Which planet", "Quelle planète\x00")
    assert problems(text)[0].startswith("moon.yaml:6:27: error: the file holds the control character U+0000")


# -- unsafe YAML ------------------------------------------------------------------


def test_a_billion_laughs_is_refused_fast() -> None:
    start = time.perf_counter()
    checked = check_file(DATA / "billion-laughs.yaml")
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    assert checked.bank is None
    messages = [problem.message for problem in checked.errors]
    assert messages[:4] == [
        "unknown field 'l0' in the bank",
        "YAML anchor &l0 is not allowed",
        "unknown field 'l1' in the bank",
        "YAML anchor &l1 is not allowed",
    ]
    assert messages.count("YAML alias *l8 is not allowed") == 9
    assert messages.count("YAML alias *q is not allowed") == 9
    assert len(messages) < 200


def test_an_alias_is_refused_and_the_rest_is_still_checked() -> None:
    text = (
        HEADER
        + "  - id: orbit\n    prompt: &p Which planet does the Moon go around?\n    answer: Earth\n"
        + "    wrong: [Mars]\n  - id: orbit-2\n    prompt: *p\n    answer: Earth\n    wrong: [Mars]\n"
        + "    explanaton: typo\n"
    )
    assert problems(text) == [
        "moon.yaml:6:13: error: YAML anchor &p is not allowed (hint: remove the anchor)",
        "moon.yaml:10:13: error: YAML alias *p is not allowed (hint: write the value out again)",
        "moon.yaml:13:5: error: unknown field 'explanaton' in a question (hint: did you mean 'explanation'?)",
    ]


def test_a_merge_key_is_refused() -> None:
    text = HEADER + QUESTION + "    <<: {difficulty: easy}\n"
    assert problems(text) == [
        "moon.yaml:11:5: error: YAML merge keys (<<) are not allowed (hint: write the fields out in full)"
    ]


def test_python_tags_are_refused_and_construct_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    payload = f"import pathlib; pathlib.Path({str(marker)!r}).write_text('oops')"
    text = HEADER + QUESTION.replace(
        "answer: Earth", f"answer: !!python/object/apply:builtins.exec [{payload!r}]"
    ).replace("prompt: Which", "prompt: !!python/object/new:builtins.print [Which]\n    source: x\n    # Which")
    assert problems(text) == [
        "moon.yaml:6:13: error: YAML tag !!python/object/new:builtins.print is not allowed (hint: remove the `!` tag)",
        "moon.yaml:9:13: error: YAML tag !!python/object/apply:builtins.exec is not allowed (hint: remove the `!` tag)",
    ]
    assert not marker.exists()


def test_a_custom_tag_is_refused() -> None:
    text = HEADER + QUESTION.replace("answer: Earth", "answer: !planet Earth")
    assert problems(text) == ["moon.yaml:7:13: error: YAML tag !planet is not allowed (hint: remove the `!` tag)"]


def test_deep_nesting_is_a_syntax_error_not_a_crash() -> None:
    text = HEADER + QUESTION.replace("answer: Earth", "answer: " + "[" * 20000 + "]" * 20000)
    [problem] = check_text("moon.yaml", text).problems
    assert problem.line == 7
    assert "YAML syntax" in problem.message


# -- encodings and line ends --------------------------------------------------------


def test_a_file_with_a_byte_order_mark_and_crlf_line_ends_loads(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + QUESTION).replace("\n", "\r\n").encode("utf-8"))
    bank = load_bank(path)
    assert bank.id == "moon"
    assert bank.questions[0].prompt == "Which planet does the Moon go around?"
    assert bank.questions[0].explanation == "The Moon is Earth's natural satellite."


def test_problems_in_a_bom_and_crlf_file_are_at_the_right_place(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    text = HEADER + QUESTION.replace("explanation:", "explanaton:")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    [problem] = check_file(path).errors
    assert (problem.line, problem.column, problem.message) == (9, 5, "unknown field 'explanaton' in a question")


def test_invalid_utf8_reports_line_and_column_in_characters(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    text = HEADER + QUESTION.replace("Which planet", "Quelle planète, café")
    data = b"\xef\xbb\xbf" + text.encode("utf-8").replace("café".encode(), "café".encode("latin-1"))
    path.write_bytes(data)
    [problem] = check_file(path).problems
    assert problem.format() == (
        f"{path}:6:32: error: the file is not valid UTF-8 (byte 0xe9)"
        " (hint: save the file as UTF-8: in most editors, Save As and pick the UTF-8 encoding)"
    )


def test_a_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_bytes((HEADER + QUESTION).encode("utf-16"))
    [problem] = check_file(path).problems
    assert problem.format() == f"{path}:1:1: error: the file is UTF-16, not UTF-8 (hint: save the file as UTF-8)"


# -- files that hold no bank ---------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file(text: str) -> None:
    assert problems(text) == [
        "moon.yaml:1:1: error: the file is empty (hint: start with `lunarquiz: 1`, or run `lunarquiz new`)"
    ]


@pytest.mark.parametrize(
    ("text", "what"),
    [("- Which planet?\n- Earth\n", "a list"), ("Which planet does the Moon go around?\n", "a single value")],
)
def test_a_top_level_list_or_value(text: str, what: str) -> None:
    assert problems(text) == [
        f"moon.yaml:1:1: error: the file holds {what}, but a bank is a set of `name: value` fields"
        " (hint: start with `lunarquiz: 1`, then `id:`, `title:` and `questions:`; `lunarquiz new` writes an example)"
    ]


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    assert [p.format() for p in check_file(tmp_path / "nope.yaml").problems] == [
        f"{tmp_path / 'nope.yaml'}: error: no such file"
    ]
    assert [p.format() for p in check_file(tmp_path).problems] == [
        f"{tmp_path}: error: this is a folder, not a bank file"
    ]


def test_load_bank_raises_with_every_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(HEADER + QUESTION.replace("explanation:", "explanaton:").replace("answer: Earth", "answer: yes"))
    with pytest.raises(BankError) as raised:
        load_bank(path)
    assert [p.line for p in raised.value.errors] == [7, 9]
    assert str(raised.value).endswith("(and 1 more)")
