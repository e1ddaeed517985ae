"""Wrong choices of the fact's own kind: from the article first, then from the built-in names of space."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from random import Random

from lunarquiz.generate import gazetteer
from lunarquiz.generate.acronyms import lookalike_names
from lunarquiz.generate.fact import Fact
from lunarquiz.generate.variants import amount_choices, date_choices, year_choices

WRONG_CHOICES = 3
"""Wrong choices a draft question gets."""

_BEST_KNOWN = 6
"""The first names of each built-in group are the best known; wrong choices come from them first."""


@dataclass(slots=True)
class Pools:
    """What the whole article offers as wrong choices, in the order it first says each thing."""

    names: dict[str, list[str]] = field(default_factory=dict)
    """Group -> names."""
    years: list[int] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    amounts: dict[str, list[str]] = field(default_factory=dict)
    """Group (``money``, ``number:km``) -> amounts as written."""
    acronyms: dict[str, str] = field(default_factory=dict)
    """Acronym -> the long name the article gives it."""

    def add(self, fact: Fact) -> None:
        """Remember ``fact`` as a possible wrong choice for other questions."""
        if fact.kind == "acronym":
            self.acronyms.setdefault(fact.short, fact.text)
        elif fact.kind == "year":
            self.years.append(int(fact.text))
        elif fact.kind == "date":
            self.dates.append(fact.text)
        elif fact.kind in ("money", "number"):
            self.amounts.setdefault(fact.group, []).append(fact.text)
        else:
            known = self.names.setdefault(fact.group, [])
            for index, name in enumerate(known):
                if self.same_thing(fact.text, name):
                    entry = gazetteer.lookup(fact.text)
                    if entry and entry.names[0] == fact.text:  # the usual name: Hope, not Emirates Mars Mission
                        known[index] = fact.text
                    break
            else:
                known.append(fact.text)

    def thing(self, name: str) -> str:
        """One key for every name of the same thing: ``ISS`` and ``International Space Station`` alike."""
        long_name = self.acronyms.get(name, name)
        entry = gazetteer.lookup(long_name) or gazetteer.lookup(name)
        return gazetteer.name_key(entry.names[0] if entry else long_name)

    def same_thing(self, first: str, second: str) -> bool:
        """Whether two names name one thing."""
        return self.thing(first) == self.thing(second)

    def other_names(self, name: str) -> set[str]:
        """Every name the article or the built-in list gives the thing called ``name``, ``name`` included."""
        names = {name}
        entry = gazetteer.lookup(self.acronyms.get(name, name))
        if entry:
            names.update(entry.names)
        names.update(short for short, long_name in self.acronyms.items() if self.same_thing(long_name, name))
        names.update(long_name for short, long_name in self.acronyms.items() if short == name)
        return names


def wrong_choices(fact: Fact, pools: Pools, prompt: str, rng: Random) -> list[str]:
    """Up to three wrong choices for ``fact``: never its answer, never twice the same, none already in ``prompt``."""
    if fact.kind == "acronym":
        return lookalike_names(fact.text, rng, WRONG_CHOICES)
    extra = WRONG_CHOICES + 3  # room for the ones the prompt already shows
    if fact.kind == "year":
        found = year_choices(fact.text, pools.years, rng, extra)
    elif fact.kind == "date":
        found = date_choices(fact.text, pools.dates, rng, extra)
    elif fact.kind in ("money", "number"):
        found = amount_choices(fact.text, pools.amounts.get(fact.group, []), rng, extra)
    else:
        found = _name_choices(fact, pools, rng)
    return [choice for choice in found if not mentions(prompt, choice)][:WRONG_CHOICES]


def mentions(text: str, name: str) -> bool:
    """Whether ``text`` holds ``name`` as whole words, ignoring case."""
    return re.search(rf"(?<![\w$€£¥]){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def _name_choices(fact: Fact, pools: Pools, rng: Random) -> list[str]:
    """Names of the same group: the same programme's (``Apollo 13`` for ``Apollo 8``), the article's, then the
    built-in ones (the best known first), written in the answer's form."""
    from_article = [_in_form(name, fact) for name in pools.names.get(fact.group, [])]
    rng.shuffle(from_article)
    known = [_in_form(entry.names[0], fact) for entry in gazetteer.in_group(fact.group)]
    best_known, others = known[:_BEST_KNOWN], known[_BEST_KNOWN:]
    rng.shuffle(best_known)
    rng.shuffle(others)
    programme = _programme(fact.text)
    same_programme = [name for name in [*from_article, *known] if programme and _programme(name) == programme]
    rng.shuffle(same_programme)
    same_kind = [
        name
        for group, names in pools.names.items()
        if group != fact.group and gazetteer.GROUP_TAGS[group] == fact.kind
        for name in names
    ]
    rng.shuffle(same_kind)
    return _distinct(fact.text, [*same_programme, *from_article, *best_known, *others, *same_kind], pools)


def _programme(name: str) -> str:
    """The programme a numbered mission belongs to: ``apollo`` for ``Apollo 8``; empty for other names."""
    numbered = re.fullmatch(r"(.+?)[ -](?:\d+|[IVX]+)", name)
    head = gazetteer.name_key(numbered.group(1)) if numbered else ""
    return head if head in gazetteer.PROGRAMMES else ""


def _in_form(name: str, fact: Fact) -> str:
    """``name`` written the way the answer is: an acronym for an acronym, a full name for a full name."""
    entry = gazetteer.lookup(name)
    if entry is None or fact.group not in gazetteer.FORM_MATTERS:
        return name
    wants_short = " " not in fact.text
    same_form = [other for other in entry.names if (" " not in other) == wants_short]
    return same_form[0] if same_form else ""


def _distinct(answer: str, candidates: Iterable[str], pools: Pools) -> list[str]:
    chosen: list[str] = []
    answer_words = set(answer.lower().split())
    for candidate in candidates:
        words = set(candidate.lower().split())
        if not candidate or words <= answer_words or answer_words <= words:
            continue
        if any(pools.same_thing(candidate, other) for other in [answer, *chosen]):
            continue
        chosen.append(candidate)
    return chosen
