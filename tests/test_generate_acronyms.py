"""Acronyms with their long names, in either order, and look-alike long names as wrong choices."""

from __future__ import annotations

from random import Random

import pytest

from lunarquiz.generate.acronyms import acronym_facts, fits, lookalike_names


def pairs(text: str) -> list[tuple[str, str]]:
    found = [(fact.short, fact.text) for fact in acronym_facts(text)]
    for fact in acronym_facts(text):
        assert text[fact.start : fact.end] == fact.text
    return found


@pytest.mark.parametrize(
    "text",
    [
        "China plans the International Lunar Research Station (ILRS) with Russia.",
        "The International Lunar Research Station, or ILRS, is open to all.",
        "The ILRS, or International Lunar Research Station, is open to all.",
        "The ILRS or International Lunar Research Station is open to all.",
        "The ILRS (International Lunar Research Station) is open to all.",
    ],
)
def test_long_name_and_acronym_in_either_order(text: str) -> None:
    assert pairs(text) == [("ILRS", "International Lunar Research Station")]


def test_a_lowercase_long_name_with_an_extra_word() -> None:
    text = "to build an international lunar scientific research station or ILRS."
    assert pairs(text) == [("ILRS", "international lunar scientific research station")]


def test_small_words_inside_and_a_leading_the_left_out() -> None:
    text = "The National Aeronautics and Space Administration (NASA) and the Power and Propulsion Element (PPE) flew."
    assert pairs(text) == [
        ("NASA", "National Aeronautics and Space Administration"),
        ("PPE", "Power and Propulsion Element"),
    ]


@pytest.mark.parametrize(
    "text", ["Russia or China did it.", "It flew on Mars (again).", "The ISS (launched in 1998) is big."]
)
def test_no_pair_where_the_letters_do_not_fit(text: str) -> None:
    assert pairs(text) == []


def test_fits() -> None:
    assert fits("ISS", "International Space Station")
    assert not fits("ISS", "Soviet Space Station")
    assert not fits("ILRS", "the International Lunar Research Station")


@pytest.mark.parametrize(
    ("acronym", "long_name"),
    [
        ("ILRS", "International Lunar Research Station"),
        ("ISS", "International Space Station"),
        ("ILRS", "international lunar scientific research station"),
    ],
)
def test_lookalikes_fit_the_same_acronym_and_are_all_different(acronym: str, long_name: str) -> None:
    for seed in range(20):
        found = lookalike_names(long_name, Random(seed))
        assert len(found) == 3 and len({name.lower() for name in found}) == 3
        assert long_name.lower() not in {name.lower() for name in found}
        assert all(fits(acronym, name) for name in found), found
        assert all(name.islower() == long_name.islower() for name in found)


def test_proper_names_inside_a_long_name_are_kept() -> None:
    for seed in range(10):
        assert all(
            name.startswith("China ") for name in lookalike_names("China National Space Administration", Random(seed))
        )
