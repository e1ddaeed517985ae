"""Shared test fixtures: a fake clock, small banks written by the tests, a fixed terminal size."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from lunarquiz.core.model import Bank, Kind, Question

ROOT = Path(__file__).resolve().parent.parent

os.environ["TZ"] = "UTC"  # local times on screens (history) read the same on every machine
time.tzset()


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data and cache folders: nothing lands in the user's real ones."""
    base = tmp_path_factory.mktemp("lunarquiz-home")
    monkeypatch.setenv("LUNARQUIZ_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("LUNARQUIZ_CACHE_DIR", str(base / "cache"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def single(qid: str, answer: str = "Right", wrong: tuple[str, ...] = ("W1", "W2", "W3"), **extra: object) -> Question:
    """A single-choice question for tests."""
    return Question(
        id=qid, prompt=f"Prompt {qid}?", kind=Kind.SINGLE, answers=(answer,), wrong=wrong, bank_id="t", **extra
    )  # type: ignore[arg-type]


def multiple(qid: str, answers: tuple[str, ...] = ("R1", "R2"), wrong: tuple[str, ...] = ("W1", "W2")) -> Question:
    """A multiple-response question for tests."""
    return Question(id=qid, prompt=f"Prompt {qid}?", kind=Kind.MULTIPLE, answers=answers, wrong=wrong, bank_id="t")


def true_false(qid: str, right: bool = True) -> Question:
    """A true/false question for tests."""
    answer = "True" if right else "False"
    other = "False" if right else "True"
    return Question(
        id=qid, prompt=f"Statement {qid}.", kind=Kind.TRUE_FALSE, answers=(answer,), wrong=(other,), bank_id="t"
    )


def bank_of(*questions: Question, bank_id: str = "t") -> Bank:
    return Bank(id=bank_id, title="Test bank", questions=questions)
