"""Read Aiken, the one-right-answer format: a line of question, options ``A)`` or ``A.``, then ``ANSWER: A``.

Text is kept as written (no HTML decoding). A broken question is reported with its
line and left out; the good questions around it are imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lunarquiz.banks.importers import Imported, Reader, shorten
from lunarquiz.core.model import Kind, Question

_OPTION = re.compile(r"([A-Z])[).][ \t]?(.*)")
_ANSWER = re.compile(r"ANSWER:(.*)")
_SHAPE = "an Aiken question is one line of text, then options A) B) ... one per line, then ANSWER: and a letter"


@dataclass
class _Pending:
    """A question being read: its line, text and options so far."""

    line: int
    prompt: str
    options: list[tuple[str, str, int]] = field(default_factory=list)
    """(letter, text, line) of each option."""


def read_aiken(path: str, text: str) -> Imported:
    """The questions in Aiken ``text``; each broken one is reported with its line."""
    reader = _AikenReader(path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, start=1):
        reader.line(number, raw.strip())
    reader.finish()
    problems = sorted(reader.problems, key=lambda p: p.line)
    return Imported(tuple(reader.questions), tuple(problems), reader.skipped)


class _AikenReader(Reader):
    """A line-by-line reader: question text, options, ``ANSWER:``."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.pending: _Pending | None = None

    def line(self, number: int, line: str) -> None:
        if not line:
            return
        option = _OPTION.fullmatch(line)
        answer = _ANSWER.fullmatch(line)
        if option:
            self.option(number, option.group(1), option.group(2).strip())
        elif answer:
            self.answer(number, answer.group(1).strip())
        else:
            self.unfinished(f"the next question starts on line {number}")
            self.pending = _Pending(number, line)

    def option(self, number: int, letter: str, text: str) -> None:
        if self.pending is None:
            self.report(number, f'the option "{letter}) {shorten(text, 40)}" comes before any question', _SHAPE)
        else:
            self.pending.options.append((letter, text, number))

    def answer(self, number: int, given: str) -> None:
        pending, self.pending = self.pending, None
        if pending is None:
            self.report(number, f'"ANSWER: {shorten(given, 40)}" comes before any question', _SHAPE)
            return
        question = self.question(pending, number, given)
        if question is None:
            self.skipped += 1  # self.question reported why
        else:
            self.keep(pending.line, question)

    def unfinished(self, where: str) -> None:
        """Report the question being read, which ends without ``ANSWER:``."""
        if self.pending is not None:
            label = shorten(self.pending.prompt)
            self.skipped += 1
            if self.pending.options:
                self.report(self.pending.line, f'the question "{label}" has no ANSWER: line ({where})', _SHAPE)
            else:
                self.report(self.pending.line, f'the question "{label}" has no options and no ANSWER: line', _SHAPE)
            self.pending = None

    def finish(self) -> None:
        self.unfinished("the file ends")

    def question(self, pending: _Pending, number: int, given: str) -> Question | None:
        """The question ``pending`` with the answer letter ``given`` on line ``number``; None when broken."""
        label = f'the question "{shorten(pending.prompt)}"'
        options = pending.options
        if len(options) < 2:
            count = "no options" if not options else "only one option"
            self.report(pending.line, f"{label} has {count}", "give at least two options, A) and B)")
            return None
        letters = [letter for letter, _, _ in options]
        for index, (letter, _, line) in enumerate(options):
            if letter in letters[:index]:
                self.report(line, f"{label} has two options {letter})", "give each option its own letter")
                return None
        empty = next((line for _, text, line in options if not text), 0)
        if empty:
            self.report(empty, f"{label} has an empty option", "write the option's text after its letter")
            return None
        letter = given[:1]
        if letter not in letters:
            shown = f"ANSWER: {given}" if given else "ANSWER: with no letter"
            hint = "the options are " + ", ".join(letters)
            self.report(number, f"{shown} names none of the options of {label}", hint)
            return None
        right_line, right = next((line, text) for option, text, line in options if option == letter)
        wrong: list[str] = []
        for _, text, line in options:
            if line == right_line:
                continue
            if text == right:
                self.report(line, f'{label} lists the right answer "{shorten(text, 40)}" again as a wrong option')
                return None
            if text in wrong:
                self.report(line, f'{label} lists "{shorten(text, 40)}" twice; it is imported once', warning=True)
                continue
            wrong.append(text)
        return Question(
            id=self.ids.for_prompt(pending.prompt),
            prompt=pending.prompt,
            kind=Kind.SINGLE,
            answers=(right,),
            wrong=tuple(wrong),
        )
