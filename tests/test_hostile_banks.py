"""Hostile bank files: each is refused (or cleaned) with a message for people, quickly, and nothing else happens."""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lunarquiz.banks.limits import MAX_BANK_BYTES, MAX_DEPTH, MAX_NODES, MAX_PROBLEMS, bank_byte_limit
from lunarquiz.banks.loader import Checked, check_file, check_text, load_bank
from lunarquiz.banks.problems import BankError
from lunarquiz.core.model import Bank
from lunarquiz.core.round import Round
from lunarquiz.plain.session import play_plain

from .conftest import FakeClock

SANITY_SECONDS = 30.0
"""A generous bound: a hostile file is refused in well under a second; this only catches a hang."""

UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What no text that reaches a terminal may hold: C0 controls but the newline, DEL, C1, bidi overrides."""

GOOD = """\
lunarquiz: 1
id: moon
title: The Moon
questions:
  - id: closest
    prompt: Which body is closest to the Earth?
    answer: The Moon
    wrong: [Mars, Venus]
"""


def files_in(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def check(tmp_path: Path, name: str, data: bytes | str, **limits: int) -> Checked:
    """Write ``data`` to ``name`` in ``tmp_path``, check it from there, and make sure nothing else happened."""
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    before = files_in(tmp_path)
    start = time.monotonic()
    checked = check_file(path, **limits)
    assert time.monotonic() - start < SANITY_SECONDS
    assert files_in(tmp_path) == before, "checking a bank made a file"
    if checked.bank is None:
        with pytest.raises(BankError) as raised:
            load_bank(path, **limits)
        assert raised.value.problems
    return checked


def errors(checked: Checked) -> list[str]:
    return [problem.format() for problem in checked.errors]


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run each test in its own folder (so a file a payload made would show) with the default limits."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LUNARQUIZ_MAX_BANK_BYTES", raising=False)
    yield


# -- size --------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    # Not YAML at all: a parser would complain about the first line; the size is checked first.
    checked = check(tmp_path, "big.yaml", "[[[ not yaml\n" + "x" * 4999, max_bytes=4096)
    assert errors(checked) == [
        f"{tmp_path / 'big.yaml'}: error: the file is 5,012 bytes, over the size limit of 4,096 bytes "
        "(hint: split it into smaller banks, or raise the limit: LUNARQUIZ_MAX_BANK_BYTES=64M)"
    ]


def test_the_default_limit_refuses_a_huge_file_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:  # sparse: reading it would take time and memory, stat does not
        handle.truncate(MAX_BANK_BYTES + 1)
    start = time.monotonic()
    checked = check_file(path)
    assert time.monotonic() - start < SANITY_SECONDS
    assert MAX_BANK_BYTES == 32 * 1024 * 1024
    assert errors(checked) == [
        f"{path}: error: the file is 33,554,433 bytes (32.0 MiB), over the size limit of 33,554,432 bytes "
        "(32.0 MiB) (hint: split it into smaller banks, or raise the limit: LUNARQUIZ_MAX_BANK_BYTES=64M)"
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_refused_without_being_read() -> None:
    checked = check_file("/dev/zero", max_bytes=10_000)  # stat says 0 bytes; reading would never end
    assert [problem.message for problem in checked.errors] == [
        "this is a character device (like a terminal or /dev/null), not a regular file; "
        "lunarquiz reads only regular files"
    ]


def test_the_limit_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert check(tmp_path, "moon.yaml", GOOD).bank is not None
    monkeypatch.setenv("LUNARQUIZ_MAX_BANK_BYTES", "100")
    assert "over the size limit of 100 bytes" in errors(check(tmp_path, "moon.yaml", GOOD))[0]
    monkeypatch.setenv("LUNARQUIZ_MAX_BANK_BYTES", "1K")
    assert check(tmp_path, "moon.yaml", GOOD).bank is not None
    assert bank_byte_limit(environ={"LUNARQUIZ_MAX_BANK_BYTES": "64M"}) == 64 * 1024 * 1024
    assert bank_byte_limit(50, environ={"LUNARQUIZ_MAX_BANK_BYTES": "64M"}) == 50  # the parameter wins


def test_a_bad_limit_in_the_environment_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUNARQUIZ_MAX_BANK_BYTES", "lots")
    assert errors(check(tmp_path, "moon.yaml", GOOD)) == [
        f"{tmp_path / 'moon.yaml'}: error: LUNARQUIZ_MAX_BANK_BYTES is 'lots', which is not a size in bytes; "
        "set it to a number like 33554432 or 64M, or unset it for the default of 32M"
    ]


# -- structure: depth, size of the tree, aliases, tags ------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("[" * 100_000 + "]" * 100_000, f"1:{MAX_DEPTH + 1}"),  # past libyaml's own look-ahead limit too
        ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), f"1:{MAX_DEPTH + 1}"),
        ("{a: " * 100_000 + "1" + "}" * 100_000, f"1:{4 * MAX_DEPTH + 1}"),
        ("".join("  " * level + "- \n" for level in range(2000)), f"{MAX_DEPTH + 1}:{2 * MAX_DEPTH + 1}"),
    ],
    ids=["flow-lists-100000", "flow-lists-33", "flow-mappings-100000", "block-lists-2000"],
)
def test_deep_nesting_is_refused_without_a_recursion_error(tmp_path: Path, text: str, place: str) -> None:
    assert errors(check(tmp_path, "deep.yaml", text)) == [
        f"{tmp_path / 'deep.yaml'}:{place}: error: YAML syntax: lists and mappings are nested more than "
        f"{MAX_DEPTH} levels deep here (hint: a bank needs 5 levels at most (bank, questions, question, choices, "
        "text): look for a [ or { never closed)"
    ]


def test_a_file_of_too_many_values_is_refused_before_its_tree_is_built(tmp_path: Path) -> None:
    text = "[" + ",".join(["a"] * (MAX_NODES + 10)) + "]"
    [problem] = check(tmp_path, "wide.yaml", text).problems
    assert (problem.line, problem.column) == (1, 2 * MAX_NODES)  # the value past the limit
    assert problem.message.startswith(f"the file holds more than {MAX_NODES:,} values")
    assert "split the bank into several files" in problem.hint


def test_billion_laughs_cost_nothing_and_every_anchor_is_named(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    checked = check(tmp_path, "lol.yaml", "\n".join(lines) + "\n")
    messages = errors(checked)
    path = tmp_path / "lol.yaml"
    assert f"{path}:1:5: error: YAML anchor &a0 is not allowed (hint: remove the anchor)" in messages
    assert f"{path}:10:5: error: YAML anchor &a9 is not allowed (hint: remove the anchor)" in messages
    assert f"{path}:10:10: error: YAML alias *a8 is not allowed (hint: write the value out again)" in messages
    assert sum("YAML alias" in message for message in messages) == 81


def test_a_merge_key_is_refused(tmp_path: Path) -> None:
    text = GOOD + "  - &q {id: other, prompt: Other?, answer: a, wrong: [b]}\n  - <<: *q\n    id: third\n"
    messages = errors(check(tmp_path, "merge.yaml", text))
    assert any(":10:5: error: YAML merge keys (<<) are not allowed" in message for message in messages)
    assert any(":10:9: error: YAML alias *q is not allowed" in message for message in messages)


@pytest.mark.parametrize(
    ("payload", "tag"),
    [
        ('!!python/object/apply:os.system ["touch pwned"]', "!!python/object/apply:os.system"),
        ("!!python/object/new:subprocess.Popen [[touch, pwned]]", "!!python/object/new:subprocess.Popen"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ('!!python/module:os ""', "!!python/module:os"),
        ("!custom pwned", "!custom"),
    ],
)
def test_a_python_tag_constructs_nothing(tmp_path: Path, payload: str, tag: str) -> None:
    text = GOOD.replace("title: The Moon", f"title: {payload}")
    assert errors(check(tmp_path, "tag.yaml", text)) == [
        f"{tmp_path / 'tag.yaml'}:3:8: error: YAML tag {tag} is not allowed (hint: remove the `!` tag)"
    ]
    assert not (tmp_path / "pwned").exists()


def test_a_second_document_is_refused(tmp_path: Path) -> None:
    assert errors(check(tmp_path, "two.yaml", GOOD + "---\n" + GOOD)) == [
        f"{tmp_path / 'two.yaml'}:9:1: error: YAML syntax: a bank file holds one YAML document, but a second one "
        "starts here (hint: remove the `---` line, or put the second bank in a file of its own)"
    ]


def test_checking_stops_after_a_thousand_errors(tmp_path: Path) -> None:
    questions = "".join(f"  - {{id: Q{n}, prompt: p, answer: a, wrong: [b]}}\n" for n in range(5000))
    checked = check(tmp_path, "bad.yaml", "lunarquiz: 1\nid: bad\ntitle: Bad\nquestions:\n" + questions)
    assert len(checked.errors) == MAX_PROBLEMS + 1
    last = checked.errors[-1]
    assert (last.line, last.column, last.message) == (1005, 10, "more than 1000 errors: checking stopped here")


def test_thousands_of_choices_and_feedback_choices_are_refused_at_the_limit(tmp_path: Path) -> None:
    wrong = ", ".join(f"wrong choice {n}" for n in range(3000))
    feedback = ", ".join(f"feedback choice {n}: why" for n in range(3000))
    text = GOOD.replace("wrong: [Mars, Venus]", f"wrong: [{wrong}]\n    feedback: {{{feedback}}}")
    checked = check(tmp_path, "hints.yaml", text)
    assert [problem.message for problem in checked.errors] == [
        "`wrong:` holds 3,000 items; at most 10 are allowed",
        "feedback for 3,000 choices; a question has at most 10",
    ]


# -- characters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            GOOD.encode().replace(b"The Moon\n", b"The M\xf6on\n", 1),
            ":3:13: error: the file is not valid UTF-8 (byte 0xf6) (hint: save the file as UTF-8: in most "
            "editors, Save As and pick the UTF-8 encoding)",
        ),
        (
            GOOD.replace("Mars", "Ma\x00rs").encode(),
            ":8:15: error: the file holds the control character U+0000, which YAML does not allow "
            "(hint: delete it; it is often invisible, so retype the text around it)",
        ),
        (
            GOOD.replace("closest to", "closest \x1b[2J to").encode(),
            ":6:35: error: the file holds the control character U+001B, which YAML does not allow "
            "(hint: delete it; it is often invisible, so retype the text around it)",
        ),
        (
            GOOD.replace("The Moon\n", "The Möon \x9b2J\n", 1).encode(),
            ":3:17: error: the file holds the control character U+009B, which YAML does not allow "
            "(hint: delete it; it is often invisible, so retype the text around it)",
        ),
        (
            "\ufeff".encode("utf-16-le") + GOOD.encode("utf-16-le"),
            ":1:1: error: the file is UTF-16, not UTF-8 (hint: save the file as UTF-8)",
        ),
    ],
    ids=["invalid-utf8", "nul", "raw-esc", "raw-c1-csi", "utf16"],
)
def test_bad_characters_in_the_file_are_reported_where_they_are(tmp_path: Path, data: bytes, expected: str) -> None:
    assert errors(check(tmp_path, "chars.yaml", data)) == [f"{tmp_path / 'chars.yaml'}{expected}"]


def test_a_byte_order_mark_and_crlf_line_ends_are_accepted(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode()
    checked = check(tmp_path, "windows.yaml", data)
    assert checked.bank is not None and checked.bank.title == "The Moon"
    assert checked.bank.questions[0].wrong == ("Mars", "Venus")


def test_a_lone_surrogate_escape_is_a_syntax_error(tmp_path: Path) -> None:
    text = GOOD.replace("title: The Moon", 'title: "half \\ud800"')
    [message] = errors(check(tmp_path, "surrogate.yaml", text))
    assert ":3:16: error: YAML syntax: found invalid Unicode character escape code" in message


# -- terminal escapes made by YAML escapes ----------------------------------------------------

TERMINAL_ATTACK = r"""lunarquiz: 1
id: attack
title: "\e]0;pwned title\a The Moon"
description: "\e]52;c;cm0gLXJmIH4K\a copied"
questions:
  - id: clear
    prompt: "Which body\e[2J\e[H is closest?\r"
    answer: "The \u202eMoon"
    wrong: ["Mars\x9b2J", "Venus\b\b\b\bPluto", "Sun\u2066"]
    explanation: "Because\x07\x7f it \tis\x1b\\."
    tags: ["\e[31mred"]
    shuffle: false
    feedback:
      "Mars\x9b2J": "\x1b]8;;http://evil.invalid\x1b\\link\x1b]8;;\x1b\\"
      "The \u202eMoon": "\x9d0;title\x9c right"
  - id: truth
    prompt: "\e[5mBlink\e[0m: the Moon is round."
    answer: true
    explanation: Plain.
    tags: [moon]
"""


def every_text(bank: Bank) -> list[str]:
    texts = [bank.id, bank.title, bank.description, bank.language, bank.source, *bank.tags]
    for question in bank.questions:
        texts += [question.id, question.prompt, question.explanation, question.source, question.difficulty]
        texts += [*question.answers, *question.wrong, *question.tags]
        texts += [text for pair in question.feedback for text in pair]
    return texts


def test_escape_sequences_in_a_bank_reach_the_model_as_visible_symbols(tmp_path: Path) -> None:
    checked = check(tmp_path, "attack.yaml", TERMINAL_ATTACK)
    bank = checked.bank
    assert bank is not None, errors(checked)
    assert not [text for text in every_text(bank) if UNSAFE.search(text)]
    assert bank.title == "␛]0;pwned title␇ The Moon"
    clear = bank.questions[0]
    assert clear.prompt == "Which body␛[2J␛[H is closest?␍"
    assert clear.answers == ("The �Moon",)
    assert clear.wrong == ("Mars�2J", "Venus␈␈␈␈Pluto", "Sun�")
    assert clear.explanation == "Because␇␡ it  is␛\\."
    assert clear.feedback_for("Mars�2J") == "␛]8;;http://evil.invalid␛\\link␛]8;;␛\\"
    assert clear.feedback_for("The �Moon") == "�0;title� right"
    assert bank.tags == ("moon", "␛[31mred")


def test_strict_checking_warns_where_each_escape_was_written(tmp_path: Path) -> None:
    checked = check(tmp_path, "attack.yaml", TERMINAL_ATTACK)
    warnings = [problem.format() for problem in checked.warnings if "bidirectional" in problem.message]
    path = tmp_path / "attack.yaml"
    suffix = (
        ": control or bidirectional characters, which lunarquiz shows as visible symbols "
        r"(hint: remove them; an escape like \e, \a, \x9b or \u202e in quotes makes one)"
    )
    assert warnings == [
        f"{path}:3:8: warning: the title holds U+001B ESC, U+0007 BEL{suffix}",
        f"{path}:4:14: warning: the description holds U+001B ESC, U+0007 BEL{suffix}",
        f"{path}:7:13: warning: the prompt holds U+001B ESC, U+000D CR{suffix}",
        f"{path}:8:13: warning: the answer holds U+202E RLO{suffix}",
        f"{path}:9:13: warning: a wrong choice holds U+009B CSI{suffix}",
        f"{path}:9:27: warning: a wrong choice holds U+0008 BS{suffix}",
        f"{path}:9:49: warning: a wrong choice holds U+2066 LRI{suffix}",
        f"{path}:10:18: warning: the explanation holds U+0007 BEL, U+007F DEL, U+001B ESC{suffix}",
        f"{path}:11:12: warning: a tag holds U+001B ESC{suffix}",
        f"{path}:14:7: warning: a feedback choice holds U+009B CSI{suffix}",
        f"{path}:14:21: warning: the feedback holds U+001B ESC{suffix}",
        f"{path}:15:7: warning: a feedback choice holds U+202E RLO{suffix}",
        f"{path}:15:25: warning: the feedback holds U+009D OSC, U+009C{suffix}",
        f"{path}:17:13: warning: the prompt holds U+001B ESC{suffix}",
    ]


def test_a_round_over_a_hostile_bank_prints_no_control_character(tmp_path: Path) -> None:
    bank = check(tmp_path, "attack.yaml", TERMINAL_ATTACK).bank
    assert bank is not None
    clock = FakeClock()
    for seed in range(4):
        round_ = Round(bank.questions, rng=random.Random(seed), clock=clock)
        answers = iter([str(seed % 4 + 1), "", "1", ""])
        out: list[str] = []
        play_plain(round_, read_line=lambda typed=answers: next(typed, None), write=out.append, clock=clock)
        text = "\n".join(out)
        assert "pwned" not in text  # the title is not shown in a round; its text is checked above
        for forbidden in ("\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u2066", "\b", "\r", "\x7f"):
            assert forbidden not in text
        assert not UNSAFE.search(text)
        assert "Which body␛[2J␛[H is closest?␍" in text
        assert "Why: Because␇␡ it  is␛\\." in text


def test_problem_messages_are_safe_to_print() -> None:
    checked = check_text("evil\x1b[2J.yaml", "lunarquiz: 1\nid: x\ntitle: t\nquestions: 3\n")
    for problem in checked.problems:
        assert not UNSAFE.search(problem.format())
        assert problem.format().startswith("evil␛[2J.yaml:")


def test_the_written_bank_files_of_the_project_stay_clean() -> None:
    from lunarquiz.banks.discovery import builtin_banks_dir

    for path in sorted(builtin_banks_dir().glob("*.yaml")):
        checked = check_file(path)
        assert checked.bank is not None and not checked.errors
        assert not [text for text in every_text(checked.bank) if UNSAFE.search(text)]
        assert not any("bidirectional" in problem.message for problem in checked.warnings)
        assert os.path.getsize(path) < MAX_BANK_BYTES


def test_only_the_safe_loader_ever_reads_yaml() -> None:
    import yaml

    from lunarquiz.banks import strict_yaml

    assert issubclass(strict_yaml._Loader, yaml.constructor.SafeConstructor)
    unsafe = re.compile(
        r"yaml\.(load|load_all|full_load|unsafe_load|Loader|FullLoader|UnsafeLoader|UnsafeConstructor)\b"
    )
    package = Path(strict_yaml.__file__).resolve().parent.parent
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if unsafe.search(line)
    ]
    assert not offenders, offenders
