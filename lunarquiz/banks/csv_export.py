"""Write a bank as CSV: one header row, then a row per question, the columns ``lunarquiz import`` reads."""

from __future__ import annotations

import io

from lunarquiz.banks.exporters import Exported, Losses
from lunarquiz.core.model import Bank, Kind
from lunarquiz.spreadsheet_cells import write_table

CARRIED = ("explanation", "tags", "difficulty", "source")
"""The question fields CSV carries, besides the id, prompt and choices."""


def write_csv(bank: Bank, losses: Losses) -> Exported:
    """``bank`` as CSV text: ``answer`` (and ``answer2``, ... for multiple response), ``wrong1`` ... ``wrongN``.

    A true/false question has the answer True or False and no wrong choices. Every cell is
    text: one a spreadsheet would run as a formula starts with ``'``, which ``import`` takes off.
    """
    losses.lost_bank(carried=())
    choices = [question for question in bank.questions if question.kind is not Kind.TRUE_FALSE]
    right_columns = max((len(question.answers) for question in choices), default=1)
    wrong_columns = max((len(question.wrong) for question in choices), default=0)
    header = ["id", "prompt", "answer", *(f"answer{n}" for n in range(2, right_columns + 1))]
    header += [f"wrong{n}" for n in range(1, wrong_columns + 1)]
    header += ["explanation", "tags", "difficulty", "source"]
    rows = []
    for question in bank.questions:
        losses.lost(question, CARRIED)
        if any(";" in tag for tag in question.tags):
            losses.warn(question, "a tag holds ';', which separates tags in CSV: it will read back as two tags")
        answers = list(question.answers) + [""] * (right_columns - len(question.answers))
        wrong = [] if question.kind is Kind.TRUE_FALSE else list(question.wrong)
        wrong += [""] * (wrong_columns - len(wrong))
        tags = "; ".join(question.tags)
        rows.append(
            [
                question.id,
                question.prompt,
                *answers,
                *wrong,
                question.explanation,
                tags,
                question.difficulty,
                question.source,
            ]
        )
    buffer = io.StringIO()
    write_table(buffer, header, rows)
    return losses.exported(buffer.getvalue(), len(bank.questions))
