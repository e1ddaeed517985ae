"""Every fact of one sentence: numbers first, then names around them, then acronyms with their long names."""

from __future__ import annotations

from lunarquiz.generate.acronyms import acronym_facts
from lunarquiz.generate.article import Sentence
from lunarquiz.generate.fact import Fact
from lunarquiz.generate.names import ArticleWords, name_facts
from lunarquiz.generate.numbers import numeric_facts


def facts_in(sentence: Sentence, words: ArticleWords) -> list[Fact]:
    """The facts ``sentence`` states, in text order; a heading gives only its numbers."""
    numbers = numeric_facts(sentence.text)
    if sentence.heading:
        return numbers
    taken = [(fact.start, fact.end) for fact in numbers if fact.kind in ("date", "money")]
    names = name_facts(sentence.text, words, taken)
    numbers = [
        number
        for number in numbers
        if number.kind in ("date", "money") or not any(name.overlaps(number.start, number.end) for name in names)
    ]
    return sorted([*numbers, *names, *acronym_facts(sentence.text)], key=lambda fact: (fact.start, fact.kind))
