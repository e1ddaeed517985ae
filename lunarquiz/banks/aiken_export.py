"""Write a bank as Aiken: single-choice questions only, each on one line with options A) B) ... and ANSWER:."""

from __future__ import annotations

import re
import string
import zlib

from lunarquiz.banks.exporters import Exported, Losses
from lunarquiz.core.model import Bank, Kind, Question

_OPTION_LIKE = re.compile(r"[A-Z][).]|ANSWER:")
"""How a line starts when an Aiken reader takes it for an option or an answer."""


def write_aiken(bank: Bank, losses: Losses) -> Exported:
    """``bank`` as Aiken text; true/false and multiple-response questions are skipped with a warning.

    The right answer sits at a place that depends on the question id (the same at
    every export), not always at A; a question with ``shuffle: false`` keeps its order.
    """
    losses.lost_bank(carried=())
    blocks = []
    for question in bank.questions:
        block = _question(question, losses)
        if block:
            blocks.append(block)
            losses.lost(question, carried=())
    return losses.exported("\n\n".join(blocks) + "\n" if blocks else "", len(blocks))


def _question(question: Question, losses: Losses) -> str:
    """The question's lines, or an empty string when Aiken cannot hold it (reported)."""
    if question.kind is Kind.TRUE_FALSE:
        losses.skip(question, "Aiken has no true/false questions")
        return ""
    if question.kind is Kind.MULTIPLE:
        losses.skip(question, "Aiken has no multiple-response questions (one right answer only)")
        return ""
    if len(question.choices) > len(string.ascii_uppercase):
        losses.skip(question, f"Aiken letters its options A to Z, and this question has {len(question.choices)}")
        return ""
    prompt = _one_line(question.prompt)
    if _OPTION_LIKE.match(prompt):
        losses.skip(question, "its prompt starts like an Aiken option or ANSWER: line")
        return ""
    if prompt != question.prompt or any(_one_line(choice) != choice for choice in question.choices):
        losses.warn(question, "Aiken text is one line: line breaks become spaces")
    right, wrong = question.answers[0], list(question.wrong)
    place = zlib.crc32(question.id.encode("utf-8")) % len(question.choices) if question.shuffle else 0
    order = [*wrong[:place], right, *wrong[place:]]
    letters = string.ascii_uppercase
    lines = [prompt, *(f"{letters[index]}) {_one_line(choice)}" for index, choice in enumerate(order))]
    lines.append(f"ANSWER: {letters[place]}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split()) if "\n" in text or "\r" in text else text
