"""Each validation problem is reported at the right line and column, with a message a teacher can act on."""

from __future__ import annotations

import textwrap

import pytest

from lunarquiz.banks.loader import check_text

HEADER = "lunarquiz: 1\nid: moon\ntitle: The Moon\nquestions:\n"
"""Four lines: the first question starts on line 5, its fields at column 5."""

QUESTION = """\
  - id: orbit
    prompt: Which planet does the Moon go around?
    answer: Earth
    wrong: [Mars, Venus]
    explanation: The Moon is Earth's natural satellite.
    tags: [moon]
"""
"""A clean question: lines 5 to 10 after the header."""


def bank(questions: str = QUESTION, header: str = HEADER) -> str:
    return header + questions


def problems(text: str, *, strict: bool = False) -> list[str]:
    checked = check_text("moon.yaml", text)
    shown = checked.problems if strict else checked.errors
    return [problem.format() for problem in shown]


def test_a_clean_bank_has_no_problems_and_loads() -> None:
    checked = check_text("moon.yaml", bank())
    assert checked.problems == ()
    assert checked.bank is not None
    assert [q.id for q in checked.bank.questions] == ["orbit"]


def test_duplicate_key_names_where_the_first_one_is() -> None:
    text = bank(QUESTION + "    answer: Mars\n")
    assert problems(text) == [
        "moon.yaml:11:5: error: duplicate key 'answer' (hint: the first 'answer' is at line 7, column 5; keep one)"
    ]


def test_duplicate_top_level_key() -> None:
    text = HEADER.replace("title: The Moon\n", "title: The Moon\ntitle: Moon facts\n") + QUESTION
    assert problems(text) == [
        "moon.yaml:4:1: error: duplicate key 'title' (hint: the first 'title' is at line 3, column 1; keep one)"
    ]


def test_an_anchor_and_its_alias_are_refused_where_they_are() -> None:
    text = bank(
        QUESTION
        + """\
  - id: orbit-again
    prompt: Which body does the Moon orbit?
    answer: Earth
    wrong: &planets [Mars, Venus]
  - id: orbit-third
    prompt: What does the Moon circle?
    answer: Earth
    wrong: *planets
"""
    )
    assert problems(text) == [
        "moon.yaml:14:12: error: YAML anchor &planets is not allowed (hint: remove the anchor)",
        "moon.yaml:18:12: error: YAML alias *planets is not allowed (hint: write the value out again)",
    ]
    assert check_text("moon.yaml", text).bank is None


def test_unknown_field_suggests_the_close_one() -> None:
    text = bank(QUESTION.replace("explanation:", "explanaton:"))
    assert problems(text) == [
        "moon.yaml:9:5: error: unknown field 'explanaton' in a question (hint: did you mean 'explanation'?)"
    ]


def test_unknown_field_without_a_close_one_lists_the_fields() -> None:
    text = bank(QUESTION + "    colour: blue\n")
    assert problems(text) == [
        "moon.yaml:11:5: error: unknown field 'colour' in a question (hint: the fields are: id, prompt, answer,"
        " answers, wrong, explanation, difficulty, tags, source, time_limit, shuffle, feedback)"
    ]


def test_unknown_top_level_field() -> None:
    text = HEADER.replace("title: The Moon\n", "title: The Moon\ndescriptoin: All about it\n") + QUESTION
    assert problems(text) == [
        "moon.yaml:4:1: error: unknown field 'descriptoin' in the bank (hint: did you mean 'description'?)"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "    time_limit: thirty\n",
            "11:17: error: time_limit must be a number of seconds (hint: for example: time_limit: 30)",
        ),
        ("    time_limit: 0\n", "11:17: error: time_limit must be more than 0 and at most 3600 seconds"),
        ("    shuffle: maybe\n", "11:14: error: shuffle must be true or false"),
        ("    difficulty: Easy\n", "11:17: error: unknown difficulty 'Easy' (hint: did you mean 'easy'?)"),
        ("    difficulty: extreme\n", "11:17: error: unknown difficulty 'extreme' (hint: use easy, medium or hard)"),
        (
            "    source: [page 1]\n",
            "11:13: error: the source must be text, not a list (hint: text that starts with [ or { must be in quotes)",
        ),
        (
            "    feedback: [Mars]\n",
            "11:15: error: feedback must be a mapping from a choice to its text"
            ' (hint: for example: feedback: {"NASA": "NASA is the US agency."})',
        ),
    ],
)
def test_wrong_types_are_reported_at_the_value(line: str, expected: str) -> None:
    assert problems(bank(QUESTION + line)) == [f"moon.yaml:{expected}"]


def test_a_list_where_text_belongs() -> None:
    text = bank(QUESTION.replace("wrong: [Mars, Venus]", "wrong: Mars"))
    assert problems(text) == ["moon.yaml:8:12: error: wrong must be a list (hint: for example: wrong: [first, second])"]


def test_text_that_yaml_reads_as_true_or_false_must_be_quoted() -> None:
    text = bank(QUESTION.replace("wrong: [Mars, Venus]", "wrong: [Mars, no]"))
    assert problems(text) == [
        "moon.yaml:8:19: error: a wrong choice 'no' is read as true/false, not as text (hint: put it in quotes: \"no\")"
    ]


def test_an_empty_required_value() -> None:
    text = bank(QUESTION.replace("prompt: Which planet does the Moon go around?", "prompt:"))
    assert problems(text) == ["moon.yaml:6:12: error: the prompt is empty (hint: write a value after the colon)"]


def test_a_null_value_is_empty_not_the_word_null() -> None:
    text = bank(QUESTION.replace("answer: Earth", "answer: null"))
    assert problems(text) == ["moon.yaml:7:13: error: the answer is empty (hint: write a value after the colon)"]


def test_a_missing_answer_is_reported_at_the_question() -> None:
    text = bank(QUESTION.replace("    answer: Earth\n", ""))
    assert problems(text) == [
        "moon.yaml:5:5: error: question 'orbit' has no answer"
        " (hint: add `answer: ...` for one right choice or true/false, or `answers: [...]` for several)"
    ]


def test_missing_required_question_fields_are_reported_at_the_question() -> None:
    text = bank("  - answer: Earth\n    wrong: [Mars]\n")
    assert problems(text) == [
        "moon.yaml:5:5: error: the question has no 'id' field (hint: add `id: my-question`)",
        "moon.yaml:5:5: error: the question has no 'prompt' field (hint: add `prompt: What is ...?`)",
    ]


def test_missing_required_bank_fields_are_reported_at_the_top() -> None:
    text = "lunarquiz: 1\nid: moon\n" + "questions:\n" + QUESTION
    assert problems(text) == ["moon.yaml:1:1: error: the bank has no 'title' field (hint: add `title: My bank`)"]


def test_an_answer_also_listed_among_the_wrong_ones() -> None:
    text = bank(QUESTION.replace("wrong: [Mars, Venus]", "wrong: [Mars, Earth]"))
    assert problems(text) == [
        "moon.yaml:8:19: error: the answer 'Earth' is also listed among the wrong choices"
        " (hint: a choice is either right or wrong; remove it from `wrong:`)"
    ]


def test_an_answer_of_a_multiple_response_question_also_listed_as_wrong() -> None:
    text = bank(QUESTION.replace("answer: Earth", "answers: [Earth, Luna]").replace("Venus", "Luna"))
    assert problems(text) == [
        "moon.yaml:8:19: error: the answer 'Luna' is also listed among the wrong choices"
        " (hint: a choice is either right or wrong; remove it from `wrong:`)"
    ]


def test_duplicate_question_ids_name_the_first() -> None:
    text = bank(QUESTION + QUESTION.replace("Which planet", "What planet"))
    assert problems(text) == [
        "moon.yaml:11:9: error: duplicate question id 'orbit'"
        " (hint: the first 'orbit' is at line 5, column 9; ids must be unique in a bank)"
    ]


def test_fewer_than_two_choices() -> None:
    text = bank(QUESTION.replace("    wrong: [Mars, Venus]\n", ""))
    assert problems(text) == [
        "moon.yaml:5:5: error: question 'orbit' has fewer than two choices (hint: add wrong choices: `wrong: [..., ...]`)"
    ]


def test_an_empty_wrong_list_is_fewer_than_two_choices_at_the_list() -> None:
    text = bank(QUESTION.replace("wrong: [Mars, Venus]", "wrong: []"))
    assert problems(text) == [
        "moon.yaml:8:12: error: question 'orbit' has fewer than two choices (hint: add wrong choices: `wrong: [..., ...]`)"
    ]


def test_both_answer_and_answers() -> None:
    text = bank(QUESTION + "    answers: [Earth, Sun]\n")
    assert problems(text) == [
        "moon.yaml:11:5: error: question 'orbit' has both 'answer' and 'answers'"
        " (hint: use `answer:` for one right choice, `answers:` for several)"
    ]


def test_a_true_false_question_takes_no_wrong_choices() -> None:
    text = bank(QUESTION.replace("answer: Earth", "answer: true"))
    assert problems(text) == [
        "moon.yaml:8:5: error: question 'orbit' is true/false, so it takes no 'wrong' choices"
        " (hint: remove `wrong:`, or put the answer in quotes to make it text)"
    ]


def test_yes_as_an_answer_is_ambiguous() -> None:
    text = bank(QUESTION.replace("answer: Earth", "answer: yes"))
    assert problems(text) == [
        "moon.yaml:7:13: error: 'yes' is ambiguous"
        ' (hint: write true or false for a true/false question, or put text in quotes: "yes")'
    ]


def test_an_answer_given_as_a_list_points_to_answers() -> None:
    text = bank(QUESTION.replace("answer: Earth", "answer: [Earth, Sun]"))
    assert problems(text) == [
        "moon.yaml:7:13: error: the answer must be one choice, not a list"
        " (hint: for several right choices, write `answers:` instead of `answer:`)"
    ]


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (
            "2",
            "1:12: error: unsupported format version 2: this lunarquiz reads format version 1"
            " (hint: the bank was written for a newer lunarquiz: upgrade lunarquiz to use it)",
        ),
        ("0", "1:12: error: unsupported format version '0' (hint: write `lunarquiz: 1`)"),
        ('"1"', "1:12: error: the format version must be the number 1, not text (hint: write `lunarquiz: 1`)"),
    ],
)
def test_an_unsupported_format_version(version: str, expected: str) -> None:
    text = bank(header=HEADER.replace("lunarquiz: 1", f"lunarquiz: {version}"))
    assert problems(text) == [f"moon.yaml:{expected}"]


def test_a_newer_format_is_not_judged_by_the_old_rules() -> None:
    text = bank(QUESTION + "    hologram: moon.glb\n", header=HEADER.replace("lunarquiz: 1", "lunarquiz: 3"))
    assert [p.split(": error: ")[1][:30] for p in problems(text)] == ["unsupported format version 3: "]


def test_a_missing_format_version() -> None:
    text = bank(header=HEADER.replace("lunarquiz: 1\n", ""))
    assert problems(text) == ["moon.yaml:1:1: error: the bank has no 'lunarquiz' field (hint: add `lunarquiz: 1`)"]


def test_an_invalid_id_suggests_a_valid_one() -> None:
    text = bank(QUESTION.replace("id: orbit", "id: Moon_Orbit"))
    assert problems(text) == [
        "moon.yaml:5:9: error: the question id 'Moon_Orbit' is not a valid id"
        " (hint: use lowercase letters, digits and dashes, like 'moon-orbit')"
    ]


def test_feedback_for_a_choice_that_does_not_exist() -> None:
    text = bank(QUESTION + "    feedback:\n      Marss: Mars has two moons.\n")
    assert problems(text) == [
        "moon.yaml:12:7: error: feedback for 'Marss', which is not one of the choices (hint: did you mean 'Mars'?)"
    ]


def test_feedback_on_a_true_false_question_may_use_true_and_false() -> None:
    text = bank(
        "  - id: light\n    prompt: The Moon makes its own light.\n    answer: false\n"
        "    feedback: {true: It reflects sunlight., False: Right.}\n"
    )
    checked = check_text("moon.yaml", text)
    assert checked.errors == ()
    assert checked.bank is not None
    question = checked.bank.questions[0]
    assert question.feedback_for("True") == "It reflects sunlight."
    assert question.feedback_for("False") == "Right."


def test_empty_or_missing_questions() -> None:
    assert problems(HEADER.replace("questions:\n", "questions: []\n")) == [
        "moon.yaml:4:12: error: the bank has no questions (hint: add at least one question under `questions:`)"
    ]
    assert problems(HEADER) == [
        "moon.yaml:4:11: error: the bank has no questions"
        " (hint: list them under `questions:`, each starting `- id: ...`)"
    ]


def test_a_question_that_is_not_a_mapping() -> None:
    assert problems(bank("  - Which planet does the Moon go around?\n")) == [
        "moon.yaml:5:5: error: a question must be a set of `name: value` fields, not a single value"
    ]


# -- warnings: only with --strict -------------------------------------------------


def warnings(text: str) -> list[str]:
    return [p.format() for p in check_text("moon.yaml", text).warnings]


def test_warnings_do_not_stop_the_bank_from_loading() -> None:
    checked = check_text("moon.yaml", bank(QUESTION.replace("    tags: [moon]\n", "")))
    assert checked.bank is not None
    assert checked.errors == ()
    assert len(checked.warnings) == 1


def test_warning_no_explanation() -> None:
    text = bank(QUESTION.replace("    explanation: The Moon is Earth's natural satellite.\n", ""))
    assert warnings(text) == [
        "moon.yaml:5:5: warning: the question has no explanation"
        " (hint: players learn most from an explanation after they answer)"
    ]


def test_warning_no_tags() -> None:
    text = bank(QUESTION.replace("    tags: [moon]\n", ""))
    assert warnings(text) == [
        "moon.yaml:5:5: warning: the question has no tags (hint: tags let players pick a topic: tags: [topic])"
    ]


def test_warning_identical_choices() -> None:
    text = bank(QUESTION.replace("wrong: [Mars, Venus]", "wrong: [Mars, Venus, Mars, venus ]"))
    assert warnings(text) == [
        "moon.yaml:8:26: warning: the choice 'Mars' is listed twice (hint: players would see it twice: remove one)",
        "moon.yaml:8:32: warning: the choices 'Venus' and 'venus' look the same"
        " (hint: players cannot tell them apart: remove one or reword it)",
    ]


def test_warning_duplicate_prompts() -> None:
    text = bank(QUESTION + QUESTION.replace("id: orbit", "id: orbit-2").replace("Which", "which"))
    assert warnings(text) == [
        "moon.yaml:12:13: warning: the same prompt as the question on line 6 (hint: players cannot tell the two apart)"
    ]


def test_warning_very_long_text() -> None:
    long_prompt = "Which planet " + "really " * 50 + "does the Moon go around?"
    long_choice = "Venus, " * 20
    text = bank(
        QUESTION.replace("Which planet does the Moon go around?", long_prompt).replace(
            "wrong: [Mars, Venus]", f'wrong: [Mars, "{long_choice}"]'
        )
    )
    assert warnings(text) == [
        f"moon.yaml:6:13: warning: the prompt is very long ({len(long_prompt)} characters)"
        " (hint: keep it under 300 so it fits a small terminal)",
        f"moon.yaml:8:19: warning: the choice is very long ({len(long_choice)} characters)"
        " (hint: keep choices under 120 characters)",
    ]


# -- every problem in one run -----------------------------------------------------


def test_a_file_with_many_problems_lists_them_all_in_one_run() -> None:
    text = textwrap.dedent(
        """\
        lunarquiz: 1
        id: Moon Facts
        title: The Moon
        time_limit: soon
        questions:
          - id: orbit
            prompt: Which planet does the Moon go around?
            answer: Earth
            wrong: [Mars, Earth]
            explanaton: The Moon is Earth's natural satellite.
          - id: orbit
            prompt: Is the Moon a planet?
            answer: false
            wrong: [true]
          - id: size
            prompt: How wide is the Moon?
            wrong: [1000 km, 10000 km]
            difficulty: impossible
            difficulty: easy
          - id: far-side
            prompt: Which side of the Moon do we never see from Earth?
            answers: [The far side]
          - id: landing
            prompt: First crewed landing?
            answer: Apollo 11
            answers: [Apollo 11]
            wrong: [Apollo 8]
        """
    )
    assert problems(text) == [
        "moon.yaml:2:5: error: the bank id 'Moon Facts' is not a valid id"
        " (hint: use lowercase letters, digits and dashes, like 'moon-facts')",
        "moon.yaml:4:13: error: time_limit must be a number of seconds (hint: for example: time_limit: 30)",
        "moon.yaml:9:19: error: the answer 'Earth' is also listed among the wrong choices"
        " (hint: a choice is either right or wrong; remove it from `wrong:`)",
        "moon.yaml:10:5: error: unknown field 'explanaton' in a question (hint: did you mean 'explanation'?)",
        "moon.yaml:11:9: error: duplicate question id 'orbit'"
        " (hint: the first 'orbit' is at line 6, column 9; ids must be unique in a bank)",
        "moon.yaml:14:5: error: question 'orbit' is true/false, so it takes no 'wrong' choices"
        " (hint: remove `wrong:`, or put the answer in quotes to make it text)",
        "moon.yaml:15:5: error: question 'size' has no answer"
        " (hint: add `answer: ...` for one right choice or true/false, or `answers: [...]` for several)",
        "moon.yaml:18:17: error: unknown difficulty 'impossible' (hint: use easy, medium or hard)",
        "moon.yaml:19:5: error: duplicate key 'difficulty' (hint: the first 'difficulty' is at line 18, column 5; keep one)",
        "moon.yaml:20:5: error: question 'far-side' has fewer than two choices"
        " (hint: add wrong choices: `wrong: [..., ...]`)",
        "moon.yaml:26:5: error: question 'landing' has both 'answer' and 'answers'"
        " (hint: use `answer:` for one right choice, `answers:` for several)",
    ]
