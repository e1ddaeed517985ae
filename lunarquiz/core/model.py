"""The question bank model: banks, questions and their kinds."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

DEFAULT_TIME_LIMIT = 20.0
"""Seconds per question when neither the question, the bank nor the player says otherwise."""

DIFFICULTIES = ("easy", "medium", "hard")


class Kind(Enum):
    """How a question is answered."""

    SINGLE = "single"
    """One right choice among several."""
    MULTIPLE = "multiple"
    """Several right choices; all of them and none of the wrong ones must be picked."""
    TRUE_FALSE = "true_false"
    """Two choices, True and False."""


TRUE_FALSE_CHOICES = ("True", "False")


@dataclass(frozen=True, slots=True)
class Question:
    """One question as written in a bank."""

    id: str
    prompt: str
    kind: Kind
    answers: tuple[str, ...]
    """The right choices (one for single choice and true/false)."""
    wrong: tuple[str, ...]
    """The wrong choices."""
    bank_id: str = ""
    explanation: str = ""
    difficulty: str = "medium"
    tags: tuple[str, ...] = ()
    source: str = ""
    time_limit: float | None = None
    """Seconds allowed, when the question or its bank sets it."""
    shuffle: bool = True
    feedback: tuple[tuple[str, str], ...] = ()
    """Per-choice feedback: (choice, text) pairs shown when that choice is picked."""

    @property
    def choices(self) -> tuple[str, ...]:
        """Every choice in written order: true/false as True, False; otherwise right then wrong."""
        if self.kind is Kind.TRUE_FALSE:
            return TRUE_FALSE_CHOICES
        return self.answers + self.wrong

    def feedback_for(self, choice: str) -> str:
        """The feedback written for one choice, or an empty string."""
        for text_choice, text in self.feedback:
            if text_choice == choice:
                return text
        return ""


@dataclass(frozen=True, slots=True)
class Bank:
    """A named set of questions loaded from one file."""

    id: str
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    language: str = ""
    source: str = ""
    time_limit: float | None = None
    path: str = ""
    tags: tuple[str, ...] = field(default=())

    @property
    def difficulty_mix(self) -> dict[str, int]:
        """How many questions of each difficulty the bank holds."""
        mix = dict.fromkeys(DIFFICULTIES, 0)
        for question in self.questions:
            mix[question.difficulty] = mix.get(question.difficulty, 0) + 1
        return mix
