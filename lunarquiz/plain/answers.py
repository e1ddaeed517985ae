"""Read what a player typed in plain mode: numbers or letters, one or several."""

from __future__ import annotations

import re

from lunarquiz.banks.limits import MAX_CHOICES

LETTERS = "abcdefghijklmnopqrstuvwxyz"[:MAX_CHOICES]
"""The letters of the choices, a for the first: one for each of the most choices a question may have."""


_SHOWN = 20
"""Characters of a mistyped answer quoted back."""


class AnswerError(ValueError):
    """Typed text that is not an answer; the message says what to type instead."""


def parse_answer(text: str, choices: int, *, multiple: bool) -> frozenset[int]:
    """The 0-based choice indexes in ``text``: ``2``, ``b``, or for several ``1 3`` / ``a, c``.

    Every choice has its number; the first ``len(LETTERS)`` have a letter too (all of them
    in a bank that loads: see ``limits.MAX_CHOICES``).
    """
    parts = [part for part in re.split(r"[\s,;]+", text.strip().lower()) if part]
    letters = LETTERS[:choices]
    how = f"a number from 1 to {choices}"
    if letters:
        how += f" or a letter from a to {letters[-1]}"
    if not parts:
        raise AnswerError(f"Type {how}, then press Enter.")
    picked = set()
    for part in parts:
        if part.isascii() and part.isdigit() and len(part) <= 9 and 1 <= int(part) <= choices:
            picked.add(int(part) - 1)
        elif len(part) == 1 and part in letters:
            picked.add(letters.index(part))
        else:
            shown = part if len(part) <= _SHOWN else part[: _SHOWN - 1] + "…"
            raise AnswerError(f"{shown!r} is not one of the choices. Type {how}.")
    if len(picked) > 1 and not multiple:
        raise AnswerError(f"This question takes one answer. Type {how}.")
    return frozenset(picked)
