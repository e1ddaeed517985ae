"""Wrong choices for numeric facts: nearby years, other dates, amounts of the same unit and size."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from random import Random

from lunarquiz.generate.numbers import DAY, MONTH, NUMBER, YEAR
from lunarquiz.generate.words import word_list

MONTH_NAMES = word_list("January February March April May June July August September October November December")
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTH_NUMBERS.update({name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)})
_MONTH_NUMBERS["sept"] = 9

_AMOUNT = re.compile(rf"(\D*?)({NUMBER})(.*)", re.DOTALL)
_FACTORS = (0.5, 0.6, 0.75, 1.25, 1.5, 2.0, 2.5, 3.0)
_SMALL_COUNT = 12
"""Counts up to this get near neighbours (7, 9, 10 for 8) rather than multiples."""


def year_choices(answer: str, article_years: Iterable[int], rng: Random, count: int = 3) -> list[str]:
    """Other years near ``answer``: up to two from the article, the rest close by; round years get round ones.

    None is more than five years after the latest year the article names, so a past event gets no future years.
    """
    year = int(answer)
    known = list(dict.fromkeys(article_years))
    latest = max([year, *known]) + 5
    nearby = [other for other in known if other != year and abs(other - year) <= 15]
    offsets = (-30, -20, -10, -5, 5, 10, 20, 30) if year % 10 == 0 else (-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6)
    generated = [year + offset for offset in offsets if 1000 <= year + offset <= min(latest, 2099)]
    rng.shuffle(generated)
    return _pick([str(other) for other in rng.sample(nearby, min(2, len(nearby)))], map(str, generated), answer, count)


def date_choices(answer: str, article_dates: Iterable[str], rng: Random, count: int = 3) -> list[str]:
    """Other dates written like ``answer``: another day, month or year; one may come from the article."""
    style = _date_style(answer)
    same_style = [other for other in dict.fromkeys(article_dates) if _date_style(other) == style and other != answer]
    generated: list[str] = []
    day, month, year = _date_shape(answer)
    if day:
        generated += [_with_day(answer, offset) for offset in range(-9, 10) if offset]
    if month and not day:
        generated += [_with_month(answer, offset) for offset in (-4, -3, -2, -1, 1, 2, 3, 4)]
    if year:
        generated += [_with_year(answer, offset) for offset in (-3, -2, -1, 1, 2, 3)]
    rng.shuffle(generated)
    return _pick(rng.sample(same_style, min(1, len(same_style))), generated, answer, count)


def amount_choices(answer: str, article_amounts: Iterable[str], rng: Random, count: int = 3) -> list[str]:
    """Other amounts with ``answer``'s unit and about its size: up to two from the article, the rest scaled."""
    parsed = _AMOUNT.fullmatch(answer)
    if parsed is None:
        return []
    prefix, number, suffix = parsed.groups()
    value = float(number.replace(",", ""))
    alike = []
    for other in dict.fromkeys(article_amounts):
        other_parsed = _AMOUNT.fullmatch(other)
        if other_parsed and other_parsed.group(1) == prefix and other_parsed.group(3) == suffix:
            other_value = float(other_parsed.group(2).replace(",", ""))
            if other_value != value and value / 10 <= other_value <= value * 10:
                alike.append(other)
    if value.is_integer() and value <= _SMALL_COUNT and "." not in number:
        values = [value + offset for offset in (-4, -3, -2, -1, 1, 2, 3, 4) if value + offset >= 1]
    else:
        digits = _significant_digits(number)
        values = [_round_to(value * factor, digits) for factor in _FACTORS]
    if suffix.strip() in ("%", "percent"):
        values = [other for other in values if other <= 100]
    rng.shuffle(values)
    generated = [f"{prefix}{_format_number(other, like=number)}{suffix}" for other in values if other > 0]
    return _pick(rng.sample(alike, min(2, len(alike))), generated, answer, count)


def _pick(preferred: Sequence[str], generated: Iterable[str], answer: str, count: int) -> list[str]:
    """``count`` choices: ``preferred`` first, then ``generated``; none equal to ``answer`` or to another."""
    chosen: list[str] = []
    seen = {_key(answer)}
    for choice in [*preferred, *generated]:
        if _key(choice) not in seen:
            seen.add(_key(choice))
            chosen.append(choice)
        if len(chosen) == count:
            break
    return chosen


def _key(text: str) -> str:
    return " ".join(text.lower().replace(",", "").split())


def _significant_digits(number: str) -> int:
    digits = number.replace(",", "").replace(".", "").lstrip("0")
    if "." not in number:
        digits = digits.rstrip("0")
    return max(2, len(digits))


def _round_to(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    places = digits - 1 - math.floor(math.log10(abs(value)))
    return round(value, places)


def _format_number(value: float, *, like: str) -> str:
    """``value`` written like ``like``: with thousands commas when it has them (or is short), few decimals."""
    decimals = 0 if value.is_integer() else min(2, len(repr(value).split(".")[1]))
    commas = "," in like or (len(like.split(".")[0]) < 4 and value >= 1000)
    return f"{value:,.{decimals}f}" if commas else f"{value:.{decimals}f}"


_DAY_TOKEN = re.compile(rf"(?<![\d$])\b{DAY}(?!\d)(?=\s|,|$)")
_MONTH_TOKEN = re.compile(rf"\b{MONTH}")
_YEAR_TOKEN = re.compile(rf"\b{YEAR}\b")


def _date_style(date: str) -> str:
    """How a date is written, without its values: ``9 M, 9999`` for ``February 9, 2021``."""
    months = _MONTH_TOKEN.sub(lambda match: "M." if match.group().endswith(".") else "M", date)
    return re.sub(r"\d+", "9", _YEAR_TOKEN.sub("Y", months))


def _date_shape(date: str) -> tuple[bool, bool, bool]:
    """Which of day, month and year the date gives."""
    return bool(_DAY_TOKEN.search(date)), bool(_MONTH_TOKEN.search(date)), bool(_YEAR_TOKEN.search(date))


def _with_day(date: str, offset: int) -> str:
    match = _DAY_TOKEN.search(date)
    if match is None:
        return date
    written = match.group()
    day = int(re.match(r"\d+", written).group()) + offset  # type: ignore[union-attr]
    if not 1 <= day <= 28:
        return date
    text = f"{day}{_ordinal_suffix(day)}" if not written.isdigit() else str(day)
    return date[: match.start()] + text + date[match.end() :]


def _with_month(date: str, offset: int) -> str:
    match = _MONTH_TOKEN.search(date)
    if match is None:
        return date
    written = match.group()
    month = _MONTH_NUMBERS[written.rstrip(".").lower()] + offset
    if not 1 <= month <= 12:
        return date
    name = MONTH_NAMES[month - 1]
    if written.rstrip(".") not in MONTH_NAMES:  # abbreviated, as "Nov." or "Nov"
        short = "Sept" if written.startswith("Sept") and month == 9 else name[:3]
        name = name if name == "May" else short + ("." if written.endswith(".") else "")
    return date[: match.start()] + name + date[match.end() :]


def _with_year(date: str, offset: int) -> str:
    match = _YEAR_TOKEN.search(date)
    if match is None:
        return date
    return date[: match.start()] + str(int(match.group()) + offset) + date[match.end() :]


def _ordinal_suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
