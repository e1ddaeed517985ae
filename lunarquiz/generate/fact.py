"""A fact found in a sentence: what kind it is, the words that state it, and where they are."""

from __future__ import annotations

from dataclasses import dataclass

NUMERIC_KINDS = frozenset({"year", "date", "money", "number"})
"""The kinds of fact that are numbers: the only ones a heading or a label line gives."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact, found at ``sentence_text[start:end]``."""

    kind: str
    """The tag of its questions: year, date, money, number, person, organisation, place, mission, ..., acronym."""
    group: str
    """Which facts make wrong choices for it: ``country``, ``agency``, ``year``, ``number:km``, ..."""
    text: str
    """The words of the article that state it: the right answer."""
    start: int
    end: int
    short: str = ""
    """For an acronym fact: the acronym (``text`` is the long name)."""

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this fact's words share a character with ``[start, end)``."""
        return self.start < end and start < self.end
