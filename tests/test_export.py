"""Writing banks: dump_bank's YAML reads back the same; GIFT, Aiken and CSV exports and ``lunarquiz export``."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from lunarquiz.banks.discovery import builtin_banks_dir
from lunarquiz.banks.exporters import export_bank
from lunarquiz.banks.importers import read_source
from lunarquiz.banks.loader import check_text, load_bank
from lunarquiz.banks.writer import SCHEMA_LINE, dump_bank
from lunarquiz.commands.export_bank import run_export
from lunarquiz.core.model import Bank, Kind, Question
from lunarquiz.core.text import clean_text, unsafe_characters

BUILTIN = sorted(builtin_banks_dir().glob("*.yaml"))

TRICKY = [
    "yes",
    "no",
    "No",
    "ON",
    "y",
    "1998",
    "0x1F",
    "1e3",
    "3.14",
    ".inf",
    "2021-03-09",
    "true",
    "null",
    "~",
    "=",
    "<<",
    "---",
    "...",
    ": ",
    "a: b",
    "#",
    "a #b",
    "- item",
    "? key",
    "[not a list]",
    "{not: a map}",
    "&anchor",
    "*alias",
    "!tag",
    "%percent",
    "@at",
    "`tick",
    "'single'",
    '"double"',
    "back\\slash",
    "  leading spaces",
    "trailing spaces  ",
    "two\nlines",
    "line\n  indented",
    "tab\there",
    "carriage\rreturn",
    "nul\x00char",
    "bell\x07",
    "del\x7f",
    "next\x85line",
    "line\u2028separator",
    "para\u2029separator",
    "bom\ufeffinside",
    "non\ufffecharacter",
    "café – naïve",
    "中文",
    "emoji 😀",
    "It's $332 million, {more} or ~less = #1",
]


def _question(qid: str, text: str) -> Question:
    return Question(
        id=qid,
        prompt=f"{text}?",
        kind=Kind.SINGLE,
        answers=(text,),
        wrong=(f"not {text}", "other"),
        bank_id="tricky",
        explanation=text,
        tags=(text,),
        source=text,
        feedback=((text, text), ("other", text)),
    )


def tricky_bank() -> Bank:
    questions = tuple(_question(f"q{number}", text) for number, text in enumerate(TRICKY, start=1))
    tags = tuple(sorted(TRICKY))
    return Bank(id="tricky", title="yes", questions=questions, description="1998", source=": #", tags=tags)


def reads_back(bank: Bank) -> Bank:
    checked = check_text("t.yaml", dump_bank(bank))
    assert checked.bank is not None, [problem.format() for problem in checked.errors]
    return replace(checked.bank, path=bank.path)


# -- dump_bank ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", BUILTIN, ids=lambda path: path.stem)
def test_every_builtin_bank_reads_back_equal(path: Path) -> None:
    bank = load_bank(path)
    assert reads_back(bank) == bank


def test_the_file_starts_with_the_schema_line_and_the_version() -> None:
    lines = dump_bank(tricky_bank()).splitlines()
    assert lines[:4] == [SCHEMA_LINE, "lunarquiz: 1", "id: tricky", 'title: "yes"']


def test_tricky_strings_read_back_exactly() -> None:
    bank = tricky_bank()
    printable = tuple(q for q in bank.questions if not unsafe_characters(q.answers[0]) and "\t" not in q.answers[0])
    bank = replace(bank, questions=printable, tags=tuple(sorted(q.answers[0] for q in printable)))
    assert reads_back(bank) == bank


def test_control_characters_read_back_as_the_loader_shows_them() -> None:
    """The loader shows control and bidirectional characters as symbols; dump_bank writes them as escapes."""
    bank = tricky_bank()
    checked = check_text("t.yaml", dump_bank(bank))
    assert checked.bank is not None
    for original, back in zip(bank.questions, checked.bank.questions, strict=True):
        assert back.prompt == clean_text(original.prompt)
        assert back.answers == tuple(clean_text(text) for text in original.answers)
        assert back.feedback == tuple((clean_text(a), clean_text(b)) for a, b in original.feedback)


def test_only_fields_that_differ_from_their_default() -> None:
    question = Question(id="q", prompt="Plain?", kind=Kind.SINGLE, answers=("a",), wrong=("b",), bank_id="b")
    text = dump_bank(Bank(id="b", title="B", questions=(question,)))
    assert text.endswith('questions:\n  - id: q\n    prompt: "Plain?"\n    answer: a\n    wrong: [b]\n')


def test_kinds_and_the_other_fields() -> None:
    questions = (
        Question(id="t", prompt="T.", kind=Kind.TRUE_FALSE, answers=("True",), wrong=("False",), bank_id="b"),
        Question(
            id="f",
            prompt="F.",
            kind=Kind.TRUE_FALSE,
            answers=("False",),
            wrong=("True",),
            bank_id="b",
            feedback=(("True", "No."),),
        ),
        Question(
            id="m",
            prompt="M?",
            kind=Kind.MULTIPLE,
            answers=("a", "b"),
            wrong=("c",),
            bank_id="b",
            difficulty="hard",
            time_limit=12.5,
            shuffle=False,
        ),
        Question(id="s", prompt="S?", kind=Kind.SINGLE, answers=("a",), wrong=("b",), bank_id="b", time_limit=1e-05),
    )
    bank = Bank(id="b", title="B", questions=questions, time_limit=20.0)
    bank = replace(bank, questions=tuple(replace(q, time_limit=q.time_limit or 20.0) for q in questions))
    text = dump_bank(bank)
    assert "    answer: true\n" in text
    assert "    answer: false\n" in text
    assert '      "True": No.\n' in text
    assert "    answers: [a, b]\n" in text
    assert "    time_limit: 12.5\n    shuffle: false\n" in text
    assert "    time_limit: 0.00001\n" in text
    assert "time_limit: 20\n" in text
    assert reads_back(bank) == bank


def test_a_very_long_feedback_choice_uses_an_explicit_key() -> None:
    long = '"' * 500  # the longest choice a bank allows, quoted with an escape for each character: 1,002
    question = Question(
        id="q", prompt="Q?", kind=Kind.SINGLE, answers=(long,), wrong=("b",), bank_id="b", feedback=((long, "fb"),)
    )
    bank = Bank(id="b", title="B", questions=(question,))
    assert "      ? " in dump_bank(bank)
    assert reads_back(bank) == bank


# -- GIFT, CSV and Aiken exports -------------------------------------------------------------


@pytest.mark.parametrize("to", ["gift", "csv"])
@pytest.mark.parametrize("path", BUILTIN, ids=lambda path: path.stem)
def test_import_of_export_gives_back_every_builtin_question(path: Path, to: str) -> None:
    bank = load_bank(path)
    exported = export_bank(bank, to)
    imported = read_source(to, f"x.{to}", exported.text)
    assert imported.problems == ()
    assert exported.written == len(bank.questions)
    pairs = list(zip(bank.questions, imported.questions, strict=True))
    for original, back in pairs:
        assert (back.id, back.prompt, back.kind) == (original.id, original.prompt, original.kind)
        assert (back.answers, back.wrong) == (original.answers, original.wrong)
        assert (back.explanation, back.tags) == (original.explanation, original.tags)
    if to == "gift":
        assert all(back.feedback == original.feedback for original, back in pairs)
    else:
        assert all((back.difficulty, back.source) == (original.difficulty, original.source) for original, back in pairs)


@pytest.mark.parametrize("to", ["gift", "csv"])
def test_import_of_export_keeps_tricky_text(to: str) -> None:
    """Text comes back as written; control characters as the loader shows them (visible symbols)."""
    bank = tricky_bank()
    keepable = tuple(q for q in bank.questions if q.answers[0] == q.answers[0].strip() and "\r" not in q.prompt)
    bank = replace(bank, questions=keepable)
    imported = read_source(to, f"x.{to}", export_bank(bank, to).text)

    def shown(question: Question) -> tuple[object, ...]:
        answers, wrong = tuple(map(clean_text, question.answers)), tuple(map(clean_text, question.wrong))
        return clean_text(question.prompt), answers, wrong, clean_text(question.explanation)

    assert [(q.prompt, q.answers, q.wrong, q.explanation) for q in imported.questions] == [
        shown(q) for q in bank.questions
    ]
    if to == "gift":
        feedback = [tuple((clean_text(a), clean_text(b)) for a, b in q.feedback) for q in bank.questions]
        assert [q.feedback for q in imported.questions] == feedback
        writable = [q.tags for q in bank.questions if not any(ord(char) < 32 or char == "\x7f" for char in q.tags[0])]
        assert [q.tags for q in imported.questions if q.tags] == [tuple(map(clean_text, tags)) for tags in writable]


def test_gift_protects_text_that_looks_like_gift_syntax() -> None:
    texts = ["[html]<b>bold</b>", "%50% off", "$CATEGORY: not one", "// not a comment", "::not a name::", "####"]
    questions = tuple(
        Question(id=f"q{n}", prompt=text, kind=Kind.SINGLE, answers=(text,), wrong=(f"{text} 2", f"not {text}"))
        for n, text in enumerate(texts)
    )
    bank = Bank(id="b", title="B", questions=questions)
    imported = read_source("gift", "x.gift", export_bank(bank, "gift").text)
    assert [(q.prompt, q.answers, q.wrong) for q in imported.questions] == [
        (q.prompt, q.answers, q.wrong) for q in questions
    ]


def test_gift_multiple_response_and_true_false_with_feedback() -> None:
    questions = (
        Question(id="m", prompt="M?", kind=Kind.MULTIPLE, answers=("a", "b", "c"), wrong=("d",), bank_id="b"),
        Question(
            id="t",
            prompt="T.",
            kind=Kind.TRUE_FALSE,
            answers=("True",),
            wrong=("False",),
            explanation="Why.",
            feedback=(("False", "Wrong pick."),),
        ),
    )
    text = export_bank(Bank(id="b", title="B", questions=questions), "gift").text
    assert "\t~%33.33333%a\n" in text
    assert "\t~%-100%d\n" in text
    assert "::t::T. {TRUE#Wrong pick.####Why.}" in text
    back = read_source("gift", "x.gift", text).questions
    assert back[0].kind is Kind.MULTIPLE and back[0].answers == ("a", "b", "c")
    assert back[1].feedback == (("False", "Wrong pick."),) and back[1].explanation == "Why."


def test_gift_warns_about_what_it_cannot_carry_at_the_question_line() -> None:
    bank = load_bank(builtin_banks_dir() / "ilrs.yaml")
    exported = export_bank(bank, "gift", {bank.questions[0].id: 10})
    first = next(p for p in exported.problems if p.line)
    assert first.line == 10
    assert first.severity == "warning"
    assert "GIFT cannot carry its difficulty and source" in first.message


def test_aiken_skips_what_it_cannot_hold_and_keeps_the_rest() -> None:
    bank = load_bank(builtin_banks_dir() / "ilrs.yaml")
    exported = export_bank(bank, "aiken")
    singles = [q for q in bank.questions if q.kind is Kind.SINGLE]
    assert exported.written == len(singles)
    assert exported.skipped == len(bank.questions) - len(singles)
    skips = [p.message for p in exported.problems if "skipped" in p.message]
    assert any("no true/false questions" in message for message in skips)
    assert any("no multiple-response questions" in message for message in skips)
    assert any("cannot carry its explanation" in p.message for p in exported.problems)
    imported = read_source("aiken", "x.txt", exported.text)
    assert imported.problems == ()
    for original, back in zip(singles, imported.questions, strict=True):
        assert back.prompt == original.prompt
        assert back.answers == original.answers
        assert sorted(back.wrong) == sorted(original.wrong)
    letters = {line for line in exported.text.splitlines() if line.startswith("ANSWER:")}
    assert len(letters) > 1  # the right answer is not always A


def test_aiken_one_line_text_and_option_like_prompts() -> None:
    questions = (
        Question(id="a", prompt="Two\nlines?", kind=Kind.SINGLE, answers=("x",), wrong=("y",)),
        Question(id="b", prompt="A) looks like an option", kind=Kind.SINGLE, answers=("x",), wrong=("y",)),
        Question(id="c", prompt="Fixed?", kind=Kind.SINGLE, answers=("x",), wrong=("y", "z"), shuffle=False),
    )
    exported = export_bank(Bank(id="b", title="B", questions=questions), "aiken")
    assert exported.text.startswith("Two lines?\n")
    assert "Fixed?\nA) x\nB) y\nC) z\nANSWER: A\n" in exported.text
    assert exported.skipped == 1
    assert any("line breaks become spaces" in p.message for p in exported.problems)


def test_csv_columns() -> None:
    bank = load_bank(builtin_banks_dir() / "ilrs.yaml")
    header = export_bank(bank, "csv").text.splitlines()[0]
    assert header.startswith("id,prompt,answer,answer2")
    assert header.endswith("wrong1,wrong2,wrong3,explanation,tags,difficulty,source")


# -- lunarquiz export ----------------------------------------------------------------------


def test_export_a_builtin_bank_by_id(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "ilrs.gift"
    assert run_export("ilrs", str(target), to="gift", out=out, err=err) == 0
    assert target.read_text(encoding="utf-8").startswith("// The International Lunar Research Station")
    assert "wrote" in err.getvalue().splitlines()[-1]
    assert "ilrs.yaml:10: warning: question 'ilrs-countries': GIFT cannot carry" in err.getvalue()


def test_export_a_bank_file_to_standard_output(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_export(str(builtin_banks_dir() / "space-history.yaml"), "-", to="csv", out=out, err=err) == 0
    assert out.getvalue().startswith("id,prompt,answer")


def test_export_errors_are_one_line(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(dump_bank(tricky_bank()), encoding="utf-8")
    cases = [
        ("no-such-bank", str(tmp_path / "x.gift"), "no built-in bank has this id"),
        (str(tmp_path / "missing.yaml"), str(tmp_path / "x.gift"), "no such file"),
        (str(bank), str(bank), "this is the bank being exported"),
        (str(bank), str(tmp_path / "nowhere" / "x.gift"), "does not exist"),
    ]
    for name, output, message in cases:
        err = io.StringIO()
        assert run_export(name, output, to="gift", out=io.StringIO(), err=err) == 1
        assert message in err.getvalue()
        assert "Traceback" not in err.getvalue()
    assert bank.read_text(encoding="utf-8") == dump_bank(tricky_bank())


def test_export_writes_nothing_when_no_question_fits(tmp_path: Path) -> None:
    question = Question(id="t", prompt="T.", kind=Kind.TRUE_FALSE, answers=("True",), wrong=("False",), bank_id="b")
    bank = tmp_path / "tf.yaml"
    bank.write_text(dump_bank(Bank(id="b", title="B", questions=(question,))), encoding="utf-8")
    err = io.StringIO()
    assert run_export(str(bank), str(tmp_path / "tf.txt"), to="aiken", out=io.StringIO(), err=err) == 1
    assert not (tmp_path / "tf.txt").exists()
    assert "nothing written" in err.getvalue()
