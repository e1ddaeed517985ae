"""Messages about a bank say what is really wrong, where it starts, and never echo megabytes of the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from lunarquiz.banks.limits import MAX_DEPTH
from lunarquiz.banks.loader import check_file, check_text

BANK = """\
lunarquiz: 1
id: moon
title: The Moon
questions:
  - id: first
    prompt: Who walked on the Moon first?
    answer: Neil Armstrong
    wrong: [Buzz Aldrin, Yuri Gagarin]
    explanation: Neil Armstrong stepped out first, on 21 July 1969.
    tags: [apollo]
"""


def messages(path: str | Path, text: str | None = None) -> list[str]:
    """The errors found in the file ``path``, or in ``text`` as if read from it."""
    checked = check_file(path) if text is None else check_text(str(path), text)
    return [problem.format() for problem in checked.errors]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_a_utf32_file_is_named_utf32(tmp_path: Path, encoding: str) -> None:
    """UTF-32's little-endian byte-order mark starts with UTF-16's: it used to be called UTF-16."""
    path = tmp_path / "moon.yaml"
    mark = "\ufeff" if encoding != "utf-32" else ""  # the plain codec writes its own mark
    path.write_bytes((mark + BANK).encode(encoding))
    assert messages(path) == [f"{path}:1:1: error: the file is UTF-32, not UTF-8 (hint: save the file as UTF-8)"]


@pytest.mark.parametrize(("encoding", "name"), [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32-be", "UTF-32")])
def test_a_file_without_a_byte_order_mark_is_named_by_its_zero_bytes(tmp_path: Path, encoding: str, name: str) -> None:
    path = tmp_path / "moon.yaml"
    path.write_bytes(BANK.encode(encoding))
    assert messages(path) == [f"{path}:1:1: error: the file is {name}, not UTF-8 (hint: save the file as UTF-8)"]


TOO_DEEP = f"YAML syntax: lists and mappings are nested more than {MAX_DEPTH} levels deep here"


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # The root mapping is level 1 and the first [ level 2: level MAX_DEPTH + 1 is the MAX_DEPTH-th [.
        ("key: " + "[" * 100_000, 1, 6 + MAX_DEPTH - 1),
        ("élan: " + "[" * 5_000, 1, 7 + MAX_DEPTH - 1),  # columns count characters, not bytes
        ("a: " + "{a: " * 2_000, 1, 4 + 4 * (MAX_DEPTH - 1)),
        ("a:\n  - [1, [2, " + "[" * 3_000, 2, 12 + MAX_DEPTH - 3),
        ("a: " + "[" * 40 + "]" * 40, 1, 4 + MAX_DEPTH - 1),
    ],
)
def test_nesting_too_deep_is_reported_at_the_first_level_too_deep(text: str, line: int, column: int) -> None:
    """Not where libyaml's own limit of 1,000 levels stopped it (column 1,001 and beyond)."""
    problems = check_text("deep.yaml", text).problems
    assert [(problem.line, problem.column, problem.message) for problem in problems] == [(line, column, TOO_DEEP)]


def test_a_block_too_deep_is_reported_at_its_first_level_too_deep() -> None:
    text = "".join("  " * level + "k:\n" for level in range(40)) + "  " * 40 + "v\n"
    problems = check_text("deep.yaml", text).problems
    assert [(problem.line, problem.column) for problem in problems] == [(MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)]


def test_a_5000_digit_version_is_not_echoed_in_full() -> None:
    text = BANK.replace("lunarquiz: 1", "lunarquiz: " + "9" * 5000)
    assert messages("big.yaml", text) == [
        "big.yaml:1:12: error: unsupported format version '999999999999999999999999999999999999999…' "
        "(5,000 characters) (hint: write `lunarquiz: 1`)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "start"),
    [
        ("lunarquiz: 1", "lunarquiz: '" + "9" * 5000 + "'", "unsupported format version '999"),
        ("id: moon", "id: " + "Moon" * 25, "the bank id 'MoonMoon"),
        ("title: The Moon", "title: The Moon\n" + "x" * 90 + ": 1", "unknown field 'xxx"),
        ("answer: Neil Armstrong", "answer: " + "Buzz Aldrin " * 30 + "\n    wrong: [" + "Buzz Aldrin " * 30 + "]", ""),
        ("    wrong:", "    difficulty: " + "e" * 90 + "\n    wrong:", "unknown difficulty 'eee"),
        ("    wrong:", "    feedback: {" + "z" * 400 + ": nope}\n    wrong:", "feedback for 'zzz"),
        ("  - id: first", "  - id: first\n    " + "k" * 100 + ": 1\n    " + "k" * 100 + ": 2", "duplicate key 'kkk"),
        (
            "  - id: first",
            "  - id: " + "a" * 90 + "\n    prompt: P?\n    answer: x\n    wrong: [y]\n  - id: " + "a" * 90,
            "duplicate question id 'aaa",
        ),
    ],
    ids=["version", "id", "field", "answer-among-wrong", "difficulty", "feedback", "duplicate-key", "question-id"],
)
def test_every_message_that_quotes_the_file_quotes_at_most_40_characters(old: str, new: str, start: str) -> None:
    text = BANK.replace(old, new)
    assert text != BANK
    found = [problem.message for problem in check_text("big.yaml", text).problems]
    assert any(message.startswith(start) and "…" in message for message in found), found
    for message in found:
        assert len(message) < 200, message


@pytest.mark.parametrize(
    ("format_name", "text", "start"),
    [
        ("csv", "prompt,answer,wrong," + "c" * 3000 + "\nIs it cold?,yes,no,x\n", "unknown column 'ccc"),
        ("csv", "id,prompt,answer,wrong\n" + "Bad " * 500 + ",Is it cold?,yes,no\n", "the id 'Bad Bad"),
        ("csv", "prompt,answer,wrong,difficulty\nIs it cold?,yes,no," + "e" * 3000 + "\n", "unknown difficulty 'eee"),
        (
            "opentdb",
            '{"response_code": 0, "results": [{"type": "' + "t" * 5000 + '", "question": "Q?", '
            '"correct_answer": "a", "incorrect_answers": ["b"]}]}',
            'the question "Q?" has the type \'ttt',
        ),
    ],
    ids=["csv-column", "csv-id", "csv-difficulty", "opentdb-type"],
)
def test_importers_quote_at_most_40_characters_too(format_name: str, text: str, start: str) -> None:
    from lunarquiz.banks.importers import read_source

    found = [problem.message for problem in read_source(format_name, f"quiz.{format_name}", text).problems]
    assert any(message.startswith(start) and "…" in message for message in found), found
    for message in found:
        assert len(message) < 200, message
