"""Read what a player typed in plain mode: numbers or letters, one or several."""

from __future__ import annotations

import re

LETTERS = "abcdefghij"


class AnswerError(ValueError):
    """Typed text that is not an answer; the message says what to type instead."""


def parse_answer(text: str, choices: int, *, multiple: bool) -> frozenset[int]:
    """The 0-based choice indexes in ``text``: ``2``, ``b``, or for several ``1 3`` / ``a, c``."""
    parts = [part for part in re.split(r"[\s,;]+", text.strip().lower()) if part]
    last_letter = LETTERS[choices - 1]
    how = f"a number from 1 to {choices} or a letter from a to {last_letter}"
    if not parts:
        raise AnswerError(f"Type {how}, then press Enter.")
    picked = set()
    for part in parts:
        if part.isdigit() and 1 <= int(part) <= choices:
            picked.add(int(part) - 1)
        elif len(part) == 1 and part in LETTERS[:choices]:
            picked.add(LETTERS.index(part))
        else:
            raise AnswerError(f"{part!r} is not one of the choices. Type {how}.")
    if len(picked) > 1 and not multiple:
        raise AnswerError(f"This question takes one answer. Type {how}.")
    return frozenset(picked)
