"""How big and how deep a bank file may be, so that no file can hang the game or exhaust its memory."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

MAX_BANK_BYTES = 32 * 1024 * 1024
"""The default size limit of a bank file: 32 MiB, about four times a bank at every other limit (8 MB)."""

MAX_BANK_BYTES_VARIABLE = "LUNARQUIZ_MAX_BANK_BYTES"
"""The environment variable that changes the size limit, in bytes (``64M`` and ``1G`` work too)."""

MAX_DEPTH = 32
"""How deeply lists and mappings may nest; a bank needs 5 levels (bank, questions, question, choices, text)."""

MAX_NODES = 250_000
"""How many values (texts, lists, mappings) a file may hold, counted before the tree is built.

Reading costs about 8 microseconds of processor time and 400 bytes a value, so this bounds
a bank's cost most of all (10,000 questions of 4 choices, 2 tags and every field take 21
values each, 214,000 in all; the worst file costs under 3 s of processor time:
``python -m benchmarks --only limits``). A question at every other limit (10 choices, 10
tags, feedback for each choice) takes 64 values: a bank of 3,000 of them is better split."""

MAX_QUESTIONS = 10_000
"""How many questions a bank may hold: a school's bank holds hundreds; more are better split by topic."""

MAX_CHOICES = 10
"""How many choices (right and wrong, as written) a question may have: every front end labels 10
(plain mode 1-10 and a-j, the game's keys 1-9, 0 and a-j)."""

MAX_TAGS = 10
"""How many tags a question may have."""

MAX_TEXT_CHARACTERS = 8_000_000
"""How many characters of text (every value and field name, as read) a file may hold, counted before the
tree is built: 800 for each of 10,000 questions (the generated benchmark bank has 300)."""

TEXT_LIMITS: Mapping[str, int] = {
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
"""The longest text, in characters, that each kind of field may hold (``choice``: an answer, a wrong
choice or a feedback key; ``id`` and ``source``: the bank's and each question's)."""

MAX_PROBLEMS = 1000
"""How many errors (and, apart, warnings) are listed for one file; checking stops after that many errors."""

_SIZE = re.compile(r"\s*(\d+)\s*([kmg]?)(?:i?b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def bank_byte_limit(given: int | None = None, environ: Mapping[str, str] | None = None) -> int:
    """The size limit in force: ``given`` when not None, else the environment variable, else the default.

    Raises ValueError, with a message for people, when the variable is not a size.
    """
    if given is not None:
        if given < 1:
            raise ValueError(f"the size limit must be at least 1 byte, not {given}")
        return given
    raw = (os.environ if environ is None else environ).get(MAX_BANK_BYTES_VARIABLE, "")
    if not raw.strip():
        return MAX_BANK_BYTES
    match = _SIZE.fullmatch(raw)
    if match is None or int(match.group(1)) < 1:
        raise ValueError(
            f"{MAX_BANK_BYTES_VARIABLE} is {raw!r}, which is not a size in bytes; "
            f"set it to a number like {MAX_BANK_BYTES} or 64M, or unset it for the default of 32M"
        )
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def describe_size(size: int) -> str:
    """A size in bytes as a person reads it: ``33,554,432 bytes (32.0 MiB)``."""
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    return f"{size:,} bytes ({size / 1024 / 1024:.1f} MiB)"
