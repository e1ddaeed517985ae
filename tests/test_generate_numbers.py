"""Numbers in an article: dates, years, money and quantities, and their wrong choices."""

from __future__ import annotations

import re
from random import Random

import pytest

from lunarquiz.generate.numbers import numeric_facts
from lunarquiz.generate.variants import amount_choices, date_choices, year_choices


def found(text: str) -> list[tuple[str, str]]:
    return [(fact.kind, fact.text) for fact in numeric_facts(text)]


def test_dates_years_money_and_quantities_are_found_with_their_kind() -> None:
    text = (
        "On Mar. 9 it signed; in Nov. 2020 it grew; on 20 July 2020 and February 9, 2021 it flew 384,400 km "
        "for 25.5 days in 1963 at a cost of $332M, then $1.5 million, then $2 billion, and 10% of 8 companions."
    )
    assert found(text) == [
        ("date", "Mar. 9"),
        ("date", "Nov. 2020"),
        ("date", "20 July 2020"),
        ("date", "February 9, 2021"),
        ("number", "384,400 km"),
        ("number", "25.5 days"),
        ("year", "1963"),
        ("money", "$332M"),
        ("money", "$1.5 million"),
        ("money", "$2 billion"),
        ("number", "10%"),
        ("number", "8 companions"),
    ]


@pytest.mark.parametrize(
    "text",
    ["in the 1960s", "the 20th anniversary", "from 2020-2021", "a 1,963 km trip is a quantity"],
)
def test_things_that_are_not_a_year(text: str) -> None:
    assert ("year", "1963") not in found(text) and ("year", "2020") not in found(text)


def test_may_is_a_month_only_next_to_a_day_or_a_year() -> None:
    assert found("May 2021 was busy.") == [("date", "May 2021")]
    assert found("May the crew return safely.") == []
    assert found("It landed on 22 May.") == [("date", "22 May")]


def sensible_years(answer: str, choices: list[str]) -> None:
    assert len(choices) == 3 and len(set(choices)) == 3 and answer not in choices
    assert all(len(choice) == 4 and choice.isdigit() for choice in choices)


@pytest.mark.parametrize("answer", ["1999", "2000", "1900", "1957", "1001"])
def test_year_choices_are_near_distinct_four_digit_years(answer: str) -> None:
    for seed in range(20):
        choices = year_choices(answer, [], Random(seed))
        sensible_years(answer, choices)
        assert all(abs(int(choice) - int(answer)) <= 30 for choice in choices)


def test_round_years_get_round_neighbours_and_the_century_boundary_is_crossed_cleanly() -> None:
    for seed in range(20):
        assert all(int(choice) % 5 == 0 for choice in year_choices("1900", [], Random(seed)))
        assert all(int(choice) % 5 == 0 for choice in year_choices("2000", [], Random(seed)))
        assert all(1993 <= int(choice) <= 2005 for choice in year_choices("1999", [], Random(seed)))


def test_year_choices_prefer_the_articles_years_and_stay_out_of_its_future() -> None:
    choices = year_choices("1957", [1957, 1960, 1961, 2020], Random(0))
    assert {"1960", "1961"} <= set(choices)
    for seed in range(20):
        assert all(int(choice) <= 2021 + 5 for choice in year_choices("2020", [2021], Random(seed)))


@pytest.mark.parametrize(
    ("answer", "style"),
    [
        ("Mar. 9", r"Mar\. \d{1,2}"),
        ("Nov. 2020", r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.? 20\d\d"),
        ("9 February 2021", r"\d{1,2} [A-Z][a-z]+ 20\d\d"),
        ("February 9, 2021", r"[A-Z][a-z]+ \d{1,2}, 20\d\d"),
        ("12th April 1961", r"\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ 19\d\d"),
        ("May 2021", r"[A-Z][a-z]+ 20\d\d"),
    ],
)
def test_date_choices_keep_the_dates_style(answer: str, style: str) -> None:
    for seed in range(10):
        choices = date_choices(answer, [], Random(seed))
        assert len(choices) == 3 and len(set(choices)) == 3 and answer not in choices
        assert all(re.fullmatch(style, choice) for choice in choices), choices


def test_ordinal_days_get_the_right_suffix() -> None:
    choices = {choice for seed in range(30) for choice in date_choices("12th April 1961", [], Random(seed))}
    days = {choice.split()[0] for choice in choices}
    assert days & {"3rd", "11th", "13th", "21st"}
    assert not days & {"1th", "2th", "3th", "11st", "12nd", "13rd", "21th"}


@pytest.mark.parametrize(
    ("answer", "form"),
    [
        ("$332M", r"\$[\d,]+M"),
        ("$1.5 million", r"\$\d+(\.\d+)? million"),
        ("$2 billion", r"\$\d+(\.\d+)? billion"),
        ("384,400 km", r"[\d,]+ km"),
        ("25.5-day", r"\d+(\.\d+)?-day"),
        ("10%", r"\d+%"),
    ],
)
def test_amount_choices_keep_the_currency_scale_and_unit(answer: str, form: str) -> None:
    value = float(re.sub(r"[^\d.]", "", answer))
    for seed in range(20):
        choices = amount_choices(answer, [], Random(seed))
        assert len(choices) == 3 and len(set(choices)) == 3 and answer not in choices
        for choice in choices:
            assert re.fullmatch(form, choice), choice
            assert value / 3.5 <= float(re.sub(r"[^\d.]", "", choice)) <= value * 3.5


def test_small_counts_get_near_neighbours_and_percentages_stay_under_100() -> None:
    for seed in range(20):
        assert all(1 <= int(choice.split()[0]) <= 12 for choice in amount_choices("8 companions", [], Random(seed)))
        assert all(int(choice.rstrip("%")) <= 100 for choice in amount_choices("60%", [], Random(seed)))


def test_amount_choices_take_the_articles_amounts_of_the_same_unit_and_size() -> None:
    choices = amount_choices("$200 million", ["$85 million", "$2.7 billion", "€90 million"], Random(0))
    assert "$85 million" in choices
    assert "$2.7 billion" not in choices and "€90 million" not in choices
