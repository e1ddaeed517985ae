"""What every outcome must be: problems with a place and a short message, banks of clean, visible text within the limits."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from fuzz import probes
from lunarquiz.banks.problems import Problem
from lunarquiz.core.model import DIFFICULTIES, Bank, Kind, Question
from lunarquiz.core.text import clean_text

MAX_MESSAGE = 500
"""Characters at most in a problem's message or hint: a message quotes a piece of the file, never all of it."""

_INVISIBLE = {"Cf", "Mn", "Me", "Zs", "Zl", "Zp", "Cc"}


def check_problems(path: str, problems: Iterable[Problem], *, whole_file_ok: bool) -> None:
    """Every problem names the file and a place (line 0 only for the whole file), is short, and prints safely."""
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == path
        assert problem.severity in ("error", "warning")
        assert isinstance(problem.message, str) and problem.message.strip()
        assert problem.line >= 0 and problem.column >= 0
        assert (problem.line == 0) == (problem.column == 0)
        if problem.line == 0 and not whole_file_ok:
            assert not problem.is_error or problem.message.startswith("YAML syntax"), f"no place: {problem}"
        assert len(problem.message) <= MAX_MESSAGE, f"a message of {len(problem.message):,} characters"
        assert len(problem.hint) <= MAX_MESSAGE, f"a hint of {len(problem.hint):,} characters"
        shown = problem.format()
        assert clean_text(shown) == shown


def visible(text: str) -> bool:
    """Whether ``text`` shows something: not only spaces, zero-width, format or combining characters."""
    return any(unicodedata.category(char) not in _INVISIBLE for char in text)


def as_seen(text: str) -> str:
    """``text`` as the eye sees it: format characters (zero-width and the like) dropped, composed (NFC)."""
    return unicodedata.normalize("NFC", "".join(char for char in text if unicodedata.category(char) != "Cf"))


def check_bank(bank: Bank) -> None:
    """A loaded bank: its rules hold, every text in it is safe to show, and it is within lunarquiz's limits."""
    assert bank.questions
    for text in (bank.id, bank.title, bank.description, bank.language, bank.source, *bank.tags):
        assert clean_text(text) == text, f"unclean bank text {text!r}"
    ids = [question.id for question in bank.questions]
    assert len(ids) == len(set(ids))
    for question in bank.questions:
        check_question(question, clean=True)
    check_limits(bank)


def check_question(question: Question, *, clean: bool) -> None:
    """A playable question: two choices or more, right ones apart from wrong ones, each visible and unlike the others."""
    assert question.prompt.strip() and question.answers
    assert len(question.choices) >= 2
    assert not set(question.answers) & set(question.wrong)
    assert question.difficulty in DIFFICULTIES
    if question.kind is Kind.TRUE_FALSE:
        assert question.answers in (("True",), ("False",))
    assert visible(question.prompt), f"a prompt blank to the eye: {question.prompt!r}"
    for choice in question.choices:
        assert visible(choice), f"a choice blank to the eye: {choice!r}"
    seen = [as_seen(choice) for choice in question.choices]
    assert len(set(seen)) == len(seen), f"two choices that look the same: {question.choices!r}"
    if clean:
        texts = [question.id, question.prompt, question.explanation, question.source, *question.choices, *question.tags]
        texts += [text for pair in question.feedback for text in pair]
        for text in texts:
            assert clean_text(text) == text, f"unclean question text {text!r}"


def check_limits(bank: Bank) -> None:
    """A bank that loaded holds no more than lunarquiz's limits allow (those lunarquiz names)."""
    most_choices = probes.known_limit("choices")
    most_questions = probes.known_limit("questions")
    most_tags = probes.known_limit("tags")
    if most_questions is not None:
        assert len(bank.questions) <= most_questions, f"{len(bank.questions):,} questions loaded"
    for question in bank.questions:
        if most_choices is not None:
            assert len(question.choices) <= most_choices, f"a question of {len(question.choices):,} choices loaded"
        if most_tags is not None:
            assert len(question.tags) <= most_tags, f"a question of {len(question.tags):,} tags loaded"
        fields = [("prompt", question.prompt), ("explanation", question.explanation), ("id", question.id)]
        fields += [("choice", choice) for choice in question.choices] + [("tag", tag) for tag in question.tags]
        for kind, text in fields:
            longest = probes.text_limit(kind)
            assert longest is None or len(text) <= longest, f"a {kind} of {len(text):,} characters loaded"
