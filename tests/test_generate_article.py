"""Reading an article for ``lunarquiz generate``: sentences, their lines, Markdown and headings."""

from __future__ import annotations

from lunarquiz.generate.article import sentences_of, split_sentences


def texts(article: str) -> list[str]:
    return [sentence.text for sentence in sentences_of(article)]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    found = [text for _, text in split_sentences("It signed on Mar. 9 with the U.S. Army. Then J. K. Smith spoke.")]
    assert found == ["It signed on Mar. 9 with the U.S. Army.", "Then J. K. Smith spoke."]


def test_a_roman_numeral_ends_a_sentence() -> None:
    assert texts("No crew flew on Artemis I. Instead, mannequins flew.\n") == [
        "No crew flew on Artemis I.",
        "Instead, mannequins flew.",
    ]


def test_one_paragraph_per_line_keeps_each_line_number() -> None:
    article = "First line. Still first.\nA headline without a stop\nThird line here.\n"
    found = [(sentence.line, sentence.heading, sentence.text) for sentence in sentences_of(article)]
    assert found == [
        (1, False, "First line."),
        (1, False, "Still first."),
        (2, True, "A headline without a stop"),
        (3, False, "Third line here."),
    ]


def test_wrapped_markdown_paragraphs_are_joined_and_sentences_keep_their_first_line() -> None:
    article = (
        "# The title\n"
        "\n"
        "A sentence that runs over\n"
        "two lines. Another one starts\n"
        "here and is **bold across\n"
        "lines** too.\n"
        "\n"
        "```\n"
        "code = 1963.\n"
        "```\n"
        "- An item, with a [link](https://example.invalid) in it.\n"
    )
    found = [(sentence.line, sentence.heading, sentence.text) for sentence in sentences_of(article)]
    assert found == [
        (1, True, "The title"),
        (3, False, "A sentence that runs over two lines."),
        (4, False, "Another one starts here and is bold across lines too."),
        (11, False, "An item, with a link in it."),
    ]


def test_a_label_in_front_of_a_linked_headline_is_dropped() -> None:
    found = sentences_of("Also Read: NASA Awards SpaceX a $332M Contract\nRelated Article : Maezawa Flies in 2023\n")
    assert [(sentence.heading, sentence.text) for sentence in found] == [
        (True, "NASA Awards SpaceX a $332M Contract"),
        (True, "Maezawa Flies in 2023"),
    ]


def test_setext_headings_windows_line_ends_and_front_matter() -> None:
    article = "---\ntitle: x\n---\nThe Title\n=========\r\n\r\nBody text here.\r\n"
    found = [(sentence.line, sentence.heading, sentence.text) for sentence in sentences_of(article)]
    assert found == [(4, True, "The Title"), (7, False, "Body text here.")]
