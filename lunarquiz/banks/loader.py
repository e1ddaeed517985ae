"""Load a bank file: read, decode and parse it, and turn it into a Bank or a BankError."""

from __future__ import annotations

import gc
import os
import stat
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
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),  # before UTF-16's: its little-endian mark starts with UTF-16's
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
"""The byte-order marks of the encodings a bank may not be in, most specific first."""


def other_encoding(data: bytes) -> str:
    """``UTF-32`` or ``UTF-16`` when ``data`` starts as text in one of them does, else ``""``.

    By the byte-order mark, else by the zero bytes around a first ASCII character (a bank
    starts with one), as XML's appendix F detects encodings.
    """
    for mark, encoding in _OTHER_BOMS:
        if data.startswith(mark):
            return encoding
    zeros = tuple(byte == 0 for byte in data[:4])
    if zeros in ((False, True, True, True), (True, True, True, False)):
        return "UTF-32"
    if zeros in ((False, True, False, True), (True, False, True, False)):
        return "UTF-16"
    return ""


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Bank bytes as text: UTF-8 (with or without a byte-order mark), CRLF accepted."""
    encoding = other_encoding(data)
    if encoding:
        return None, [Problem(path, 1, 1, f"the file is {encoding}, not UTF-8", "save the file as UTF-8")]
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

    ``max_bytes`` overrides the limit (see ``limits.bank_byte_limit``). Only a regular file
    is read: a named pipe, a socket or a device is refused from its ``stat``, before it is
    opened (opening a pipe waits for a writer, and opening a device can act on it). The file
    is opened without waiting, in case it was swapped for a pipe meanwhile, and checked again
    once open. The size is checked first, and at most one byte past the limit is ever read,
    so a file that grows meanwhile is refused too.
    """
    name = str(path)
    try:
        limit = bank_byte_limit(max_bytes)
    except ValueError as error:
        return None, [Problem(name, 0, 0, str(error))]
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None, [_not_regular(name, info.st_mode)]
        if info.st_size > limit:
            return None, [_too_big(name, info.st_size, limit)]
        with open(os.open(path, _OPEN_FLAGS), "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):  # swapped since the stat above
                return None, [_not_regular(name, mode)]
            data = handle.read(limit + 1)
    except FileNotFoundError:
        return None, [Problem(name, 0, 0, "no such file")]
    except OSError as error:
        return None, [Problem(name, 0, 0, f"cannot read the file: {error.strerror or error}")]
    if len(data) > limit:
        return None, [_too_big(name, len(data), limit, more=True)]
    return data, []


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
"""Read only, and never wait: opening a named pipe for reading would otherwise wait for a writer."""

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device (like a terminal or /dev/null)"),
    (stat.S_ISBLK, "a block device (a disk)"),
)


def describe_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, from its ``st_mode``: ``a named pipe (FIFO)``."""
    return next((what for test, what in _KINDS if test(mode)), "")


def _not_regular(name: str, mode: int) -> Problem:
    """The refusal of a file that is not a regular file, saying what it is."""
    if stat.S_ISDIR(mode):
        return Problem(name, 0, 0, "this is a folder, not a bank file")
    kind = describe_kind(mode)
    return Problem(
        name,
        0,
        0,
        f"this is {kind + ', ' if kind else ''}not a regular file; lunarquiz reads only regular files",
        "save the content to a regular file and name that file",
    )


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
