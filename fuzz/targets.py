"""What any input must lead to, through the bank loader and every importer: a valid bank, or located problems.

Each ``run_*`` function returns ``"accepted"`` or ``"rejected"``; anything else it
raises (an AssertionError for a broken promise, or any other exception) is a crash.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from lunarquiz.banks.importers import IMPORT_FORMATS, Imported, bank_yaml, build_bank, guess_format, read_source
from lunarquiz.banks.loader import Checked, check_text, decode
from lunarquiz.banks.problems import BankError, Problem
from lunarquiz.core.model import DIFFICULTIES, Bank, Kind, Question
from lunarquiz.core.text import clean_text

Outcome = Literal["accepted", "rejected"]

TARGETS = ("loader", *IMPORT_FORMATS)
"""Where an input goes: the YAML loader, then each importer."""

SUFFIXES = {"loader": ".yaml", "gift": ".gift", "aiken": ".aiken", "csv": ".csv", "opentdb": ".json"}


def run(target: str, data: bytes) -> Outcome:
    """Feed ``data`` to ``target`` (one of TARGETS) as a file would reach it: bytes, decoded as the loader does."""
    path = "fuzz" + SUFFIXES[target]
    text, problems = decode(path, data)
    if text is None:
        check_problems(path, problems, whole_file_ok=False)
        assert problems and problems[0].is_error
        return "rejected"
    if target == "loader":
        return run_loader(path, text)
    return run_importer(target, path, text)


def run_loader(path: str, text: str) -> Outcome:
    """Check ``text`` as a bank file: a bank of clean text and no errors, or at least one error with its place."""
    checked = check_text(path, text)
    assert isinstance(checked, Checked)
    check_problems(path, checked.problems, whole_file_ok=False)
    if checked.bank is None:
        assert checked.errors, "no bank, but no error says why"
        assert str(BankError(checked.errors))
        return "rejected"
    assert not checked.errors, "a bank loaded despite errors"
    check_bank(checked.bank)
    return "accepted"


def run_importer(format_name: str, path: str, text: str) -> Outcome:
    """Import ``text`` as ``format_name`` the way ``lunarquiz import`` does, and read the bank it writes back."""
    guess_format(path, text)
    imported = read_source(format_name, path, text)
    assert isinstance(imported, Imported)
    check_problems(path, imported.problems, whole_file_ok=True)
    assert imported.skipped >= 0
    if not imported.questions:
        return "rejected"
    for question in imported.questions:
        check_question(question, clean=False)
    bank = build_bank(imported, "fuzz", "Fuzz")
    written = bank_yaml(bank, path)  # raises ImportBug when the bank does not read back as itself
    return run_loader(path, written)


def check_problems(path: str, problems: Iterable[Problem], *, whole_file_ok: bool) -> None:
    """Every problem names the file and a place (line 0 only for the whole file), and prints safely."""
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == path
        assert problem.severity in ("error", "warning")
        assert isinstance(problem.message, str) and problem.message.strip()
        assert problem.line >= 0 and problem.column >= 0
        assert (problem.line == 0) == (problem.column == 0)
        if problem.line == 0 and not whole_file_ok:
            assert not problem.is_error or problem.message.startswith("YAML syntax"), f"no place: {problem}"
        shown = problem.format()
        assert clean_text(shown) == shown


def check_bank(bank: Bank) -> None:
    """A loaded bank: its rules hold and every text in it is safe to show."""
    assert bank.questions
    for text in (bank.id, bank.title, bank.description, bank.language, bank.source, *bank.tags):
        assert clean_text(text) == text, f"unclean bank text {text!r}"
    ids = [question.id for question in bank.questions]
    assert len(ids) == len(set(ids))
    for question in bank.questions:
        check_question(question, clean=True)


def check_question(question: Question, *, clean: bool) -> None:
    """A playable question: two choices or more, right ones apart from wrong ones; clean text when ``clean``."""
    assert question.prompt.strip() and question.answers
    assert len(question.choices) >= 2
    assert not set(question.answers) & set(question.wrong)
    assert question.difficulty in DIFFICULTIES
    if question.kind is Kind.TRUE_FALSE:
        assert question.answers in (("True",), ("False",))
    if clean:
        texts = [question.id, question.prompt, question.explanation, question.source, *question.choices, *question.tags]
        texts += [text for pair in question.feedback for text in pair]
        for text in texts:
            assert clean_text(text) == text, f"unclean question text {text!r}"
