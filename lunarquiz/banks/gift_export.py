"""Write a bank as GIFT for Moodle: ids as ``::names::``, explanations after ``####``, tags as ``[tag:...]``.

Per-choice feedback follows ``#``; a true/false question's feedback is written as
``{TRUE#shown when False is picked#shown when True is picked}``, Moodle's order. A
multiple-response question gives each right choice an equal share (``~%50%``) and
each wrong one ``~%-100%``, so that only the full set of right choices scores. Tags
go in a comment line before the question, ``// [tag:iss] [tag:dates]``, which Moodle
(3.6 and later) and ``lunarquiz import`` read; ``$CATEGORY:`` is not used, since it
would move every later question into one category.
"""

from __future__ import annotations

import re

from lunarquiz.banks.exporters import Exported, Losses
from lunarquiz.core.model import Bank, Kind, Question

CARRIED = ("explanation", "feedback", "tags")
"""The question fields GIFT carries, besides the id, prompt and choices."""

_SPECIAL = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n"}
)
_MARKER = re.compile(r"\[(?:moodle|html|plain|markdown)\]")
_WEIGHT_LIKE = re.compile(r"%-?\d+(?:\.\d*)?%")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
"""Characters a tag in a ``// [tag:...]`` comment line cannot hold."""


def escape(text: str) -> str:
    """``text`` as GIFT writes it: control characters escaped, line breaks as ``\\n``, on one line."""
    flat = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPECIAL)
    return "[plain]" + flat if _MARKER.match(text.strip()) else flat  # keep a leading "[html]" as text


def write_gift(bank: Bank, losses: Losses) -> Exported:
    """``bank`` as GIFT text; every question fits, what GIFT cannot hold is reported in ``losses``."""
    title = " ".join(bank.title.split())
    blocks = [f"// {title} (lunarquiz bank {bank.id}), written by lunarquiz export"]
    losses.lost_bank(carried=())
    for question in bank.questions:
        blocks.append(_question(question))
        losses.lost(question, CARRIED)
        for tag in question.tags:
            if _CONTROL.search(tag):
                losses.warn(question, f"the tag {tag!r} holds a line break or control character; left out")
    return losses.exported("\n\n".join(blocks) + "\n", len(bank.questions))


def _question(question: Question) -> str:
    lines = []
    tags = [tag.replace("]", "\\]") for tag in question.tags if not _CONTROL.search(tag)]
    if tags:
        lines.append("// " + " ".join(f"[tag:{tag}]" for tag in tags))
    head = f"::{escape(question.id)}::{escape(question.prompt)}"
    explanation = f"####{escape(question.explanation)}" if question.explanation else ""
    if question.kind is Kind.TRUE_FALSE:
        right = question.answers[0]
        other = "False" if right == "True" else "True"
        right_feedback, wrong_feedback = escape(question.feedback_for(right)), escape(question.feedback_for(other))
        answer = "TRUE" if right == "True" else "FALSE"
        if wrong_feedback or right_feedback:
            answer += f"#{wrong_feedback}"
        if right_feedback:
            answer += f"#{right_feedback}"
        lines.append(f"{head} {{{answer}{explanation}}}")
        return "\n".join(lines)
    lines.append(head + " {")
    if question.kind is Kind.MULTIPLE:
        share = f"{100 / len(question.answers):.5f}".rstrip("0").rstrip(".")
        marks = [(f"~%{share}%", choice) for choice in question.answers]
        marks += [("~%-100%", choice) for choice in question.wrong]
    else:
        marks = [("=", question.answers[0])]
        marks += [("~%0%" if _WEIGHT_LIKE.match(choice) else "~", choice) for choice in question.wrong]
    for mark, choice in marks:
        feedback = question.feedback_for(choice)
        lines.append(f"\t{mark}{escape(choice)}" + (f"#{escape(feedback)}" if feedback else ""))
    if explanation:
        lines.append(f"\t{explanation}")
    lines.append("}")
    return "\n".join(lines)
