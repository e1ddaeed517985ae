"""Characters that draw nothing (zero-width spaces, joiners, soft hyphens, ...) cannot make a blank text or twin choices.

A prompt made only of U+200B used to load as a blank line, and "yes" next to "yes" + U+200B
as two choices no player could tell apart. One rule, in ``core.text``, holds for banks and
for every importer: a text that shows nothing is empty, and two choices that show the same
are an error. Texts that need such characters (emoji sequences, Persian, soft hyphens) load
as written.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from lunarquiz.banks.importers import bank_yaml, build_bank, read_source
from lunarquiz.banks.loader import check_text
from lunarquiz.core.text import clean_text

BANK = """\
lunarquiz: 1
id: moon
title: The Moon
questions:
  - id: first
    prompt: Who walked on the Moon first?
    answer: Neil Armstrong
    wrong: [Buzz Aldrin, Yuri Gagarin]
    explanation: He stepped out first.
    tags: [apollo]
"""

INVISIBLE = {
    "U+200B ZWSP": "\u200b",
    "U+200C ZWNJ": "\u200c",
    "U+200D ZWJ": "\u200d",
    "U+2060 WJ": "\u2060",
    "U+FEFF ZWNBSP": "\ufeff",
    "U+00AD SOFT HYPHEN": "\u00ad",
    "U+180E MVS": "\u180e",
    "U+3164": "\u3164",  # Hangul filler
    "U+FE0F": "\ufe0f",  # variation selector 16
    "U+E0041": "\U000e0041",  # tag letter A
}


def errors(text: str) -> list[tuple[int, int, str]]:
    return [(problem.line, problem.column, problem.message) for problem in check_text("moon.yaml", text).errors]


def escaped(text: str) -> str:
    """``text`` as a YAML double-quoted scalar with every character past ASCII as an escape."""
    return '"' + text.encode("ascii", "backslashreplace").decode("ascii").replace("\\U", "\\U") + '"'


@pytest.mark.parametrize("name", list(INVISIBLE))
@pytest.mark.parametrize("written", ["raw", "escaped"])
def test_a_prompt_of_invisible_characters_only_is_empty(name: str, written: str) -> None:
    value = INVISIBLE[name] * 2
    shown = f'"{value}"' if written == "raw" else escaped(value)
    text = BANK.replace("prompt: Who walked on the Moon first?", f"prompt: {shown}")
    assert errors(text) == [(6, 13, f"the prompt is empty: it holds only {name}, which show nothing")]


@pytest.mark.parametrize(
    ("old", "new", "place", "what"),
    [
        ("title: The Moon", 'title: "\\u200b \\u2060"', (3, 8), "the title"),
        ("answer: Neil Armstrong", 'answer: "\\u200b"', (7, 13), "the answer"),
        ("wrong: [Buzz Aldrin, Yuri Gagarin]", 'wrong: [Buzz Aldrin, "\\u200d"]', (8, 26), "a wrong choice"),
        ("tags: [apollo]", 'tags: [apollo, "\\u00ad"]', (10, 20), "a tag"),
        ("    tags: [apollo]", '    tags: [apollo]\n    feedback: {"\\ufeff": nope}', (11, 16), "a feedback choice"),
    ],
)
def test_any_text_that_must_not_be_empty_is_empty_when_it_shows_nothing(
    old: str, new: str, place: tuple[int, int], what: str
) -> None:
    found = errors(BANK.replace(old, new))
    assert [(line, column) for line, column, _ in found] == [place]
    assert found[0][2].startswith(f"{what} is empty: it holds only U+")


def test_a_blank_looking_braille_pattern_is_empty_too() -> None:
    assert errors(BANK.replace("prompt: Who walked on the Moon first?", 'prompt: "\\u2800 \\u200b"')) == [
        (6, 13, "the prompt is empty: it holds only U+200B ZWSP, which show nothing")
    ]


def test_explanations_and_notes_may_be_empty_as_before() -> None:
    text = BANK.replace("explanation: He stepped out first.", 'explanation: "\\u200b"')
    assert check_text("moon.yaml", text).bank is not None


LOOK_ALIKE = "they differ only in characters that show nothing"


@pytest.mark.parametrize(
    ("answer", "wrong", "place", "pair"),
    [
        ('"yes"', '["yes\\u200b", "no"]', (8, 13), "'yes' and 'yes\\u200b'"),
        ('"yes"', '["no", "n\\u2060o"]', (8, 19), "'no' and 'n\\u2060o'"),
        ('"yes"', '["no", "no\\u00ad"]', (8, 19), "'no' and 'no\\xad'"),
        ('"café"', '["cafe\\u0301", "tea"]', (8, 13), "'café' and 'cafe\u0301'"),  # one é; e and an accent
    ],
)
def test_choices_that_look_exactly_the_same_are_an_error(
    answer: str, wrong: str, place: tuple[int, int], pair: str
) -> None:
    text = BANK.replace("answer: Neil Armstrong", f"answer: {answer}").replace(
        "wrong: [Buzz Aldrin, Yuri Gagarin]", f"wrong: {wrong}"
    )
    checked = check_text("moon.yaml", text)
    assert checked.bank is None
    [error] = checked.errors
    assert (error.line, error.column) == place
    assert error.message.startswith(f"the choices {pair} look exactly the same on screen")
    assert error.hint.startswith(LOOK_ALIKE)
    assert not checked.warnings  # not also "look the same" under --strict


def test_right_answers_that_look_the_same_are_an_error() -> None:
    text = BANK.replace("answer: Neil Armstrong", 'answers: ["Neil", "\\u200bNeil"]')
    assert [message for _, _, message in errors(text)] == [
        "the choices 'Neil' and '\\u200bNeil' look exactly the same on screen"
    ]


def test_choices_that_differ_in_case_still_only_warn() -> None:
    text = BANK.replace("wrong: [Buzz Aldrin, Yuri Gagarin]", "wrong: [Buzz Aldrin, buzz aldrin]")
    checked = check_text("moon.yaml", text)
    assert checked.bank is not None
    assert [p.message for p in checked.warnings] == ["the choices 'Buzz Aldrin' and 'buzz aldrin' look the same"]


def test_prompts_that_differ_only_in_invisible_characters_are_the_same_prompt() -> None:
    second = (
        '  - id: second\n    prompt: "Who walked on the Moon\\u200b first?"\n    answer: Neil Armstrong\n'
        "    wrong: [Buzz Aldrin, Yuri Gagarin]\n    explanation: Again.\n    tags: [apollo]\n"
    )
    checked = check_text("moon.yaml", BANK + second)
    assert [p.message for p in checked.warnings] == ["the same prompt as the question on line 6"]


@pytest.mark.parametrize(
    "choice",
    [
        "👩\u200d🚀",  # woman astronaut: an emoji joined by U+200D
        "❤\ufe0f",  # a heart drawn as an emoji by variation selector 16
        "می\u200cخواهم",  # Persian, with a zero-width non-joiner inside the word
        "Mond\u00adlandung",  # German, with a soft hyphen where the word may break
    ],
)
def test_texts_that_need_invisible_characters_load_as_written(choice: str) -> None:
    text = BANK.replace("Yuri Gagarin", f'"{choice}"')
    checked = check_text("moon.yaml", text)
    assert checked.bank is not None, checked.problems
    assert checked.bank.questions[0].wrong == ("Buzz Aldrin", choice)
    assert clean_text(choice) == choice  # shown as written: the terminal draws them as nothing, or joins


# -- the importers: the same rule, and never a bank the loader would refuse ---------------


def gift(prompt: str, right: str, *wrong: str) -> str:
    return f"{prompt}{{={right} {' '.join('~' + w for w in wrong)}}}\n\n"


def aiken(prompt: str, right: str, *wrong: str) -> str:
    options = [right, *wrong]
    return prompt + "\n" + "".join(f"{'ABCD'[n]}) {o}\n" for n, o in enumerate(options)) + "ANSWER: A\n\n"


def csv(prompt: str, right: str, *wrong: str) -> str:
    return ",".join([prompt, right, *wrong]) + "\n"


def opentdb(prompt: str, right: str, *wrong: str) -> dict[str, object]:
    return {
        "type": "multiple",
        "difficulty": "easy",
        "category": "Space",
        "question": prompt,
        "correct_answer": right,
        "incorrect_answers": list(wrong),
    }


QUESTIONS = [
    ("\u200b\u200b", "yes", "no"),  # a prompt that shows nothing
    ("Is the Moon round?", "yes", "yes\u200b", "no"),  # twin choices
    ("Is it far?", "yes", "\u2060", "no"),  # a choice that shows nothing
    ("Is it cold?", "yes", "no"),  # fine
]


def source(format_name: str) -> str:
    if format_name == "gift":
        return "".join(gift(*question) for question in QUESTIONS)
    if format_name == "aiken":
        return "".join(aiken(*question) for question in QUESTIONS)
    if format_name == "csv":
        return "prompt,answer,wrong1,wrong2\n" + "".join(csv(*question) for question in QUESTIONS)
    return json.dumps({"response_code": 0, "results": [opentdb(*question) for question in QUESTIONS]})


@pytest.mark.parametrize("format_name", ["gift", "aiken", "csv", "opentdb"])
def test_every_importer_leaves_out_what_the_loader_would_refuse(format_name: str) -> None:
    imported = read_source(format_name, f"quiz.{format_name}", source(format_name))
    assert [question.prompt for question in imported.questions] == ["Is it cold?"]
    assert imported.skipped == 3
    messages = " | ".join(problem.message for problem in imported.errors)
    assert "a question's prompt holds only U+200B ZWSP, which show nothing" in messages
    assert "the choices 'yes' and 'yes\\u200b' look exactly the same on screen" in messages
    assert "a choice holds only U+2060 WJ, which show nothing" in messages
    text = bank_yaml(build_bank(imported, "quiz", "Quiz"), "quiz.yaml")  # no ImportBug: the loader agrees
    assert check_text("quiz.yaml", text).bank is not None


def test_an_imported_tag_that_shows_nothing_is_left_out() -> None:
    imported = read_source("gift", "quiz.gift", "// [tag:\u200b]\n// [tag:moon]\nIs it cold?{=yes ~no}\n")
    assert [question.tags for question in imported.questions] == [("moon",)]


def test_an_accent_written_apart_is_named_in_the_message() -> None:
    text = BANK.replace("answer: Neil Armstrong", 'answer: "café"').replace(
        "wrong: [Buzz Aldrin, Yuri Gagarin]", 'wrong: ["cafe\\u0301", tea]'
    )
    [error] = check_text("moon.yaml", text).errors
    assert error.message.endswith("(one writes an accented letter as a letter and a combining accent)")


def test_the_rule_in_one_place() -> None:
    from lunarquiz.banks.problems import quote
    from lunarquiz.core.text import is_blank, look_alike, on_screen

    assert all(is_blank(text) for text in ["", " \t", "\u200b", "\u200b\u200c\u200d\u2060\ufeff\u00ad", "\u2800"])
    assert not any(is_blank(text) for text in ["a", "\u200ba", "👩\u200d🚀", "."])
    assert on_screen("yes\u200b") == on_screen("yes") == "yes"
    assert on_screen("cafe\u0301") == on_screen("café")
    assert on_screen("Yes") != on_screen("yes")  # a player can see case
    assert look_alike(" Yes \u200b ") == look_alike("yes")
    assert quote("yes\u200b\u3164\ufe0f") == "'yes\\u200b\\u3164\\ufe0f'"  # what draws nothing is shown as escapes


def test_an_import_title_that_shows_nothing_is_empty(tmp_path: Path) -> None:
    """Not a bank whose title the loader refuses (an internal ImportBug): the option is refused first."""
    from lunarquiz.commands.import_bank import run_import

    (tmp_path / "quiz.gift").write_text("Is it cold?{=yes ~no}\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run_import(str(tmp_path / "quiz.gift"), "-", title="\u200b\u2060", out=out, err=err)
    assert (code, err.getvalue().strip()) == (1, "--title is empty")
