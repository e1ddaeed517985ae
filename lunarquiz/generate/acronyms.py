"""Acronyms and their long names (``International Space Station (ISS)``), and look-alike long names."""

from __future__ import annotations

import re
from random import Random

from lunarquiz.generate.fact import Fact

_ACRONYM = r"[A-Z][A-Z0-9&]*[A-Z]"
_LONG_BEFORE = (
    re.compile(rf"\(({_ACRONYM})\)"),  # Long Name (ACR)
    re.compile(rf"(?<=\w),? or (?:the )?({_ACRONYM})\b"),  # long name or ACR
)
_LONG_AFTER = (
    re.compile(rf"\b({_ACRONYM}) \(([^()]+)\)"),  # ACR (Long Name)
    re.compile(rf"\b({_ACRONYM}),? or (?:the )?([^,;:.()]+)"),  # ACR, or Long Name,
)
_WORD = re.compile(r"[^\W_][\w'’-]*")
_INNER = frozenset({"of", "and", "for", "the", "on", "in", "de", "&"})
"""Small words a long name may hold that its acronym skips."""


def _by_letter(words: str) -> dict[str, tuple[str, ...]]:
    letters: dict[str, list[str]] = {}
    for word in words.split():
        letters.setdefault(word[0].lower(), []).append(word)
    return {letter: tuple(found) for letter, found in letters.items()}


LOOKALIKE_HEADS = _by_letter(
    "Agency Administration Association Base Board Centre Council Command Experiment Element Facility Flight "
    "Gateway Habitat Initiative Institute Laboratory Launcher Module Mission Network Observatory Office Outpost "
    "Operations Platform Programme Project Relay Rover Station System Satellite Service Telescope Transport "
    "Vehicle Venture"
)
"""Words to put last in a look-alike long name, by first letter."""

LOOKALIKE_MODIFIERS = _by_letter(
    "Advanced Aerospace Autonomous Applied Atmospheric Astronomical Broadband Commercial Cooperative Crew Cargo "
    "Deep Data Defence Experimental Earth Engineering Environmental Federal Global Ground General Human Heavy "
    "High International Integrated Interplanetary Independent Imaging Innovative Joint Kinetic Lunar Launch "
    "Logistics Landing Light Multinational Mobile National Navigation Nuclear Northern Orbital Operational "
    "Planetary Polar Power Research Robotic Resource Reusable Regional Space Satellite Science Scientific Solar "
    "Strategic Surface Technology Transfer Terrestrial Test Unified United Uncrewed Universal Vertical Western "
    "World Weather"
)
"""Words to put before the last in a look-alike long name, by first letter."""


def acronym_facts(text: str) -> list[Fact]:
    """Every acronym in ``text`` given with its long name, in either order, as a fact whose answer is the long name."""
    facts: list[Fact] = []
    for pattern in _LONG_BEFORE:
        for match in pattern.finditer(text):
            span = _long_before(match.group(1), text, match.start())
            if span:
                facts.append(Fact("acronym", "acronym", text[span[0] : span[1]], *span, short=match.group(1)))
    for pattern in _LONG_AFTER:
        for match in pattern.finditer(text):
            span = _long_after(match.group(1), text, match.start(2))
            if span:
                facts.append(Fact("acronym", "acronym", text[span[0] : span[1]], *span, short=match.group(1)))
    unique = {fact.short: fact for fact in sorted(facts, key=lambda fact: fact.start, reverse=True)}
    return sorted(unique.values(), key=lambda fact: fact.start)


def fits(acronym: str, long_name: str) -> bool:
    """Whether ``acronym`` can be read off ``long_name``: its letters in order, the first one starting a word.

    The matching of Schwartz and Hearst (2003), from the acronym's last letter back.
    """
    letters = [char.lower() for char in acronym if char.isalnum()]
    written = _WORD.findall(long_name)
    words = [word for word in written if word.lower() not in _INNER]
    if (
        not words
        or written[0].lower() in _INNER
        or words[0][0].lower() != letters[0]
        or not len(letters) - 1 <= len(words) <= len(letters) + 2
    ):
        return False
    long_text = long_name.lower()
    position = len(long_text) - 1
    for index in range(len(letters) - 1, -1, -1):
        while position >= 0 and (
            long_text[position] != letters[index] or (index == 0 and position > 0 and long_text[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


def _long_before(acronym: str, text: str, end: int) -> tuple[int, int] | None:
    """The long name ending just before ``end``: a capitalised run, or the fewest lowercase words that fit."""
    words = list(_WORD.finditer(text[:end]))[-(len(acronym) + 5) :]
    if not words or text[words[-1].end() : end].strip(" ,") != "":
        return None
    if words[-1].group()[0].isupper():
        first = len(words) - 1
        while first > 0 and (words[first - 1].group()[0].isupper() or words[first - 1].group() in _INNER):
            first -= 1
        for begin in range(first, len(words)):
            candidate = text[words[begin].start() : words[-1].end()]
            if words[begin].group()[0].isupper() and fits(acronym, candidate):
                return words[begin].start(), words[-1].end()
        return None
    for begin in range(len(words) - 1, -1, -1):
        if fits(acronym, text[words[begin].start() : words[-1].end()]):
            return words[begin].start(), words[-1].end()
    return None


def _long_after(acronym: str, text: str, start: int) -> tuple[int, int] | None:
    """The long name starting at ``start``: a capitalised run, or the fewest words that fit."""
    words = list(_WORD.finditer(text, start))[: len(acronym) + 5]
    if not words or text[start : words[0].start()].strip():
        return None
    if words[0].group()[0].isupper():
        last = 0
        while last + 1 < len(words) and text[words[last].end() : words[last + 1].start()] == " ":
            following = words[last + 1].group()
            if not (following[0].isupper() or following in _INNER):
                break
            last += 1
        for end in range(last, -1, -1):
            if fits(acronym, text[words[0].start() : words[end].end()]):
                return words[0].start(), words[end].end()
        return None
    for end in range(len(words)):
        if fits(acronym, text[words[0].start() : words[end].end()]):
            return words[0].start(), words[end].end()
    return None


def lookalike_names(long_name: str, rng: Random, count: int = 3) -> list[str]:
    """Long names that look like ``long_name`` and fit the same acronym: one or two words swapped."""
    words = long_name.split(" ")
    swappable = {word.lower() for found in (*LOOKALIKE_HEADS.values(), *LOOKALIKE_MODIFIERS.values()) for word in found}
    places = [index for index, word in enumerate(words) if word.lower() in swappable]
    chosen: list[str] = []
    seen = {long_name.lower()}
    for _ in range(40):
        if len(chosen) == count or not places:
            break
        changed = list(words)
        for index in rng.sample(places, 2 if len(places) > 2 and rng.random() < 0.4 else 1):
            vocabulary = LOOKALIKE_HEADS if index == places[-1] else LOOKALIKE_MODIFIERS
            options = [
                option
                for option in vocabulary.get(words[index][0].lower(), ())
                if option.lower() not in long_name.lower().split()
            ]
            if options:
                changed[index] = _cased_like(rng.choice(options), words[index])
        candidate = " ".join(changed)
        if candidate.lower() not in seen:
            seen.add(candidate.lower())
            chosen.append(candidate)
    return chosen


def _cased_like(word: str, model: str) -> str:
    if model.islower():
        return word.lower()
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word
