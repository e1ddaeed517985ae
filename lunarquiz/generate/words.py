"""Word lists written the way people read them: one string of words separated by spaces."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, as a set."""
    return frozenset(text.split())


def word_list(text: str) -> tuple[str, ...]:
    """The words of ``text``, in order."""
    return tuple(text.split())
