"""The GIFT reader: every feature on lunarquiz's own examples, and no crash on broken input."""

from __future__ import annotations

from pathlib import Path

import pytest

from lunarquiz.banks.gift import read_gift
from lunarquiz.banks.importers import Imported, bank_yaml, build_bank
from lunarquiz.core.model import Kind, Question

from .damage import damaged_copies

DATA = Path(__file__).resolve().parent / "data" / "import"


def one(text: str) -> Question:
    imported = read_gift("t.gift", text)
    assert len(imported.questions) == 1, imported.problems
    return imported.questions[0]


@pytest.fixture(scope="module")
def features() -> Imported:
    return read_gift("features.gift", (DATA / "features.gift").read_text(encoding="utf-8"))


def by_id(imported: Imported, qid: str) -> Question:
    return next(question for question in imported.questions if question.id == qid)


def test_single_choice() -> None:
    question = one("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}")
    assert question.kind is Kind.SINGLE
    assert question.prompt == "Who's buried in Grant's tomb?"
    assert question.answers == ("no one",)
    assert question.wrong == ("Grant", "Jefferson")
    assert question.id == "whos-buried-in-grants-tomb"


def test_missing_word_prompts_have_a_blank() -> None:
    question = one("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert question.prompt == "Grant is _____ in Grant's tomb."
    assert question.answers == ("entombed",)


def test_answers_on_their_own_lines_and_text_after_the_braces() -> None:
    question = one("The holiday is on the {\n    ~second\n    ~third\n    =fourth\n} Thursday of November.")
    assert question.prompt == "The holiday is on the _____ Thursday of November."
    assert question.wrong == ("second", "third")


@pytest.mark.parametrize(("written", "right"), [("T", "True"), ("TRUE", "True"), ("F", "False"), ("FALSE", "False")])
def test_true_false(written: str, right: str) -> None:
    question = one(f"The sun rises in the east.{{{written}}}")
    assert question.kind is Kind.TRUE_FALSE
    assert question.answers == (right,)
    assert question.wrong == ("False",) if right == "True" else ("True",)


def test_true_false_feedback_goes_to_the_choice_that_shows_it() -> None:
    """{T#shown when wrong#shown when right}: picking False is wrong when the answer is True."""
    question = one("Apollo 11 landed in 1969.{T#Picked false.#Picked true.}")
    assert question.feedback_for("False") == "Picked false."
    assert question.feedback_for("True") == "Picked true."
    question = one("The Moon is bigger than Mars.{FALSE#Picked true.#Picked false.}")
    assert question.feedback_for("True") == "Picked true."
    assert question.feedback_for("False") == "Picked false."


def test_true_false_with_one_feedback_and_general_feedback(features: Imported) -> None:
    far_side = by_id(features, "far-side")
    assert far_side.answers == ("False",)
    assert far_side.feedback == (("True", "It gets as much sunlight as the near side."),)
    apollo = by_id(features, "apollo-first")
    assert apollo.explanation == "Neil Armstrong and Buzz Aldrin walked on the Moon."
    assert apollo.feedback == (("True", "Yes, 20 July 1969."), ("False", "No: it landed on 20 July 1969."))


def test_lowercase_true_is_a_short_answer_with_a_hint() -> None:
    imported = read_gift("t.gift", "The Moon is round.{true}")
    assert not imported.questions
    assert "{TRUE}" in imported.problems[0].hint


def test_multiple_response_by_weights_negative_weights_are_wrong(features: Imported) -> None:
    question = by_id(features, "which-agencies-signed-the-ilrs-deal")
    assert question.kind is Kind.MULTIPLE
    assert question.answers == ("CNSA", "Roscosmos")
    assert question.wrong == ("NASA", "ESA")
    assert question.explanation == "CNSA and Roscosmos made the deal."
    assert question.feedback_for("NASA") == "Not a party."
    assert question.feedback_for("ESA") == ""


def test_partial_credit_in_a_single_choice_question_is_wrong_with_a_warning() -> None:
    imported = read_gift("t.gift", "Difficult question.{~wrong answer ~%50%half credit answer =full credit answer}")
    question = imported.questions[0]
    assert question.kind is Kind.SINGLE
    assert question.answers == ("full credit answer",)
    assert question.wrong == ("wrong answer", "half credit answer")
    assert [(p.line, p.severity) for p in imported.problems] == [(1, "warning")]
    assert "50%" in imported.problems[0].message


def test_two_fully_right_choices_cannot_be_played() -> None:
    imported = read_gift("t.gift", "Either is right.{=this =that ~other}")
    assert not imported.questions
    assert imported.skipped == 1
    assert imported.problems[0].severity == "warning"


def test_per_answer_feedback_and_general_feedback() -> None:
    question = one("What's the answer?{\n~wrong#Not this.\n~another#Nor this.\n=right#Very good!\n####Because.}")
    assert question.feedback == (("wrong", "Not this."), ("another", "Nor this."), ("right", "Very good!"))
    assert question.explanation == "Because."


def test_escapes(features: Imported) -> None:
    question = by_id(features, "escapes-all-of-them")
    assert question.prompt == "Which of these is written with escapes { like this }?"
    assert question.answers == ("a = sign",)
    assert question.wrong == ("a ~ tilde", "a # hash", "a back\\slash", "two\nlines")
    assert question.feedback_for("a = sign") == "Right: = is escaped."
    assert question.feedback_for("a ~ tilde") == "~ is escaped too."


def test_an_escaped_backslash_before_a_control_character() -> None:
    question = one("Path?{=C\\\\~D}")
    assert question.answers == ("C\\",)
    assert question.wrong == ("D",)


def test_comments_are_skipped_but_double_slashes_inside_a_line_are_text(features: Imported) -> None:
    assert (
        by_id(features, "see-http-example-org-path-for").prompt == "See http://example.org//path for the _____ to this."
    )
    assert by_id(features, "which-agencies-signed-the-ilrs-deal").wrong == ("NASA", "ESA")
    assert read_gift("t.gift", "// only a comment\n// and another").questions == ()


def test_format_markers_are_dropped(features: Imported) -> None:
    question = by_id(features, "which-rocket-launched-change-5")
    assert question.prompt == "Which **rocket** launched Chang'e 5?"
    assert question.answers == ("Long March 5",)
    assert question.wrong == ("Soyuz", "Falcon 9")
    assert question.feedback_for("Long March 5") == "Right."
    assert one("[shout]Loud?{=yes ~no}").prompt == "[shout]Loud?"


def test_names_become_unique_ids(features: Imported) -> None:
    ids = [question.id for question in features.questions]
    assert "lander-name" in ids
    assert "lander-name-2" in ids
    assert len(set(ids)) == len(ids)
    assert one("::Kanji\\: Origins::Where from?{=China ~Korea}").id == "kanji-origins"
    assert one("::Q1::A?{=a ~b}").id == "q1"


def test_categories_and_comment_tags_become_tags(features: Imported) -> None:
    assert by_id(features, "lander-name").tags == ("moon", "missions")
    assert by_id(features, "apollo-first").tags == ("moon", "missions", "true-false", "feedback")
    assert by_id(features, "which-agencies-signed-the-ilrs-deal").tags == ("space-agencies",)
    assert by_id(features, "lander-name-2").tags == ()


def test_unplayable_questions_are_skipped_with_a_warning_naming_their_line(features: Imported) -> None:
    warnings = {p.line: p.message for p in features.problems if p.message.startswith("skipped")}
    assert warnings == {
        51: "skipped short-answer question \"Who's buried in Grant's tomb?\"",
        53: 'skipped numerical question "When was the first Moon landing?"',
        55: 'skipped matching question "Match the mission to the country."',
        60: 'skipped essay question "Write about the Moon."',
        62: 'skipped description "This block has no answers at all."',
        66: 'skipped short-answer question "Lowercase true is not true/false."',
        74: 'skipped multiple-choice question "Either is right in Moodle.": 2 choices are each fully right',
    }
    assert all(p.severity == "warning" for p in features.problems if p.message.startswith("skipped"))


def test_broken_questions_are_errors_with_their_line(features: Imported) -> None:
    errors = {p.line: p.message for p in features.errors}
    assert sorted(errors) == [68, 70, 72]
    assert "braces" in errors[68]
    assert "fewer than two choices" in errors[70]
    assert "no right choice" in errors[72]


def test_the_whole_example_file(features: Imported) -> None:
    assert len(features.questions) == 12
    assert features.skipped == 10
    assert [p.line for p in features.problems] == [47, 51, 53, 55, 60, 62, 66, 68, 70, 72, 74]


def test_the_imported_bank_validates_and_reads_back_the_same(features: Imported) -> None:
    bank = build_bank(features, "features", "Features")
    assert bank_yaml(bank, "features.yaml").startswith("# yaml-language-server:")


def test_control_characters_are_made_visible_with_a_warning() -> None:
    imported = read_gift("t.gift", "// first\nClear \x1b[2J the screen?{=yes\x07 ~no}")
    question = imported.questions[0]
    assert question.prompt == "Clear \u241b[2J the screen?"
    assert question.answers == ("yes\u2407",)
    assert [(p.line, p.severity) for p in imported.problems] == [(2, "warning")]
    assert "U+001B ESC" in imported.problems[0].message
    assert bank_yaml(build_bank(imported, "b", "B"), "b.yaml")


def test_windows_line_endings() -> None:
    imported = read_gift("t.gift", "// comment\r\nA?{\r\n=yes\r\n~no\r\n}\r\n\r\nB?{T}\r\n")
    assert [q.prompt for q in imported.questions] == ["A?", "B?"]
    assert imported.questions[0].answers == ("yes",)


def test_a_category_block_followed_by_a_question() -> None:
    imported = read_gift("t.gift", "$CATEGORY: Moon\n// between\nWhich?{=a ~b}\n\n$CATEGORY: $course$/top\n\nNext?{T}")
    assert [q.tags for q in imported.questions] == [("moon",), ()]


def test_random_damage_never_raises() -> None:
    text = (DATA / "features.gift").read_text(encoding="utf-8")
    pieces = [
        "{",
        "}",
        "~",
        "=",
        "#",
        "::",
        "\\",
        "%50%",
        "%-",
        "####",
        "\n\n",
        "//",
        "$CATEGORY:",
        "[html]",
        "->",
        "T",
    ]
    for damaged in damaged_copies(text, pieces, seed=20240601, copies=400, most_edits=10):
        imported = read_gift("t.gift", damaged)
        if imported.questions:
            bank_yaml(build_bank(imported, "fuzz", "Fuzz"), "fuzz.yaml")
