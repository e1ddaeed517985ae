"""``lunarquiz validate``: the report, its summary line and the exit code."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from lunarquiz.commands.validate import run_validate

DATA = Path(__file__).parent / "data" / "validate"


@pytest.fixture(autouse=True)
def in_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)  # the report shows paths relative to the current folder


def validate(*paths: str, strict: bool = False) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_validate(list(paths), strict=strict, out=out)
    return code, out.getvalue().splitlines()


def test_a_clean_file_exits_0_with_a_summary() -> None:
    assert validate("clean.yaml") == (0, ["ok: 1 file checked, 2 questions loaded, 0 errors"])


def test_a_file_with_errors_lists_every_one_then_the_summary_and_exits_1() -> None:
    code, lines = validate("many-problems.yaml")
    assert code == 1
    assert lines == [
        "many-problems.yaml:2:5: error: the bank id 'Moon Facts' is not a valid id"
        " (hint: use lowercase letters, digits and dashes, like 'moon-facts')",
        "many-problems.yaml:8:19: error: the answer 'Earth' is also listed among the wrong choices"
        " (hint: a choice is either right or wrong; remove it from `wrong:`)",
        "many-problems.yaml:9:5: error: unknown field 'explanaton' in a question (hint: did you mean 'explanation'?)",
        "many-problems.yaml:10:9: error: duplicate question id 'orbit'"
        " (hint: the first 'orbit' is at line 5, column 9; ids must be unique in a bank)",
        "many-problems.yaml:13:5: error: question 'orbit' is true/false, so it takes no 'wrong' choices"
        " (hint: remove `wrong:`, or put the answer in quotes to make it text)",
        "many-problems.yaml:14:5: error: question 'size' has no answer"
        " (hint: add `answer: ...` for one right choice or true/false, or `answers: [...]` for several)",
        "many-problems.yaml:18:5: error: duplicate key 'difficulty'"
        " (hint: the first 'difficulty' is at line 17, column 5; keep one)",
        "failed: 1 file checked, 0 questions loaded, 7 errors",
    ]


def test_warnings_are_shown_only_with_strict() -> None:
    assert validate("warnings.yaml") == (0, ["ok: 1 file checked, 1 questions loaded, 0 errors"])
    assert validate("warnings.yaml", strict=True) == (
        1,
        [
            "warnings.yaml:5:5: warning: the question has no explanation"
            " (hint: players learn most from an explanation after they answer)",
            "warnings.yaml:8:19: warning: the choice 'Mars' is listed twice"
            " (hint: players would see it twice: remove one)",
            "failed: 1 file checked, 1 questions loaded, 0 errors, 2 warnings",
        ],
    )


def test_strict_on_a_clean_file() -> None:
    assert validate("clean.yaml", strict=True) == (0, ["ok: 1 file checked, 2 questions loaded, 0 errors, 0 warnings"])


def test_files_and_folders_together() -> None:
    code, lines = validate("clean.yaml", "folder", "many-problems.yaml")
    assert code == 1
    assert lines[-1] == "failed: 4 files checked, 6 questions loaded, 7 errors"
    assert {line.split(":")[0] for line in lines[:-1]} == {"many-problems.yaml"}


def test_a_folder_is_searched_for_yaml_and_yml_files() -> None:
    assert validate("folder") == (0, ["ok: 2 files checked, 4 questions loaded, 0 errors"])


def test_a_missing_file_is_an_error() -> None:
    assert validate("nope.yaml") == (
        1,
        ["nope.yaml: error: no such file", "failed: 1 file checked, 0 questions loaded, 1 error"],
    )


def test_a_folder_without_banks(tmp_path: Path) -> None:
    assert validate(str(tmp_path)) == (1, ["no bank files found (bank files end in .yaml or .yml)"])


def test_the_builtin_banks_are_clean_even_with_strict() -> None:
    code, lines = validate(strict=True)
    assert code == 0, lines
    assert lines[-1].startswith("ok: ")
