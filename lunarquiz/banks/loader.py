"""Load a bank file: read, decode and parse it, and turn it into a Bank or a BankError."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path

from lunarquiz.banks.limits import MAX_BANK_BYTES_VARIABLE, bank_byte_limit, describe_size
from lunarquiz.banks.problems import BankError, Problem
from lunarquiz.core.model import Bank
from lunarquiz.core.text import may_make_unsafe


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
    from lunarquiz.banks.reader import read_bank  # PyYAML is imported only when a file is really checked
    from lunarquiz.banks.strict_yaml import parse

    enabled = gc.isenabled()
    gc.disable()  # parsing builds many small objects and no cycles; collecting mid-parse only costs time
    try:
        root, problems = parse(path, text)
        if root is None:
            return Checked(path, None, tuple(problems))
        bank, found = read_bank(path, root, check_characters=may_make_unsafe(text))
        if any(problem.is_error for problem in problems):
            bank = None
    finally:
        if enabled:
            gc.enable()
    return Checked(path, bank, tuple(sorted(problems + found, key=lambda p: (p.line, p.column))))


def read_limited(path: str | Path, max_bytes: int | None = None) -> tuple[bytes | None, list[Problem]]:
    """The bytes of ``path``, or the problems; a file over the size limit is refused before it is read.

    ``max_bytes`` overrides the limit (see ``limits.bank_byte_limit``). The size is checked
    with ``stat`` first, and at most one byte past the limit is ever read, so a file that
    grows meanwhile, or a device or pipe with no end, is refused too.
    """
    name = str(path)
    try:
        limit = bank_byte_limit(max_bytes)
    except ValueError as error:
        return None, [Problem(name, 0, 0, str(error))]
    try:
        size = Path(path).stat().st_size
        if size > limit:
            return None, [_too_big(name, size, limit)]
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        return None, [Problem(name, 0, 0, "no such file")]
    except IsADirectoryError:
        return None, [Problem(name, 0, 0, "this is a folder, not a bank file")]
    except OSError as error:
        return None, [Problem(name, 0, 0, f"cannot read the file: {error.strerror or error}")]
    if len(data) > limit:
        return None, [_too_big(name, len(data), limit, more=True)]
    return data, []


def _too_big(name: str, size: int, limit: int, *, more: bool = False) -> Problem:
    return Problem(
        name,
        0,
        0,
        f"the file is {'more than ' if more else ''}{describe_size(size if not more else limit)}, "
        f"over the size limit of {describe_size(limit)}",
        f"split it into smaller banks, or raise the limit: {MAX_BANK_BYTES_VARIABLE}=64M",
    )


def check_file(path: str | Path, *, max_bytes: int | None = None) -> Checked:
    """Check one bank file: every problem in it, and the bank when there are no errors.

    ``max_bytes`` overrides the size limit (default: ``LUNARQUIZ_MAX_BANK_BYTES``, else 32 MiB).
    """
    name = str(path)
    data, problems = read_limited(path, max_bytes)
    if data is None:
        return Checked(name, None, tuple(problems))
    text, problems = decode(name, data)
    if text is None:
        return Checked(name, None, tuple(problems))
    return check_text(name, text)


def load_bank(path: str | Path, *, max_bytes: int | None = None) -> Bank:
    """The bank in ``path``; raises BankError listing every problem when it has errors."""
    checked = check_file(path, max_bytes=max_bytes)
    if checked.bank is None:
        raise BankError(checked.errors or checked.problems)
    return checked.bank
