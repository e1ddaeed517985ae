"""An article as sentences, each with the line it starts on and whether it is prose or a heading."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from lunarquiz.generate.markdown import Line, LineKind, plain_lines
from lunarquiz.generate.words import word_set


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article."""

    text: str
    line: int
    """The line (from 1) the sentence starts on."""
    heading: bool = False
    """From a title, heading, label or byline: its capitals say nothing about names."""


_TERMINAL = re.compile(r"[.!?:;][\"”’')\]]*$")
"""How a line of prose ends; a line that ends otherwise is a title, heading, label or byline."""
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"[\w.]+$")
_LABEL = re.compile(
    r"^(?:Also Read|Read Also|Read More|See Also|Related(?: Articles?| Stories| Story| Reading)?|Recommended"
    r"|More|Watch|Listen|Update|Editor'?s Pick)\s?:\s+(?=\S)",
    re.IGNORECASE,
)
"""``Also Read:``, ``Related Article :``: a label in front of a linked headline."""

ABBREVIATIONS = word_set(
    "mr mrs ms dr prof st jr sr vs etc e.g i.e approx no nos fig gen col lt capt sgt gov sen rep inc co corp ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n u.s.s.r"
)
"""Words ending in a dot that do not end a sentence."""


def sentences_of(text: str) -> list[Sentence]:
    """The sentences of an article, in order."""
    lines = plain_lines(text)
    sentences: list[Sentence] = []
    for paragraph in _paragraphs(lines, wrapped=_is_wrapped(lines)):
        sentences.extend(_paragraph_sentences(paragraph))
    return sentences


def _is_wrapped(lines: list[Line]) -> bool:
    """Whether paragraphs run over several lines (most lines stop mid-sentence), rather than one per line."""
    prose = [line for line in lines if line.kind is LineKind.TEXT]
    written = [index for index, line in enumerate(lines) if line.kind is not LineKind.BLANK]
    inside = lines[written[0] : written[-1]] if written else []
    if not any(line.kind is LineKind.BLANK for line in inside) or len(prose) < 2:
        return False
    open_ended = sum(1 for line in prose if not _TERMINAL.search(line.text))
    return open_ended * 2 > len(prose)


def _paragraphs(lines: list[Line], *, wrapped: bool) -> list[list[Line]]:
    paragraphs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        joins = wrapped and line.kind is LineKind.TEXT and current and current[-1].kind is not LineKind.HEADING
        if not joins and current:
            paragraphs.append(current)
            current = []
        if line.kind in (LineKind.TEXT, LineKind.ITEM, LineKind.HEADING):
            current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs


def _paragraph_sentences(paragraph: list[Line]) -> list[Sentence]:
    starts: list[tuple[int, int]] = []  # (offset in the joined text, line number)
    pieces: list[str] = []
    offset = 0
    for line in paragraph:
        starts.append((offset, line.number))
        pieces.append(line.text)
        offset += len(line.text) + 1
    text = " ".join(pieces)
    heading = paragraph[0].kind is LineKind.HEADING or not _TERMINAL.search(text)
    if heading:
        label = _LABEL.match(text)
        if label:
            skipped = label.end()
            starts = [(max(start - skipped, 0), number) for start, number in starts]
            text = text[skipped:]
    sentences = []
    for start, sentence in split_sentences(text):
        line_number = starts[bisect_right(starts, (start, len(text) + 1)) - 1][1]
        sentences.append(Sentence(sentence, line_number, heading))
    return sentences


def split_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of one paragraph, each with the offset it starts at."""
    found: list[tuple[int, str]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        if text[boundary.start()] == "." and _is_abbreviation(text[: boundary.start()]):
            continue
        found.append((start, text[start : boundary.start() + 1]))
        start = boundary.end()
    found.append((start, text[start:]))
    return [(begin, sentence.strip()) for begin, sentence in found if sentence.strip()]


def _is_abbreviation(before: str) -> bool:
    """Whether the word ending ``before`` (a dot follows it) is an abbreviation or an initial."""
    match = _WORD_BEFORE.search(before[-40:])  # the end is enough, and a long paragraph stays quick
    if match is None:
        return False
    word = match.group()
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper() and word not in "IVX")
