"""Question ids made on import: unique, the same as they always were, and linear in repeated prompts."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from lunarquiz.banks.importers import QuestionIds, read_source

REPEATS = 20_000
"""Questions with one prompt: importing them took 42-60 s while each id was searched for from ``-2``."""


def first_free_ids(wanted: list[str]) -> list[str]:
    """The ids as the rule defines them: each search starts from ``-2``; slow, and plainly right."""
    taken: set[str] = set()
    made = []
    for name in wanted:
        base = name or f"q{len(taken) + 1}"
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        made.append(candidate)
    return made


class CountingSet(set[str]):
    """A set that counts the membership tests made on it."""

    tests = 0

    def __contains__(self, item: object) -> bool:
        CountingSet.tests += 1
        return super().__contains__(item)


def claim_all(wanted: list[str]) -> list[str]:
    ids = QuestionIds()
    return [ids.claim(name) for name in wanted]


def test_repeated_prompts_get_numbered_ids_in_order() -> None:
    ids = QuestionIds()
    made = [ids.for_prompt("What is the capital of France?") for _ in range(4)]
    assert made == [
        "what-is-the-capital-of-france",
        "what-is-the-capital-of-france-2",
        "what-is-the-capital-of-france-3",
        "what-is-the-capital-of-france-4",
    ]


def test_a_given_id_that_looks_numbered_is_skipped_over() -> None:
    assert claim_all(["a", "a", "a-3", "a", "a-3", "a", "", "a-2-2", "a-2", "a-2"]) == [
        "a",
        "a-2",
        "a-3",
        "a-4",
        "a-3-2",
        "a-5",
        "q7",
        "a-2-2",
        "a-2-3",
        "a-2-4",
    ]


@pytest.mark.parametrize("seed", range(20))
def test_ids_are_the_first_free_ones_as_before(seed: int) -> None:
    rng = random.Random(seed)
    names = ["x", "x-2", "x-3", "x-2-2", "y", "y-10", "", "q1", "q3"]
    wanted = [rng.choice(names) if rng.random() < 0.7 else f"x-{rng.randint(2, 30)}" for _ in range(300)]
    made = claim_all(wanted)
    assert made == first_free_ids(wanted)
    assert len(set(made)) == len(made)


def test_claiming_one_id_many_times_tests_each_candidate_about_once(monkeypatch: pytest.MonkeyPatch) -> None:
    ids = QuestionIds()
    monkeypatch.setattr(ids, "_taken", CountingSet())
    CountingSet.tests = 0
    for _ in range(2_000):
        ids.claim("same")
    assert CountingSet.tests <= 3 * 2_000  # a search from -2 each time makes ~2,000,000


def test_a_csv_of_repeated_prompts_imports_with_unique_ids() -> None:
    rows = "".join(f"Which one?,right {n},wrong {n}\n" for n in range(50))
    imported = read_source("csv", "same.csv", "prompt,answer,wrong1\n" + rows)
    assert [question.id for question in imported.questions] == ["which-one"] + [f"which-one-{n}" for n in range(2, 51)]


def test_20000_questions_with_one_prompt_get_their_ids_quickly() -> None:
    program = (
        "from lunarquiz.banks.importers import QuestionIds\n"
        "ids = QuestionIds()\n"
        f"made = [ids.for_prompt('What is the answer?') for _ in range({REPEATS})]\n"
        "print(made[-1], len(set(made)))\n"
    )
    try:  # a guard, not a timing: the quadratic search takes about a minute, the linear one a few ms
        done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{REPEATS:,} questions with one prompt did not get their ids in 30 s")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [f"what-is-the-answer-{REPEATS}", str(REPEATS)]
