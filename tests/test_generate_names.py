"""Names in an article: capitalised phrases sorted into kinds, sentence starts, and wrong choices of the same kind."""

from __future__ import annotations

from random import Random

import pytest

from lunarquiz.generate.article import Sentence
from lunarquiz.generate.distractors import Pools, wrong_choices
from lunarquiz.generate.fact import Fact
from lunarquiz.generate.facts import facts_in
from lunarquiz.generate.names import ArticleWords, article_words


def names(text: str, words: ArticleWords | None = None) -> list[tuple[str, str]]:
    facts = facts_in(Sentence(text, 1), words or article_words([text]))
    return [(fact.group, fact.text) for fact in facts if fact.kind not in ("year", "date", "money", "number")]


def test_known_names_get_their_group() -> None:
    text = "The China National Space Administration and Roscosmos met in Moscow with NASA, CNN and the U.S. envoy."
    assert names(text) == [
        ("agency", "China National Space Administration"),
        ("agency", "Roscosmos"),
        ("place", "Moscow"),
        ("agency", "NASA"),
        ("news", "CNN"),
        ("country", "U.S."),
    ]


def test_a_list_of_names_is_split_and_ordinary_sentence_starts_are_dropped() -> None:
    assert names("China and Russia, two powerful countries, agreed.") == [("country", "China"), ("country", "Russia")]
    assert names("Both China and Russia signed.") == [("country", "China"), ("country", "Russia")]
    assert names("Recently, Russia was not successful.") == [("country", "Russia")]
    assert names("As for China, they were late.") == [("country", "China")]


def test_names_with_a_number_possessives_and_names_with_and_inside() -> None:
    text = (
        "Both plan to work on China's Chang'e-7 and Russia's Luna 27 missions and the Habitation and Logistics Outpost."
    )
    assert names(text) == [
        ("country", "China"),
        ("mission", "Chang'e-7"),
        ("country", "Russia"),
        ("mission", "Luna 27"),
        ("station", "Habitation and Logistics Outpost"),
    ]
    assert [fact.kind for fact in facts_in(Sentence(text, 1), ArticleWords())].count("number") == 0


def test_luna_and_china_are_fine_at_the_start_of_a_sentence() -> None:
    assert names("Luna 25 crashed. ") == [("mission", "Luna 25")]
    assert names("China launched it.") == [("country", "China")]


def test_hope_the_mission_and_hope_the_word() -> None:
    article = ["The Hope probe reached Mars.", "Scientists hope it works.", "Hope carried three instruments."]
    words = article_words(article)
    assert names("The Hope probe reached Mars.", words) == [("mission", "Hope")]
    assert names("Hope carried three instruments.", words) == [("mission", "Hope")]
    assert names("Scientists hope it works.", words) == []
    plain = article_words(["Hope is what keeps us going.", "We hope so."])
    assert names("Hope is what keeps us going.", plain) == []


def test_may_at_the_start_of_a_sentence_is_not_a_name() -> None:
    assert names("May the crew return safely.") == []
    assert names("May 2021 was busy for Zhurong.") == [("mission", "Zhurong")]


def test_people_are_recognised_without_their_titles() -> None:
    assert names("In 1961, Soviet cosmonaut Yuri Gagarin flew.") == [("person", "Yuri Gagarin")]
    assert names("Commander Eugene Cernan was the last to walk there.") == [("person", "Eugene Cernan")]
    assert names("It was Ada Quill who designed it.") == [("person", "Ada Quill")]


def test_capitalised_words_that_are_not_names() -> None:
    assert names("The Soviets sent dogs, and the Americans watched the Moon.") == []
    assert names("Strelka and Belka flew.") == []  # single unknown words: a kind cannot be told
    assert names("It reached Mars in 2021.") == []  # worlds are too common to ask about


def test_a_numbered_mission_is_a_name_not_a_year() -> None:
    facts = facts_in(Sentence("The Mars 2020 mission cost a lot.", 1), ArticleWords())
    assert [(fact.kind, fact.text) for fact in facts] == [("mission", "Mars 2020")]


def pools_of(*sentences: str) -> Pools:
    pools = Pools()
    words = article_words(list(sentences))
    for text in sentences:
        for fact in facts_in(Sentence(text, 1), words):
            pools.add(fact)
    return pools


def name_fact(text: str, name: str, kind: str, group: str) -> Fact:
    start = text.index(name)
    return Fact(kind, group, name, start, start + len(name))


def test_wrong_names_come_from_the_article_first_then_the_built_in_list() -> None:
    pools = pools_of("Sputnik 1 flew first.", "Later came Luna 27 and Chang'e-7.")
    prompt = "In 1957 the _____ flew first."
    for seed in range(10):
        wrong = wrong_choices(
            name_fact("Sputnik 1 flew first.", "Sputnik 1", "mission", "mission"), pools, prompt, Random(seed)
        )
        assert len(wrong) == 3 and len(set(wrong)) == 3 and "Sputnik 1" not in wrong
        assert {"Luna 27", "Chang'e-7"} <= set(wrong)


def test_wrong_names_follow_the_answers_form_and_never_repeat_one_thing() -> None:
    pools = pools_of(
        "The China National Space Administration spoke.", "Roscosmos spoke.", "The U.S. and the United States."
    )
    for seed in range(20):
        short = wrong_choices(
            name_fact("Roscosmos spoke.", "Roscosmos", "organisation", "agency"), pools, "_____ spoke.", Random(seed)
        )
        assert all(" " not in choice for choice in short) and "Roscosmos" not in short
        long = wrong_choices(
            name_fact(
                "The China National Space Administration spoke.",
                "China National Space Administration",
                "organisation",
                "agency",
            ),
            pools,
            "The _____ spoke.",
            Random(seed),
        )
        assert all(" " in choice for choice in long) and "CNSA" not in long
        countries = wrong_choices(
            name_fact("Russia spoke.", "Russia", "place", "country"), pools, "_____ spoke.", Random(seed)
        )
        assert not {"U.S.", "United States"} <= set(countries)
        assert len(countries) == 3 and "Russia" not in countries


@pytest.mark.parametrize(("name", "group"), [("Yuri Gagarin", "person"), ("CNN", "news"), ("Falcon Heavy", "rocket")])
def test_wrong_names_are_never_the_answer_nor_in_the_prompt(name: str, group: str) -> None:
    pools = pools_of(f"{name} did it.")
    prompt = "Who did it, Valentina Tereshkova or BBC or Falcon 9?"
    for seed in range(20):
        wrong = wrong_choices(name_fact(f"{name} did it.", name, "x", group), pools, prompt, Random(seed))
        assert len(wrong) == 3 and len(set(wrong)) == 3 and name not in wrong
        assert not {"Valentina Tereshkova", "BBC", "Falcon 9"} & set(wrong)
