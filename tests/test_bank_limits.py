"""The limits that bound what a bank can cost: a bank exactly at each limit loads, one past it is refused in place.

The worst cases are built in memory; ``python -m benchmarks --only limits`` measures what they cost.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
import yaml

from lunarquiz.banks import limits
from lunarquiz.banks.loader import Checked, check_text
from lunarquiz.banks.schema import bank_schema

LIMITS = {
    "MAX_CHOICES": 10,
    "MAX_TAGS": 10,
    "MAX_QUESTIONS": 10_000,
    "MAX_NODES": 250_000,
    "MAX_TEXT_CHARACTERS": 8_000_000,
}
"""The limits these tests were written for (the first test checks them, so that the others run on any code)."""

TEXT_LIMITS = {
    "id": 100,
    "title": 200,
    "description": 2_000,
    "language": 50,
    "source": 1_000,
    "prompt": 4_000,
    "choice": 500,
    "explanation": 4_000,
    "feedback": 2_000,
    "tag": 100,
    "difficulty": 100,
}
MAX_CHOICES = LIMITS["MAX_CHOICES"]
MAX_TAGS = LIMITS["MAX_TAGS"]
MAX_QUESTIONS = LIMITS["MAX_QUESTIONS"]
MAX_NODES = LIMITS["MAX_NODES"]
MAX_TEXT_CHARACTERS = LIMITS["MAX_TEXT_CHARACTERS"]

HEADER = "lunarquiz: 1\nid: limits\ntitle: Limits\nquestions:\n"
VALIDATOR = jsonschema.Draft202012Validator(bank_schema())


def question(qid: str = "q", *, answer: str = "right", wrong: list[str] | None = None, extra: str = "") -> str:
    """One question in block style; ``extra`` holds more field lines (4 spaces in)."""
    wrong = ["wrong"] if wrong is None else wrong
    return f"  - id: {qid}\n    prompt: Which?\n    answer: {answer}\n    wrong: [{', '.join(wrong)}]\n{extra}"


def check(text: str) -> Checked:
    return check_text("limits.yaml", text)


def errors(text: str) -> list[tuple[int, int, str]]:
    return [(problem.line, problem.column, problem.message) for problem in check(text).errors]


def place(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The 1-based line and column where the ``nth`` (0-based) ``needle`` starts in ``text``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    before = text[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1


def schema_accepts(text: str) -> bool:
    data: Any = yaml.load(text, Loader=yaml.CSafeLoader)
    return VALIDATOR.is_valid(data)


def test_the_limits_are_these() -> None:
    for name, value in LIMITS.items():
        assert getattr(limits, name, None) == value, name
    assert dict(getattr(limits, "TEXT_LIMITS", {})) == TEXT_LIMITS


# -- choices ---------------------------------------------------------------------


def wrong_choices(count: int) -> list[str]:
    return [f"w{number}" for number in range(1, count + 1)]


def test_a_question_of_the_most_choices_loads_and_the_schema_agrees() -> None:
    text = HEADER + question(wrong=wrong_choices(MAX_CHOICES - 1))
    bank = check(text).bank
    assert bank is not None and len(bank.questions[0].choices) == MAX_CHOICES
    assert schema_accepts(text)


def test_one_choice_too_many_is_refused_at_that_choice() -> None:
    text = HEADER + question(wrong=wrong_choices(MAX_CHOICES))
    assert errors(text) == [
        (
            *place(text, f"w{MAX_CHOICES}"),
            "question 'q' has 11 choices (1 right, 10 wrong); at most 10 are allowed, "
            "and this is the first one past the limit",
        )
    ]
    assert check(text).errors[0].hint == (
        "a question has at most 10 choices, right and wrong: remove some, or split the question"
    )
    assert not schema_accepts(text)


@pytest.mark.parametrize("right", range(1, MAX_CHOICES))
def test_multiple_response_counts_right_and_wrong_together(right: int) -> None:
    answers = ", ".join(f"r{number}" for number in range(1, right + 1))
    at_limit = HEADER + f"  - id: q\n    prompt: Which?\n    answers: [{answers}]\n"
    at_limit += f"    wrong: [{', '.join(wrong_choices(MAX_CHOICES - right))}]\n"
    assert check(at_limit).bank is not None and schema_accepts(at_limit)
    past = at_limit.replace("]\n", ", extra]\n").replace(f"answers: [{answers}, extra]", f"answers: [{answers}]")
    assert [message for _, _, message in errors(past)] == [
        f"question 'q' has 11 choices ({right} right, {MAX_CHOICES + 1 - right} wrong); at most 10 are allowed, "
        "and this is the first one past the limit"
    ]
    assert not schema_accepts(past)


def test_a_list_of_thousands_of_choices_is_refused_without_reading_them() -> None:
    text = HEADER + question(wrong=wrong_choices(20_000))
    assert errors(text) == [(*place(text, "w11"), "`wrong:` holds 20,000 items; at most 10 are allowed")]


def test_feedback_for_more_choices_than_a_question_has_is_refused() -> None:
    feedback = "    feedback:\n" + "".join(f"      w{n}: why\n" for n in range(1, MAX_CHOICES + 2))
    text = HEADER + question(wrong=wrong_choices(3), extra=feedback)
    assert errors(text) == [(*place(text, "w11: why"), "feedback for 11 choices; a question has at most 10")]


# -- tags --------------------------------------------------------------------------


def tags(count: int) -> str:
    return f"    tags: [{', '.join(f't{number}' for number in range(1, count + 1))}]\n"


def test_a_question_of_the_most_tags_loads_and_one_more_is_refused_at_it() -> None:
    at_limit = HEADER + question(extra=tags(MAX_TAGS))
    bank = check(at_limit).bank
    assert bank is not None and len(bank.questions[0].tags) == MAX_TAGS
    assert schema_accepts(at_limit)
    past = HEADER + question(extra=tags(MAX_TAGS + 1))
    assert errors(past) == [(*place(past, "t11"), "`tags:` holds 11 items; at most 10 are allowed")]
    assert check(past).errors[0].hint == "keep the 10 tags that matter most"
    assert not schema_accepts(past)


# -- characters per field --------------------------------------------------------------

FIELDS = {
    # field: (kind of limit, a bank with {} where the value goes, a character the value is made of)
    "bank id": ("id", HEADER.replace("id: limits", "id: {}") + question(), "a"),
    "title": ("title", HEADER.replace("title: Limits", "title: {}") + question(), "T"),
    "description": ("description", HEADER.replace("questions:", "description: {}\nquestions:") + question(), "d"),
    "language": ("language", HEADER.replace("questions:", "language: {}\nquestions:") + question(), "l"),
    "bank source": ("source", HEADER.replace("questions:", "source: {}\nquestions:") + question(), "s"),
    "question id": ("id", HEADER + question("{}"), "b"),
    "prompt": ("prompt", HEADER + question().replace("Which?", "{}"), "P"),
    "answer": ("choice", HEADER + question(answer="{}"), "A"),
    "wrong choice": ("choice", HEADER + question(wrong=["w1", "{}"]), "W"),
    "right choice": ("choice", HEADER + "  - id: q\n    prompt: Which?\n    answers: [r, {}]\n    wrong: [w]\n", "R"),
    "explanation": ("explanation", HEADER + question(extra="    explanation: {}\n"), "E"),
    "question source": ("source", HEADER + question(extra="    source: {}\n"), "S"),
    "tag": ("tag", HEADER + question(extra="    tags: [a, {}]\n"), "t"),
    "feedback": ("feedback", HEADER + question(extra="    feedback:\n      wrong: {}\n"), "F"),
}


@pytest.mark.parametrize("field", FIELDS)
def test_a_field_at_its_length_limit_loads_and_the_schema_agrees(field: str) -> None:
    kind, template, char = FIELDS[field]
    text = template.replace("{}", char * TEXT_LIMITS[kind])
    assert errors(text) == []
    assert schema_accepts(text)


@pytest.mark.parametrize("field", FIELDS)
def test_a_field_one_character_too_long_is_refused_at_its_place(field: str) -> None:
    kind, template, char = FIELDS[field]
    limit = TEXT_LIMITS[kind]
    text = template.replace("{}", char * (limit + 1))
    found = check(text).errors
    assert [(p.line, p.column) for p in found] == [place(text, char * (limit + 1))]
    assert found[0].message.endswith(f"is {limit + 1:,} characters long, over the limit of {limit:,}")
    assert found[0].hint.startswith(f"shorten it to {limit:,} characters or fewer")
    assert not schema_accepts(text)


def test_a_feedback_key_too_long_is_refused_as_a_choice() -> None:
    long = "K" * (TEXT_LIMITS["choice"] + 1)
    text = HEADER + question(wrong=[long], extra=f"    feedback:\n      {long}: why\n")
    found = check(text).errors
    assert [(p.line, p.column, p.message) for p in found] == [
        (*place(text, long), "a wrong choice is 501 characters long, over the limit of 500"),
        (*place(text, long, 1), "a feedback choice is 501 characters long, over the limit of 500"),
    ]


def test_a_difficulty_of_thousands_of_characters_is_not_echoed() -> None:
    text = HEADER + question(extra="    difficulty: " + "x" * 5000 + "\n")
    (problem,) = check(text).errors
    assert problem.message == "the difficulty is 5,000 characters long, over the limit of 100"
    assert len(problem.format()) < 300


# -- questions per bank -----------------------------------------------------------------


def many_questions(count: int) -> str:
    return HEADER + "".join(f"  - id: q{n}\n    prompt: p{n}\n    answer: true\n" for n in range(count))


def test_a_bank_of_the_most_questions_loads() -> None:
    bank = check(many_questions(MAX_QUESTIONS)).bank
    assert bank is not None and len(bank.questions) == MAX_QUESTIONS


def test_one_question_too_many_is_refused_at_it() -> None:
    text = many_questions(MAX_QUESTIONS + 1)
    (problem,) = check(text).errors
    assert (problem.line, problem.column) == place(text, f"id: q{MAX_QUESTIONS}\n")
    assert problem.message == (
        "the bank holds 10,001 questions; at most 10,000 are allowed, and this is the first one past the limit"
    )
    assert problem.hint == "split the bank into several files of at most 10,000 questions, by topic for example"
    assert bank_schema()["properties"]["questions"]["maxItems"] == MAX_QUESTIONS


# -- characters in a file -----------------------------------------------------------------


def scalar_characters(text: str) -> int:
    """Characters of every value and field name, as YAML reads them (the file's text, as the limit counts)."""
    events = yaml.parse(text, Loader=yaml.CSafeLoader)
    return sum(len(event.value) for event in events if isinstance(event, yaml.ScalarEvent))


def most_text(extra: int) -> tuple[str, str]:
    """A bank of exactly MAX_TEXT_CHARACTERS + ``extra`` characters, each field within its limit; its last value."""
    full = f"  - id: q{{:05d}}\n    prompt: {'P' * 3000}\n    answer: true\n    explanation: {'E' * 3000}\n"
    one = scalar_characters(HEADER + full.format(0)) - scalar_characters(HEADER + "  - a\n") + 1
    last = "  - id: last\n    prompt: {}\n    answer: true\n    explanation: {}\n"
    base = scalar_characters(HEADER + last.format("", ""))
    count = (MAX_TEXT_CHARACTERS - base - 2) // one
    body = "".join(full.format(n) for n in range(count))
    missing = MAX_TEXT_CHARACTERS + extra - scalar_characters(HEADER + body + last.format("", ""))
    prompt = max(1, missing - TEXT_LIMITS["explanation"])
    assert prompt <= TEXT_LIMITS["prompt"] and 0 < missing - prompt <= TEXT_LIMITS["explanation"]
    value = "L" * (missing - prompt)
    return HEADER + body + last.format("M" * prompt, value), value


def test_a_bank_of_the_most_characters_loads() -> None:
    text, _ = most_text(0)
    assert scalar_characters(text) == MAX_TEXT_CHARACTERS
    checked = check(text)
    assert checked.errors == () and checked.bank is not None


def test_one_character_too_many_is_refused_at_the_value_that_passes_the_limit() -> None:
    text, value = most_text(1)
    assert errors(text) == [
        (
            *place(text, value),
            "the file holds more than 8,000,000 characters of text; this value passes the limit",
        )
    ]
    assert check(text).errors[0].hint == "split the bank into several files (at most 8,000,000 characters each)"


# -- values in a file ---------------------------------------------------------------------


def values_of(text: str) -> int:
    """Values as the limit counts them: every scalar, list and mapping."""
    kinds = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
    return sum(isinstance(event, kinds) for event in yaml.parse(text, Loader=yaml.CSafeLoader))


def most_values(extra: int) -> str:
    """A valid bank of exactly MAX_NODES + ``extra`` values: mostly questions of 10 choices, 10 tags, feedback for each."""
    choices = wrong_choices(MAX_CHOICES - 1)
    feedback = ", ".join(f"{choice}: f" for choice in choices)
    tags = [f"t{number}" for number in range(MAX_TAGS)]

    def full(n: int) -> str:
        return (
            f"  - {{id: q{n}, prompt: p{n}, answer: r, wrong: [{', '.join(choices)}], explanation: e,"
            f" tags: [{', '.join(tags)}], feedback: {{{feedback}}}}}\n"
        )

    def true_false(n: int, tag_count: int) -> str:  # 9 values, and one for each tag
        return f"  - {{id: t{n}, prompt: t{n}, answer: true, tags: [{', '.join(['x'] * tag_count)}]}}\n"

    header = values_of(HEADER + "  - a\n") - 1
    per_question = values_of(HEADER + full(0)) - header
    target = MAX_NODES + extra - header
    count = (target - 18) // per_question
    lines = [full(n) for n in range(count)]
    left = target - count * per_question
    while left >= 28:
        lines.append(true_false(left, MAX_TAGS))
        left -= 9 + MAX_TAGS
    if left > 9 + MAX_TAGS:
        lines.append(true_false(left, 0))
        left -= 9
    lines.append(true_false(0, left - 9))
    return HEADER + "".join(lines)


@pytest.mark.slow
def test_a_bank_of_the_most_values_loads_and_one_more_is_refused_at_it() -> None:
    text = most_values(0)
    assert values_of(text) == MAX_NODES
    checked = check(text)
    assert checked.errors == () and checked.bank is not None
    past = most_values(1)
    assert values_of(past) == MAX_NODES + 1
    (problem,) = check(past).errors
    assert problem.message.startswith(f"the file holds more than {MAX_NODES:,} values")
    kinds = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
    last = [event for event in yaml.parse(past, Loader=yaml.CSafeLoader) if isinstance(event, kinds)][-1]
    assert (problem.line, problem.column) == (last.start_mark.line + 1, last.start_mark.column + 1)
