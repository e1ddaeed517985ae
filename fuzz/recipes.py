"""Named, parameterised inputs: the worst cases that are too large to keep as files, remade from a few numbers.

A corpus entry ``{"recipe": "many_choices", "choices": 20000}`` stands for a 129 KB bank;
``make({...})`` builds it again. The ``at_limit`` recipe reads the limit when it runs, so an
entry follows lunarquiz's limits when they change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fuzz import probes
from fuzz.cases import FORMATS, FuzzInput
from fuzz.formats import Draft, Node, Raw, aiken, bank_yaml, csv_text, gift, opentdb

Recipe = Callable[..., tuple[str, bytes]]
"""Keyword parameters in; the format and the bytes out."""


def write(format_name: str, drafts: list[Draft], **yaml_options: Any) -> bytes:
    """``drafts`` in ``format_name``, written the plain way (no random quoting)."""
    if format_name == "yaml":
        text = bank_yaml(drafts, **yaml_options)
    elif format_name == "gift":
        text = gift(drafts)
    elif format_name == "aiken":
        text = aiken(drafts)
    elif format_name == "csv":
        text = csv_text(drafts)
    elif format_name == "opentdb":
        text = opentdb(drafts)
    else:
        raise ValueError(f"unknown format {format_name!r}; the formats are {', '.join(FORMATS)}")
    return text.encode("utf-8", "surrogatepass")


def choices_of(count: int) -> tuple[list[str], list[str]]:
    """One right answer and ``count - 1`` wrong ones (none at all when ``count`` is 0)."""
    texts = [f"c{number}" for number in range(count)]
    return texts[:1], texts[1:]


def many_choices(choices: int, format: str = "yaml") -> tuple[str, bytes]:
    """One question with ``choices`` choices (issue 13, items 3 and 4)."""
    answers, wrong = choices_of(choices)
    return format, write(format, [Draft("Which one?", answers, wrong)])


def many_questions(questions: int, format: str = "yaml", same_prompt: bool = False) -> tuple[str, bytes]:
    """``questions`` questions of four choices, every prompt the same when ``same_prompt`` (item 9)."""
    drafts = [
        Draft("Which one?" if same_prompt else f"Which one, number {number}?", ["right"], ["w1", "w2", "w3"])
        for number in range(questions)
    ]
    return format, write(format, drafts)


def short_values(values: int) -> tuple[str, bytes]:
    """A bank holding ``values`` short values: questions of one-letter choices, ten values each (item 4)."""
    drafts = [Draft(f"p{n}", ["a"], ["b", "c", "d", "e", "f", "g"], id=f"q{n}") for n in range(values // 10)]
    return "yaml", write("yaml", drafts)


def long_scalars(total: int, field_chars: int = 1_000_000) -> tuple[str, bytes]:
    """A bank of about ``total`` bytes, most of it in explanations of ``field_chars`` characters (item 4)."""
    drafts = []
    for number in range(max(1, total // field_chars)):
        drafts.append(Draft(f"p{number}", ["a"], ["b"], extra=[("explanation", "x" * field_chars)]))
    return "yaml", write("yaml", drafts)


def long_field(chars: int, field: str = "prompt", format: str = "yaml") -> tuple[str, bytes]:
    """One question whose ``field`` (prompt, answer, wrong) has ``chars`` characters."""
    long = ("Why " * (chars // 4 + 1))[:chars]
    made = Draft(long if field == "prompt" else "Which?", [long if field == "answer" else "a"], ["b"])
    if field == "wrong":
        made.wrong = [long]
    return format, write(format, [made])


def big_number(digits: int, where: str = "question", format: str = "opentdb") -> tuple[str, bytes]:
    """A number of ``digits`` digits as a JSON value (Open Trivia DB) or a bank's version or time limit (item 11)."""
    number = "9" * digits
    if format == "opentdb":
        placeholder = {"question": "__n__"}.get(where, "__n__")
        return format, opentdb([Draft(placeholder, ["a"], ["b"])], {"__n__": number}).encode()
    version: Node = Raw(number) if where == "version" else Raw("1")
    extra = [("time_limit", Raw(number))] if where == "time_limit" else []
    return "yaml", write("yaml", [Draft("Which?", ["a"], ["b"], extra=list(extra))], version=version)


def zero_width(where: str = "prompt", format: str = "yaml") -> tuple[str, bytes]:
    """A prompt or a choice made only of zero-width characters, or two choices that look the same (item 11)."""
    blank = "\u200b\u200c\u200d"
    if where == "prompt":
        made = Draft(blank, ["yes"], ["no"])
    elif where == "choice":
        made = Draft("Which?", ["yes"], [blank])
    else:
        made = Draft("Which?", ["yes"], ["yes\u200b"])
    return format, write(format, [made])


def deep(depth: int, flow: bool = False) -> tuple[str, bytes]:
    """A bank whose explanation nests lists ``depth`` levels deep (item 11: where the error is reported)."""
    if flow or depth > 200:  # block style is written recursively: deep ones in flow style
        value: Node = Raw("[" * depth + "x" + "]" * depth)
    else:
        value = "x"
        for _ in range(depth):
            value = [value]
    return "yaml", write("yaml", [Draft("Which?", ["a"], ["b"], extra=[("explanation", value)])])


def pipe(format: str = "yaml") -> tuple[str, bytes]:
    """A small valid file, staged as a named pipe nobody writes to (item 11: a FIFO as ``--bank``)."""
    return format, write(format, [Draft("Which?", ["a"], ["b"])])


def at_limit(kind: str, offset: int = 0, format: str = "yaml") -> tuple[str, bytes]:
    """The worst case at a limit of lunarquiz, plus ``offset``.

    ``kind``: ``choices`` per question, characters of a ``field`` (a prompt) or a ``choice``,
    ``questions`` per bank, ``total`` characters of a bank.
    """
    known = probes.text_limit("choice") if kind == "choice" else probes.known_limit(kind)
    size = max(0, (known or probes.limit_or_stand_in("field" if kind == "choice" else kind)) + offset)
    if kind == "choices":
        return many_choices(size, format)
    if kind == "field":
        return long_field(size, "prompt", format)
    if kind == "choice":
        return long_field(size, "answer", format)
    if kind == "questions":
        return many_questions(size, format)
    if kind == "total":
        per_field = probes.text_limit("explanation") or probes.limit_or_stand_in("field")
        return long_scalars(size, min(per_field, size))
    raise ValueError(f"unknown limit {kind!r}: choices, field, choice, questions or total")


RECIPES: dict[str, Recipe] = {
    "many_choices": many_choices,
    "many_questions": many_questions,
    "short_values": short_values,
    "long_scalars": long_scalars,
    "long_field": long_field,
    "big_number": big_number,
    "zero_width": zero_width,
    "deep": deep,
    "pipe": pipe,
    "at_limit": at_limit,
}


def make(recipe: dict[str, Any]) -> FuzzInput:
    """The input a recipe describes: ``{"recipe": name, **parameters}``."""
    parameters = {key: value for key, value in recipe.items() if key not in ("recipe", "note", "expect")}
    format_name, data = RECIPES[recipe["recipe"]](**parameters)
    return FuzzInput(recipe["recipe"], format_name, data, fifo=recipe["recipe"] == "pipe", recipe=dict(recipe))
