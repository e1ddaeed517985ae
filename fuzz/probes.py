"""The values worth trying: counts around the bank limits, awkward ids, texts and numbers.

The limits come from ``lunarquiz.banks.limits`` when it names them (choices per question,
characters per field, questions per bank, characters per bank), so that every generator
probes one below, at and one past each; a limit it does not name is probed at sizes past
any sensible one.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from lunarquiz.banks import limits

_NAMES = {
    "choices": ("MAX_CHOICES",),
    "field": ("MAX_FIELD_CHARS", "MAX_FIELD_CHARACTERS", "MAX_TEXT_CHARS", "MAX_FIELD_LENGTH", "MAX_TEXT_LENGTH"),
    "questions": ("MAX_QUESTIONS",),
    "total": ("MAX_TEXT_CHARACTERS", "MAX_TOTAL_CHARS", "MAX_TOTAL_CHARACTERS", "MAX_BANK_CHARACTERS"),
    "tags": ("MAX_TAGS",),
    "nodes": ("MAX_NODES",),
}
_WORDS = {
    "choices": ("CHOICE",),
    "field": ("FIELD",),
    "questions": ("QUESTION",),
    "total": ("TOTAL",),
    "tags": ("TAGS",),
    "nodes": ("NODES",),
}
_STAND_INS = {"choices": 1_000, "field": 100_000, "questions": 20_000, "total": 10_000_000, "tags": 100, "nodes": 10**6}
"""Sizes to probe while lunarquiz names no such limit: well past what a bank should hold."""


def known_limit(kind: str) -> int | None:
    """The limit of ``kind`` (``choices``, ``field``, ``questions``, ``total``, ``tags``, ``nodes``), or None.

    ``field`` is the longest prompt when lunarquiz limits each kind of field apart (``TEXT_LIMITS``).
    """
    if kind == "field":
        return text_limit("prompt")
    for name in _NAMES[kind]:
        value = getattr(limits, name, None)
        if isinstance(value, int):
            return value
    for name in dir(limits):  # a name this file did not foresee, like MAX_CHOICES_PER_QUESTION
        value = getattr(limits, name)
        if name.startswith("MAX_") and isinstance(value, int) and all(word in name for word in _WORDS[kind]):
            return value
    return None


def text_limit(field: str) -> int | None:
    """The most characters a field of this kind (``prompt``, ``choice``, ``id``, ``tag`` ...) may hold, or None."""
    per_field = getattr(limits, "TEXT_LIMITS", None)
    if isinstance(per_field, Mapping) and isinstance(per_field.get(field), int):
        return int(per_field[field])
    for name in _NAMES["field"]:
        value = getattr(limits, name, None)
        if isinstance(value, int):
            return value
    return None


def limit_or_stand_in(kind: str) -> int:
    """The limit of ``kind``, or a size well past any sensible one when lunarquiz has none."""
    return known_limit(kind) or _STAND_INS[kind]


def around(limit: int) -> list[int]:
    """One below, at and one past ``limit``."""
    return [max(limit - 1, 0), limit, limit + 1]


def choice_count(rng: random.Random) -> int:
    """How many choices a question gets: mostly a few, sometimes 10 to 27 (labels), sometimes at the limit."""
    pick = rng.random()
    if pick < 0.55:
        return rng.choice([0, 1, 2, 2, 3, 4, 4, 5, 6])
    if pick < 0.85:
        return rng.choice([9, 10, 11, 12, 25, 26, 27, 36, 37, 62, 63])
    if pick < 0.97:
        return rng.choice(around(limit_or_stand_in("choices")))
    return rng.choice([5_000, 20_000])


def question_count(rng: random.Random) -> int:
    """How many questions a file gets: mostly a few, rarely around the limit."""
    pick = rng.random()
    if pick < 0.9:
        return rng.choice([0, 1, 1, 2, 2, 3, 3, 5, 8, 30])
    if pick < 0.98:
        return rng.choice([200, 1_000])
    return rng.choice(around(limit_or_stand_in("questions")))


def field_length(rng: random.Random, field: str = "prompt") -> int:
    """A long field's length: at the limit of characters for that field, one either side, or far past it."""
    limit = text_limit(field) or _STAND_INS["field"]
    return rng.choice([*around(limit), 2 * limit, 5_000, 70_000])


WORDS = ("moon", "Mars", "NASA", "Roscosmos", "Apollo 11", "Why?", "the", "x", "True", "False", "1969", "é", "中")

ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200b\u200c\u200d", "\u00ad", "\u034f")
"""Zero-width and invisible characters: a text of only these is blank to the eye."""

AWKWARD = (
    "",
    " ",
    "  \t ",
    "\n",
    *ZERO_WIDTH,
    "yes\u200b",
    "\u200byes",
    "y\u200des",
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x07",
    "\x00",
    "\x7f",
    "\x9b2J",
    "\u202eevil",
    "\u2066x\u2069",
    "\u2028",
    "e\u0301",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "[bold]x[/bold]",
    "[link=file:///etc/passwd]x[/link]",
    "[/]",
    "[@click=app.quit]x[/]",
    "{=a ~b}",
    "::x::",
    "A) ",
    "ANSWER: A",
    '"',
    "'",
    "\\",
    ",",
    ";",
    '=HYPERLINK("x")',
    "&quot;",
    "%20",
    "null",
    "~",
    "yes",
    "on",
    "1e400",
    "-0",
    ".nan",
    "0x1F",
    "12:30",
    "2001-12-14",
)
"""Texts that have broken or could break some reader or screen."""

IDS = ("q1", "q1", "Q1", "", "-", "q-1", "-q", "q_1", "é", "ｑ１", "q" * 100, "1" * 5000, "a b", "q1\u200b", "0")
"""Question ids: repeated, differing only by case or an invisible character, empty, not ids at all."""

NUMBERS = (
    "0",
    "1",
    "-1",
    "20",
    "3600",
    "3600.0001",
    "0.0001",
    "1e400",
    "-1e400",
    ".nan",
    ".inf",
    "-.inf",
    "1_000",
    "0x10",
    "0o17",
    "1.5",
    "true",
    "null",
    "'20'",
    "9" * 5000,
    "-" + "9" * 5000,
    "0." + "1" * 5000,
)
"""Numbers as they would appear in a file: huge digit strings, negatives, floats, NaN, infinities."""


def text(rng: random.Random, *, awkward: float = 0.2) -> str:
    """A short text: words, with awkward pieces among them now and then."""
    count = rng.randint(1, 4)
    pieces = [rng.choice(AWKWARD) if rng.random() < awkward else rng.choice(WORDS) for _ in range(count)]
    return " ".join(pieces)


def distinct_texts(rng: random.Random, count: int, *, awkward: float = 0.1, wild: bool = True) -> list[str]:
    """``count`` texts, different from each other unless chance (or, when ``wild``, a look-alike) repeats one."""
    made = [f"{text(rng, awkward=awkward)} {number}" for number in range(count)]
    if not wild:
        return made
    if count >= 2 and rng.random() < 0.1:
        made[1] = made[0] + rng.choice(ZERO_WIDTH)  # a look-alike of the first choice
    if count >= 1 and rng.random() < 0.05:
        made[0] = rng.choice(ZERO_WIDTH)  # a choice made only of zero-width characters
    return made


def pick(rng: random.Random, options: Sequence[str]) -> str:
    return options[rng.randrange(len(options))]
