"""Find the numbers an article states: dates, years, amounts of money, and quantities with their unit."""

from __future__ import annotations

import re

from lunarquiz.generate.fact import Fact
from lunarquiz.generate.words import word_list

NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
SCALE_WORD = r"(?:thousand|million|billion|trillion)"
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1\d{3}|20\d{2})"

MEASURES = word_list(
    "km/h km/s km kilometres kilometers kilometre kilometer metres meters metre meter m cm mm miles mile mph feet "
    "foot ft kg kilograms kilogram grams tonnes tonne tons ton pounds lb lbs kN MN newtons °C °F kelvin degrees "
    "seconds second minutes minute hours hour days day weeks week months month years year light-years AU watts "
    "kW MW GW volts litres liters percent %"
)
"""Units a quantity may be written with."""

COUNTED = word_list(
    "astronauts cosmonauts taikonauts people crew members countries nations partners satellites spacecraft "
    "missions modules rovers landers probes rockets launches flights engines instruments experiments companions "
    "passengers dogs animals scientists engineers students companies agencies samples orbits moons planets stars "
    "stations tests years-old"
)
"""Plural nouns whose number is a fact worth asking (``8 companions``)."""

_UNIT = "|".join(re.escape(unit) for unit in sorted(MEASURES + COUNTED, key=len, reverse=True))

_DATES = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b{DAY} {MONTH},? {YEAR}(?!\d)",
        rf"\b{MONTH} {DAY},? {YEAR}(?!\d)",
        rf"\b{MONTH},? {YEAR}(?!\d)",
        rf"\b{MONTH} {DAY}(?![\d,.]?\d)",
        rf"\b{DAY} {MONTH}",
    )
)
_MONEY = (
    re.compile(rf"(?<![\w$€£¥])(?:US|A|C|NZ|HK)?[$€£¥] ?{NUMBER}(?: {SCALE_WORD}\b|(?:bn|[MBK]|k)\b)?"),
    re.compile(
        rf"(?<![\w.,$€£¥]){NUMBER}(?: {SCALE_WORD})? (?:dollars|euros|yuan|yen|rubles|roubles|rupees|dirhams)\b"
    ),
)
_QUANTITY = re.compile(rf"(?<![\w.,$€£¥/%-]){NUMBER}(?: {SCALE_WORD})?(?:[ -]|\u00a0)?(?:{_UNIT})(?![\w/])")
_YEAR = re.compile(rf"(?<![\w$€£¥.,/-]){YEAR}(?![\w%]|[.,]\d|[-–]\d)")


def numeric_facts(text: str) -> list[Fact]:
    """The dates, amounts of money, quantities and years in ``text``, none sharing a character, in text order."""
    found: list[Fact] = []
    searches: list[tuple[str, tuple[re.Pattern[str], ...]]] = [
        ("date", _DATES),
        ("money", _MONEY),
        ("number", (_QUANTITY,)),
        ("year", (_YEAR,)),
    ]
    for kind, patterns in searches:
        for pattern in patterns:
            for match in pattern.finditer(text):
                if any(fact.overlaps(match.start(), match.end()) for fact in found):
                    continue
                found.append(Fact(kind, _group(kind, match.group()), match.group(), match.start(), match.end()))
    return sorted(found, key=lambda fact: fact.start)


def unit_of(quantity: str) -> str:
    """The unit a quantity is written with: ``km`` for ``384,400 km``, ``million km`` for ``55 million km``."""
    match = re.fullmatch(rf"{NUMBER}((?: {SCALE_WORD})?)(?:[ -]|\u00a0)?(.+)", quantity)
    return (match.group(1).strip() + " " + match.group(2)).strip() if match else quantity


def _group(kind: str, text: str) -> str:
    if kind == "number":
        return f"number:{unit_of(text)}"
    return kind
