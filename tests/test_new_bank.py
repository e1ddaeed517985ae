"""``lunarquiz new``: a commented starter bank that validates, and never a file overwritten unasked."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from pathlib import Path

import pytest

from lunarquiz.banks.format import QUESTION_SPEC
from lunarquiz.banks.loader import check_file
from lunarquiz.banks.starter import bank_id_for, starter_bank, title_for
from lunarquiz.commands import new_bank
from lunarquiz.core.model import Kind

from .conftest import ROOT


def run(path: Path, *, force: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = new_bank.run_new(str(path), force=force, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_starter_bank_validates_strictly_with_one_question_of_each_kind(tmp_path: Path) -> None:
    path = tmp_path / "moon-quiz.yaml"
    code, out, err = run(path)
    assert (code, err) == (0, "")
    assert out.startswith(f"wrote {path} (bank id 'moon-quiz')")
    checked = check_file(path)
    assert checked.problems == ()  # no errors, and no warnings either
    assert checked.bank is not None
    assert checked.bank.id == "moon-quiz"
    assert checked.bank.title == "Moon quiz"
    assert [question.kind for question in checked.bank.questions] == [Kind.SINGLE, Kind.TRUE_FALSE, Kind.MULTIPLE]


def test_every_question_field_is_shown_with_a_comment() -> None:
    lines = starter_bank("moon-quiz.yaml").splitlines()
    for field in QUESTION_SPEC:
        shown = [line for line in lines if line.lstrip(" -").startswith(f"{field.name}:")]
        assert shown, f"the starter bank does not show {field.name!r}"
    for name in ("lunarquiz", "id", "title", "description", "language", "source", "time_limit", "questions"):
        [line] = [line for line in lines if line.startswith(f"{name}:")]
        assert "#" in line, f"{name!r} has no comment"


def test_it_refuses_to_overwrite_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my own questions\n", encoding="utf-8")
    code, out, err = run(path)
    assert code == 1
    assert out == ""
    assert err == f"error: {path} already exists; choose another name, or add --force to replace it\n"
    assert path.read_text(encoding="utf-8") == "my own questions\n"


def test_force_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my own questions\n", encoding="utf-8")
    assert run(path, force=True)[0] == 0
    assert check_file(path).bank is not None


def test_it_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "banks" / "year 7" / "Phases of the Moon.yml"
    assert run(path)[0] == 0
    bank = check_file(path).bank
    assert bank is not None
    assert (bank.id, bank.title) == ("phases-of-the-moon", "Phases of the Moon")


def test_a_file_name_without_a_bank_suffix_is_refused(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "quiz.txt")
    assert code == 1
    assert "a bank file name ends in .yaml or .yml (try quiz.txt.yaml)" in err
    assert not (tmp_path / "quiz.txt").exists()


@pytest.mark.parametrize(
    ("name", "bank_id", "title"),
    [
        ("moon.yaml", "moon", "Moon"),
        ("My Moon Quiz.yaml", "my-moon-quiz", "My Moon Quiz"),
        ("géographie_5e.yaml", "geographie-5e", "Géographie 5e"),
        ("--.yaml", "my-bank", "My bank"),
        ("月.yaml", "my-bank", "月"),
    ],
)
def test_the_id_and_title_come_from_the_file_name(name: str, bank_id: str, title: str, tmp_path: Path) -> None:
    assert (bank_id_for(name), title_for(name)) == (bank_id, title)
    path = tmp_path / name
    assert run(path)[0] == 0
    assert check_file(path).problems == ()


def test_a_title_that_needs_quotes_is_quoted(tmp_path: Path) -> None:
    path = tmp_path / 'Moon: "the basics" #1.yaml'
    assert run(path)[0] == 0
    bank = check_file(path).bank
    assert bank is not None
    assert bank.title == 'Moon: "the basics" #1'


def test_the_new_subcommand_parses() -> None:
    parser = argparse.ArgumentParser(prog="lunarquiz")
    new_bank.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["new", "quiz.yaml", "--force"])
    assert (args.command, args.path, args.force) == ("new", "quiz.yaml", True)
    assert callable(args.handler)


def test_the_new_command_imports_no_textual(tmp_path: Path) -> None:
    code = (
        "import io, sys\nfrom lunarquiz.commands.new_bank import run_new\n"
        f"run_new({str(tmp_path / 'q.yaml')!r}, force=False, out=io.StringIO(), err=io.StringIO())\n"
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
