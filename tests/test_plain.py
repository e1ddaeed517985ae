"""Plain mode: whole rounds through pipes and with a fake clock; never an escape sequence."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from lunarquiz.core.round import Round, RoundSettings
from lunarquiz.plain.answers import AnswerError, parse_answer
from lunarquiz.plain.session import play_plain

from .conftest import ROOT, FakeClock, multiple, single, true_false

ONE_OF_EACH = """\
lunarquiz: 1
id: plain
title: Plain test
time_limit: 30
questions:
  - id: single
    prompt: Which agency is Russia's?
    answer: Roscosmos
    wrong: [CNSA, NASA, ESA]
    shuffle: false
    explanation: Roscosmos is Russia's space agency.
  - id: multi
    prompt: Which agencies signed?
    answers: [CNSA, Roscosmos]
    wrong: [NASA, ESA]
    shuffle: false
  - id: truth
    prompt: "True or false: the ILRS is open to other countries."
    answer: true
"""


def play_piped(tmp_path: Path, stdin: str, *extra: str) -> subprocess.CompletedProcess[str]:
    bank = tmp_path / "bank.yaml"
    bank.write_text(ONE_OF_EACH, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "lunarquiz", "play", "--bank", str(bank), "--seed", "1", *extra],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def question_order(output: str) -> list[str]:
    ids = {"Which agency is Russia's?": "single", "Which agencies signed?": "multi"}
    order = []
    for line in output.splitlines():
        if line in ids:
            order.append(ids[line])
        elif line.startswith("True or false"):
            order.append("truth")
    return order


def test_a_scripted_round_through_a_pipe(tmp_path: Path) -> None:
    # Find the order the seed gives, then answer every question right.
    probe = play_piped(tmp_path, "")
    order = question_order(probe.stdout)
    assert order and order[0] in {"single", "multi", "truth"}
    answers = {"single": "1", "multi": "a, b", "truth": "a"}
    first = play_piped(tmp_path, "".join(f"{answers[q]}\n\n" for q in ["single", "multi", "truth"]))
    order = question_order(first.stdout)
    script = "".join(f"{answers[q]}\n\n" for q in order)
    result = play_piped(tmp_path, script)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out and "\x1b" not in result.stderr
    assert out.count("Right!") == 3
    assert "Question 1 of 3 (30 seconds)" in out
    assert "Select all that apply" in out
    assert "Right: 3 of 3 (100%)." in out
    assert "Why: Roscosmos is Russia's space agency." in out


def test_wrong_answers_and_bad_input_in_a_pipe(tmp_path: Path) -> None:
    result = play_piped(tmp_path, "9\nzz\n1 2\n2\n\n" * 3, "--questions", "1")
    out = result.stdout
    assert result.returncode == 0 and "\x1b" not in out
    assert "'9' is not one of the choices." in out or "'zz' is not one of the choices" in out
    assert "Score:" in out


def test_end_of_input_ends_the_round_cleanly(tmp_path: Path) -> None:
    result = play_piped(tmp_path, "1\n")
    assert result.returncode == 0
    assert "The round ended early, after 1 of 3 questions." in result.stdout
    assert "Traceback" not in result.stderr and "\x1b" not in result.stdout


def test_no_input_at_all(tmp_path: Path) -> None:
    result = play_piped(tmp_path, "")
    assert result.returncode == 0
    assert "The round ended early, after 0 of 3 questions." in result.stdout


def run_in_process(
    questions: list, lines: list[str], clock: FakeClock, delays: list[float], **settings: object
) -> tuple[str, Round]:  # type: ignore[type-arg]
    round_ = Round(questions, rng=random.Random(0), clock=clock, settings=RoundSettings(**settings))  # type: ignore[arg-type]
    feed = iter(zip(lines, delays, strict=True))
    out: list[str] = []

    def read_line() -> str | None:
        try:
            line, delay = next(feed)
        except StopIteration:
            return None
        clock.advance(delay)
        return line

    play_plain(round_, read_line=read_line, write=out.append, clock=clock)
    return "\n".join(out), round_


def test_a_late_answer_counts_as_a_time_out(clock: FakeClock) -> None:
    out, round_ = run_in_process([single("a", shuffle=False)], ["1", ""], clock, [10.5, 0], time_limit=10)
    assert "Time is up. Your answer came after the time ran out. No points." in out
    assert round_.outcomes[0].timed_out and round_.results().score == 0


def test_an_answer_in_time_scores_by_speed(clock: FakeClock) -> None:
    out, round_ = run_in_process([single("a", shuffle=False)], ["a", ""], clock, [5, 0], time_limit=10)
    assert "Right! 750 points." in out
    assert round_.results().score == 750


def test_multiple_response_and_true_false_in_process(clock: FakeClock) -> None:
    questions = [multiple("m"), true_false("t", right=False)]
    lines = []
    round_probe = Round(questions, rng=random.Random(0), clock=clock)
    order = [q.id for q in round_probe.questions]
    for qid in order:
        lines += ["1,2,3", ""] if qid == "m" else ["b", ""]
    _, round_ = run_in_process(questions, lines, clock, [1] * len(lines), time_limit=10)
    results = round_.results()
    assert results.answered == 2
    assert [o.asked.question.id for o in results.outcomes] == order
    assert {o.asked.question.id: o.correct for o in results.outcomes} == {"m": False, "t": True}


@pytest.mark.parametrize(
    ("text", "choices", "multiple", "expected"),
    [
        ("2", 4, False, {1}),
        (" B ", 4, False, {1}),
        ("1, 3", 4, True, {0, 2}),
        ("a c", 4, True, {0, 2}),
        ("a;b", 2, True, {0, 1}),
    ],
)
def test_parse_answer(text: str, choices: int, multiple: bool, expected: set[int]) -> None:
    assert parse_answer(text, choices, multiple=multiple) == expected


@pytest.mark.parametrize(("text", "multiple"), [("", False), ("5", False), ("e", False), ("1 2", False), ("one", True)])
def test_parse_answer_refuses(text: str, multiple: bool) -> None:
    with pytest.raises(AnswerError):
        parse_answer(text, 4, multiple=multiple)
