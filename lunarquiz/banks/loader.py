"""Load a bank file: read, decode and parse it, and turn it into a Bank or a BankError."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path

from lunarquiz.banks.problems import BankError, Problem
from lunarquiz.banks.reader import read_bank
from lunarquiz.banks.strict_yaml import parse
from lunarquiz.core.model import Bank


@dataclass(frozen=True, slots=True)
class Checked:
    """What checking one file found: the bank (when it loads) and every problem."""

    path: str
    bank: Bank | None
    problems: tuple[Problem, ...] = field(default=())

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that stop the bank from loading."""
        return tuple(problem for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The doubts that ``--strict`` reports."""
        return tuple(problem for problem in self.problems if not problem.is_error)


_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Bank bytes as text: UTF-8 (with or without a byte-order mark), CRLF accepted."""
    if data.startswith(_UTF16_BOMS):
        return None, [Problem(path, 1, 1, "the file is UTF-16, not UTF-8", "save the file as UTF-8")]
    body = data.removeprefix(_BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        before = body[: error.start]
        line_start = before.rfind(b"\n") + 1
        line = before.count(b"\n") + 1
        column = len(before[line_start:].decode("utf-8")) + 1  # characters, not bytes; valid up to the error
        return None, [
            Problem(
                path,
                line,
                column,
                f"the file is not valid UTF-8 (byte 0x{body[error.start]:02x})",
                "save the file as UTF-8: in most editors, Save As and pick the UTF-8 encoding",
            )
        ]
    return text, []


def check_text(path: str, text: str) -> Checked:
    """Check bank text that came from ``path``."""
    enabled = gc.isenabled()
    gc.disable()  # parsing builds many small objects and no cycles; collecting mid-parse only costs time
    try:
        root, problems = parse(path, text)
        if root is None:
            return Checked(path, None, tuple(problems))
        bank, found = read_bank(path, root)
        if any(problem.is_error for problem in problems):
            bank = None
    finally:
        if enabled:
            gc.enable()
    return Checked(path, bank, tuple(sorted(problems + found, key=lambda p: (p.line, p.column))))


def check_file(path: str | Path) -> Checked:
    """Check one bank file: every problem in it, and the bank when there are no errors."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return Checked(name, None, (Problem(name, 0, 0, "no such file"),))
    except IsADirectoryError:
        return Checked(name, None, (Problem(name, 0, 0, "this is a folder, not a bank file"),))
    except OSError as error:
        return Checked(name, None, (Problem(name, 0, 0, f"cannot read the file: {error.strerror or error}"),))
    text, problems = decode(name, data)
    if text is None:
        return Checked(name, None, tuple(problems))
    return check_text(name, text)


def load_bank(path: str | Path) -> Bank:
    """The bank in ``path``; raises BankError listing every problem when it has errors."""
    checked = check_file(path)
    if checked.bank is None:
        raise BankError(checked.errors or checked.problems)
    return checked.bank
