"""Read an Open Trivia DB API response: ``{"response_code": 0, "results": [...]}``.

Each result has ``type`` (``multiple`` or ``boolean``), ``difficulty``, ``category``,
``question``, ``correct_answer`` and ``incorrect_answers``. Text comes HTML-escaped
(``&quot;``, ``&#039;``), or URL- or base64-encoded when the API was asked for that;
all three are decoded. The category becomes a tag, and the difficulty is kept.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
from collections.abc import Callable
from urllib.parse import unquote

from lunarquiz.banks.importers import Imported, Reader, problem, shorten, slug, unique
from lunarquiz.banks.problems import QUOTE_LENGTH, quote
from lunarquiz.core.model import DIFFICULTIES, TRUE_FALSE_CHOICES, Kind, Question

RESPONSE_CODES = {
    1: "no results: the API has fewer questions than were asked for",
    2: "invalid parameter in the request",
    3: "session token not found",
    4: "session token used up: reset it",
    5: "rate limit: wait five seconds between requests",
}
"""What Open Trivia DB's non-zero response codes mean."""

_TYPES = ("multiple", "boolean")
_URL_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


class _LongInteger(float):
    """A JSON integer too long for Python to convert (over 4,300 digits): the float it rounds to, named by its length.

    That is what JSON numbers too large for a float already become (``1e999`` is infinity),
    so no number fails the whole file; where a number matters, a wrong one is reported.
    """

    digits: int

    def __new__(cls, text: str) -> _LongInteger:
        made = super().__new__(cls, float(text))
        made.digits = len(text.lstrip("-"))
        return made

    def __repr__(self) -> str:
        return f"a number of {self.digits:,} digits"


def _integer(digits: str) -> int | float:
    """A JSON integer as an int, or a :class:`_LongInteger` when Python refuses to convert it."""
    try:
        return int(digits)
    except ValueError:
        return _LongInteger(digits)


_DECODER = json.JSONDecoder(parse_int=_integer)


def read_opentdb(path: str, text: str) -> Imported:
    """The questions in an Open Trivia DB response; a bad result is reported with its line and left out."""
    try:
        data = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        return Imported((), (problem(path, error.lineno, f"not valid JSON: {error.msg} (column {error.colno})"),))
    except RecursionError:
        return Imported((), (problem(path, 0, "not valid JSON: nested too deeply"),))
    results: object = data
    if isinstance(data, dict):
        code = data.get("response_code", 0)
        if code != 0:
            meaning = RESPONSE_CODES.get(code, "unknown code") if isinstance(code, int) else "unknown code"
            shown = repr(code)
            if len(shown) > QUOTE_LENGTH:
                shown = f"{shown[: QUOTE_LENGTH - 1]}… ({len(shown):,} characters)"
            return Imported((), (problem(path, 1, f"Open Trivia DB answered response_code {shown}: {meaning}"),))
        results = data.get("results")
    if not isinstance(results, list):
        return Imported(
            (), (problem(path, 1, "no 'results' list", 'an Open Trivia DB response looks like {"results": [...]}'),)
        )
    lines = _item_lines(text, len(results))
    reader = _ResultReader(path)
    for item, line in zip(results, lines, strict=True):
        reader.result(line, item)
    if not results:
        reader.problems.append(problem(path, 1, "the 'results' list is empty"))
    return Imported(tuple(reader.questions), tuple(reader.problems), reader.skipped)


class _ResultReader(Reader):
    """Turns results into questions."""

    def result(self, line: int, item: object) -> None:
        if not isinstance(item, dict):
            self.skip(line, "a result must be an object with type, question, correct_answer and incorrect_answers")
            return
        decode = _decoder(item)
        strings = {name: item.get(name) for name in ("type", "question", "correct_answer", "difficulty", "category")}
        wrong_items = item.get("incorrect_answers", [])
        if not all(value is None or isinstance(value, str) for value in strings.values()) or not (
            isinstance(wrong_items, list) and all(isinstance(value, str) for value in wrong_items)
        ):
            self.skip(line, "a result field has the wrong type", "type, question and answers are strings")
            return
        value = {name: decode(text).strip() if isinstance(text, str) else "" for name, text in strings.items()}
        prompt, answer, kind_name = value["question"], value["correct_answer"], value["type"]
        label = f'the question "{shorten(prompt)}"'
        if not prompt or not answer:
            self.skip(line, "a result has no question or no correct_answer")
            return
        if kind_name not in _TYPES:
            self.skip(line, f"{label} has the type {quote(kind_name)}", "the types are multiple and boolean")
            return
        wrong = unique([decode(text).strip() for text in wrong_items if decode(text).strip()])
        if kind_name == "boolean":
            words = {choice.lower(): choice for choice in TRUE_FALSE_CHOICES}
            right = words.get(answer.lower())
            if right is None:
                self.skip(
                    line, f"{label} is boolean but its answer is {quote(answer)}", "a boolean answer is True or False"
                )
                return
            kind, answers, others = Kind.TRUE_FALSE, (right,), tuple(c for c in TRUE_FALSE_CHOICES if c != right)
        else:
            if answer in wrong:
                self.skip(line, f'{label} lists "{shorten(answer, 40)}" as both correct and incorrect')
                return
            if not wrong:
                self.skip(line, f"{label} has no incorrect_answers")
                return
            kind, answers, others = Kind.SINGLE, (answer,), tuple(wrong)
        difficulty = value["difficulty"].lower() or "medium"
        if difficulty not in DIFFICULTIES:
            self.problems.append(
                problem(
                    self.path, line, f"unknown difficulty {quote(difficulty)}; the question is medium", warning=True
                )
            )
            difficulty = "medium"
        tag = slug(value["category"])
        question = Question(
            id=self.ids.for_prompt(prompt),
            prompt=prompt,
            kind=kind,
            answers=answers,
            wrong=others,
            difficulty=difficulty,
            tags=(tag,) if tag else (),
        )
        self.keep(line, question)


def _decoder(item: dict[object, object]) -> Callable[[str], str]:
    """How this result's text is encoded: base64 or URL encoding when asked for, else HTML entities."""
    kind = item.get("type")
    if isinstance(kind, str) and kind not in _TYPES and _base64(kind) in _TYPES:
        return _base64
    question = item.get("question")
    if isinstance(question, str) and " " not in question and _URL_ESCAPE.search(question):
        return unquote
    return html.unescape


def _base64(text: str) -> str:
    try:
        return base64.b64decode(text, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):  # not base64 (ValueError: non-ASCII text; covers UnicodeDecodeError)
        return text


def _item_lines(text: str, count: int) -> list[int]:
    """The line each result starts on (0 for every result when the layout cannot be followed)."""
    decoder = _DECODER
    starts: list[int] = []
    try:
        index = _skip_space(text, 0)
        if text.startswith("{", index):
            index = _skip_space(text, index + 1)
            while not text.startswith("}", index):
                key, index = decoder.raw_decode(text, index)
                index = _skip_space(text, _skip_space(text, index) + 1)  # past the colon
                if key == "results":
                    break
                _, index = decoder.raw_decode(text, index)
                index = _skip_space(text, index)
                index = _skip_space(text, index + 1) if text.startswith(",", index) else index
        if text.startswith("[", index):
            index = _skip_space(text, index + 1)
            while len(starts) < count:
                starts.append(index)
                _, index = decoder.raw_decode(text, index)
                index = _skip_space(text, index)
                index = _skip_space(text, index + 1)
    except (ValueError, RecursionError):
        return [0] * count
    if len(starts) != count:
        return [0] * count
    lines, line, counted = [], 1, 0
    for start in starts:
        line += text.count("\n", counted, start)
        counted = start
        lines.append(line)
    return lines


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index
