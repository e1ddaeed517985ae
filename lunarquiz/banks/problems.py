"""Problems found in a bank file, each with its place, and the error that carries them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lunarquiz.core.text import clean_text, reveal_invisible, without_invisible

QUOTE_LENGTH = 40
"""Characters of a file's text that a message quotes; the rest is cut (a value may be megabytes long)."""


def quote(text: str, limit: int = QUOTE_LENGTH) -> str:
    """``text`` quoted for a message, as ``repr`` quotes it; past ``limit`` characters, cut with its length.

    ``quote("Paris")`` is ``'Paris'``; a 5,000-digit number is its first digits, ``…'``
    and ``(5,000 characters)``. Characters that draw nothing are written as escapes
    (``'yes\\u200b'``), as ``repr`` writes controls. Every message that quotes a file's text
    goes through here.
    """
    if len(text) <= limit:
        return reveal_invisible(repr(text))
    cut = reveal_invisible(repr(text[: limit - 1]))
    return f"{cut[:-1]}…{cut[-1]} ({len(text):,} characters)"


def look_the_same(first: str, second: str) -> str:
    """The message for two choices written differently that show exactly the same (see ``core.text.on_screen``)."""
    message = f"the choices {quote(first)} and {quote(second)} look exactly the same on screen"
    if without_invisible(first) != without_invisible(second):
        message += " (one writes an accented letter as a letter and a combining accent)"
    return message


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or, as a warning, doubtful) in a bank file."""

    path: str
    line: int
    """1-based; 0 when the problem concerns the whole file."""
    column: int
    """1-based; 0 when the problem concerns the whole file."""
    message: str
    hint: str = ""
    severity: str = "error"
    """``error`` or ``warning``."""

    @property
    def is_error(self) -> bool:
        """Whether this problem stops the bank from loading."""
        return self.severity == "error"

    def format(self) -> str:
        """``file:line:col: severity: message (hint)``, the form editors and CI logs understand.

        Safe to print: any control character in it is shown as a visible symbol.
        """
        place = self.path if self.line == 0 else f"{self.path}:{self.line}:{self.column}"
        text = f"{place}: {self.severity}: {self.message}"
        return clean_text(f"{text} (hint: {self.hint})" if self.hint else text)


class BankError(Exception):
    """A bank file that cannot be loaded, with every problem found in it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0].format() if self.problems else "the bank could not be loaded"
        more = len(self.errors) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors, not warnings."""
        return tuple(problem for problem in self.problems if problem.is_error)
