"""Write a Bank as bank-format-1 YAML text that reads back as the same bank."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from lunarquiz.banks import format as fmt
from lunarquiz.core.model import Bank, Kind, Question

SCHEMA_LINE = "# yaml-language-server: $schema=https://lunarquiz.invalid/schema/bank-v1.json"
"""The first line of every bank file: lets editors check the bank against the JSON Schema."""

_PLAIN = re.compile(r"[A-Za-z](?:[A-Za-z0-9 ._/()'-]*[A-Za-z0-9._/()'-])?")
"""Text safe to write without quotes, in block and flow context alike (no ``: ``, `` #``, ``,``, brackets)."""

_LOOKS_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
"""The words (in any case) that YAML readers take for booleans or null; the only ones ``_PLAIN`` lets through,
since it wants a letter first (numbers, dates, ``.inf``, ``~``, ``=`` and ``<<`` all start otherwise)."""

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x85": "\\N", "\u2028": "\\L"}
_ESCAPES["\u2029"] = "\\P"

_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]')
"""Characters a double-quoted YAML scalar must spell as an escape."""

_MAX_SIMPLE_KEY = 1000
"""A mapping key longer than this is written as an explicit ``? key`` (YAML caps implicit keys at 1024)."""


def dump_bank(bank: Bank) -> str:
    """``bank`` as YAML text: the documented field order, only the fields that differ from their default."""
    lines = [SCHEMA_LINE]
    bank_values = {
        "lunarquiz": str(fmt.FORMAT_VERSION),
        "id": _scalar(bank.id),
        "title": _scalar(bank.title),
        "description": _scalar(bank.description) if bank.description else None,
        "language": _scalar(bank.language) if bank.language else None,
        "source": _scalar(bank.source) if bank.source else None,
        "time_limit": _seconds(bank.time_limit) if bank.time_limit is not None else None,
    }
    for name in fmt.BANK_FIELDS:
        value = bank_values.get(name)
        if value is not None:
            lines.append(f"{name}: {value}")
    lines.append("questions:")
    for number, question in enumerate(bank.questions):
        if number:
            lines.append("")
        lines.extend(_question_lines(question, bank.time_limit))
    return "\n".join(lines) + "\n"


def _question_lines(question: Question, bank_limit: float | None) -> list[str]:
    """One question as lines of a block sequence item."""
    values: dict[str, list[str]] = {"id": [_scalar(question.id)], "prompt": [_scalar(question.prompt)]}
    if question.kind is Kind.TRUE_FALSE:
        values["answer"] = ["true" if question.answers == ("True",) else "false"]
    elif question.kind is Kind.MULTIPLE:
        values["answers"] = [_flow_list(question.answers)]
    else:
        values["answer"] = [_scalar(question.answers[0])]
    if question.kind is not Kind.TRUE_FALSE and question.wrong:
        values["wrong"] = [_flow_list(question.wrong)]
    if question.explanation:
        values["explanation"] = [_scalar(question.explanation)]
    if question.difficulty != "medium":
        values["difficulty"] = [_scalar(question.difficulty)]
    if question.tags:
        values["tags"] = [_flow_list(question.tags)]
    if question.source:
        values["source"] = [_scalar(question.source)]
    if question.time_limit is not None and question.time_limit != bank_limit:
        values["time_limit"] = [_seconds(question.time_limit)]
    if not question.shuffle:
        values["shuffle"] = ["false"]
    if question.feedback:
        values["feedback"] = ["", *_feedback_lines(question.feedback)]
    lines: list[str] = []
    for name in fmt.QUESTION_FIELDS:
        if name in values:
            first, *rest = values[name]
            lead = "  - " if not lines else "    "
            lines.append(f"{lead}{name}:{' ' + first if first else ''}")
            lines.extend(rest)
    return lines


def _feedback_lines(feedback: Iterable[tuple[str, str]]) -> list[str]:
    lines = []
    for choice, text in feedback:
        key = _quoted(choice)
        if len(key) > _MAX_SIMPLE_KEY:
            lines.extend([f"      ? {key}", f"      : {_scalar(text)}"])
        else:
            lines.append(f"      {key}: {_scalar(text)}")
    return lines


def _flow_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(_scalar(item) for item in items) + "]"


def _scalar(text: str) -> str:
    """``text`` plain when that is unambiguous everywhere, else double-quoted."""
    if _PLAIN.fullmatch(text) and text.lower() not in _LOOKS_SPECIAL and "  " not in text:
        return text
    return _quoted(text)


def _quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar on one line, every character kept."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    known = _ESCAPES.get(char)
    if known is not None:
        return known
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _seconds(value: float) -> str:
    """A number of seconds as YAML reads it back exactly: ``20``, ``12.5``, never ``1e-05``."""
    if value == int(value):
        return str(int(value))
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text
