"""Write a bank in another format (GIFT, Aiken, CSV), with a warning for each thing the format cannot carry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lunarquiz.banks.problems import Problem
from lunarquiz.core.model import Bank, Question

EXPORT_FORMATS = ("gift", "aiken", "csv")
"""The formats ``lunarquiz export`` writes."""


@dataclass(frozen=True, slots=True)
class Exported:
    """A bank written in another format: the text, how many questions it holds, and what was lost."""

    text: str
    written: int
    skipped: int
    problems: tuple[Problem, ...]


class Losses:
    """Collects the warnings of one export, each placed at its question's line in the bank file."""

    def __init__(self, bank: Bank, format_name: str, lines: Mapping[str, int]) -> None:
        self.bank = bank
        self.format_name = format_name
        self.lines = lines
        self.problems: list[Problem] = []
        self.skipped = 0

    def warn(self, question: Question | None, message: str) -> None:
        """A warning about ``question`` (None: about the bank as a whole)."""
        line = self.lines.get(question.id, 0) if question is not None else 0
        about = f"question {question.id!r}: " if question is not None else ""
        self.problems.append(Problem(self.bank.path, line, 1 if line else 0, about + message, "", "warning"))

    def skip(self, question: Question, why: str) -> None:
        """Leave ``question`` out, saying why."""
        self.skipped += 1
        self.warn(question, f"skipped: {why}")

    def lost(self, question: Question, carried: tuple[str, ...]) -> None:
        """Warn once about every field of ``question`` that is set but not among ``carried``."""
        set_fields = {
            "explanation": bool(question.explanation),
            "feedback": bool(question.feedback),
            "tags": bool(question.tags),
            "difficulty": question.difficulty != "medium",
            "source": bool(question.source),
            "time limit": question.time_limit is not None and question.time_limit != self.bank.time_limit,
            "fixed choice order": not question.shuffle,
        }
        lost = [name for name, is_set in set_fields.items() if is_set and name not in carried]
        if lost:
            self.warn(question, f"{self.format_name} cannot carry its {_and(lost)}; left out")

    def lost_bank(self, carried: tuple[str, ...]) -> None:
        """Warn once about the bank's own fields that the format cannot carry."""
        bank = self.bank
        set_fields = {
            "title": True,
            "description": bool(bank.description),
            "language": bool(bank.language),
            "source": bool(bank.source),
            "time limit": bank.time_limit is not None,
        }
        lost = [name for name, is_set in set_fields.items() if is_set and name not in carried]
        if lost:
            self.warn(None, f"{self.format_name} cannot carry the bank's {_and(lost)}; left out")

    def exported(self, text: str, written: int) -> Exported:
        return Exported(text, written, self.skipped, tuple(self.problems))


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def export_bank(bank: Bank, format_name: str, lines: Mapping[str, int] | None = None) -> Exported:
    """``bank`` written as ``format_name`` (one of EXPORT_FORMATS).

    ``lines`` maps question ids to their line in the bank file, to place the warnings.
    """
    losses = Losses(bank, {"gift": "GIFT", "aiken": "Aiken", "csv": "CSV"}.get(format_name, format_name), lines or {})
    if format_name == "gift":
        from lunarquiz.banks.gift_export import write_gift

        return write_gift(bank, losses)
    if format_name == "aiken":
        from lunarquiz.banks.aiken_export import write_aiken

        return write_aiken(bank, losses)
    if format_name == "csv":
        from lunarquiz.banks.csv_export import write_csv

        return write_csv(bank, losses)
    raise ValueError(f"unknown export format {format_name!r}; the formats are {', '.join(EXPORT_FORMATS)}")
