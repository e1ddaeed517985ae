"""Markdown set aside, line by line: what each line of an article is, and its text without the marks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class LineKind(Enum):
    """What one line of an article is."""

    BLANK = "blank"
    HEADING = "heading"
    ITEM = "item"
    """The first line of a list item."""
    TEXT = "text"
    SKIP = "skip"
    """Code, tables, rules, link definitions, front matter: no prose in it."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of an article: its number (from 1), its kind and its plain text."""

    number: int
    kind: LineKind
    text: str


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_RULE = re.compile(r"^\s*([-*_=])(?:\s*\1){2,}\s*$")
_TABLE = re.compile(r"^\s*\|")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_UNDERSCORE = re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)")
_HTML = re.compile(r"</?[A-Za-z][^>\n]*>")


def plain_lines(text: str) -> list[Line]:
    """Every line of ``text``, with Markdown marks taken out and each line's kind decided."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[Line] = []
    in_code = False
    in_front_matter = bool(raw) and raw[0].strip() == "---"
    for number, line in enumerate(raw, start=1):
        if in_front_matter:
            in_front_matter = number == 1 or line.strip() != "---"
            lines.append(Line(number, LineKind.SKIP, ""))
            continue
        if _FENCE.match(line):
            in_code = not in_code
            lines.append(Line(number, LineKind.SKIP, ""))
            continue
        if in_code or _TABLE.match(line) or _LINK_DEFINITION.match(line):
            lines.append(Line(number, LineKind.SKIP, ""))
            continue
        if _RULE.match(line):
            _underline(lines, number)
            continue
        lines.append(_classify(number, line))
    return lines


def _underline(lines: list[Line], number: int) -> None:
    """A rule of ``===`` or ``---`` right under a line of text makes that line a heading."""
    if lines and lines[-1].kind is LineKind.TEXT:
        lines[-1] = Line(lines[-1].number, LineKind.HEADING, lines[-1].text)
    lines.append(Line(number, LineKind.SKIP, ""))


def _classify(number: int, line: str) -> Line:
    body = _QUOTE.sub("", line)
    if not body.strip():
        return Line(number, LineKind.BLANK, "")
    heading = _HEADING.match(body)
    if heading:
        return Line(number, LineKind.HEADING, inline_plain(heading.group(1)))
    item = _ITEM.match(body)
    if item:
        return Line(number, LineKind.ITEM, inline_plain(body[item.end() :]))
    return Line(number, LineKind.TEXT, inline_plain(body))


def inline_plain(text: str) -> str:
    """``text`` without images, link targets, emphasis marks or HTML tags, on single spaces."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML.sub("", text)
    for _ in range(2):  # **bold *inside* bold**
        text = _EMPHASIS.sub(r"\2", text)
        text = _UNDERSCORE.sub(r"\1", text)
    text = text.replace("**", "").replace("__", "")  # the ends of bold text that runs over several lines
    return " ".join(text.split())
