"""Files in and out for ``lunarquiz import`` and ``lunarquiz export``: read the source, write the result safely."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from lunarquiz.banks.problems import Problem

STDOUT = "-"
"""The output name that means: print to standard output."""


class FileProblem(Exception):
    """A file that cannot be read or written; the message is one line for the person at the terminal."""


def format_problem(problem: Problem) -> str:
    """``file:line: severity: message (hint: ...)``, or ``file: severity: ...`` for the whole file.

    The text comes from ``Problem.format``, so it is made safe to print the same way.
    """
    place = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return replace(problem, path=place, line=0, column=0).format()


def read_text(path: str) -> str:
    """The text of ``path`` (UTF-8, with or without a byte-order mark); FileProblem when it cannot be read.

    The bank size limit applies: a file over it is refused before it is read.
    """
    from lunarquiz.banks.loader import decode, read_limited

    data, problems = read_limited(path)
    if data is None:
        raise FileProblem(format_problem(problems[0]) if problems else f"{path}: error: cannot read the file")
    text, problems = decode(path, data)
    if text is None:
        raise FileProblem(format_problem(problems[0]) if problems else f"{path}: error: cannot decode the file")
    return text


def read_for_conversion(source: str, output: str, *, bank_id: str | None, title: str | None, what: str) -> str:
    """The text of ``source`` after the checks ``import`` and ``generate`` share; FileProblem says what is wrong.

    ``what`` names the source in the message when ``output`` would overwrite it ("the article").
    """
    from lunarquiz.banks import format as fmt
    from lunarquiz.banks.limits import TEXT_LIMITS
    from lunarquiz.core.text import is_blank

    if output != STDOUT and same_file(source, output):
        raise FileProblem(f"{output}: error: this is {what}; write the bank to another file")
    check_output(output)
    if bank_id is not None and not fmt.ID_PATTERN.fullmatch(bank_id):
        raise FileProblem(f"--id {bank_id!r} is not a valid id: use lowercase letters, digits and dashes")
    if title is not None and is_blank(title):  # spaces, or characters that show nothing
        raise FileProblem("--title is empty")
    for option, given, limit in (("--id", bank_id, TEXT_LIMITS["id"]), ("--title", title, TEXT_LIMITS["title"])):
        if given is not None and len(given) > limit:
            raise FileProblem(f"{option} is {len(given):,} characters long; a bank's {option[2:]} has at most {limit}")
    return read_text(source)


def same_file(first: str, second: str) -> bool:
    """Whether the two names lead to one file (links and ``..`` followed)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return Path(first).resolve() == Path(second).resolve()


def check_output(path: str) -> None:
    """FileProblem when ``path`` is a name ``write_text`` would refuse: said before the work, not after."""
    from lunarquiz.output_files import refusal

    refused = None if path == STDOUT else refusal(path)
    if refused is not None:
        raise FileProblem(refused)


def write_text(path: str, text: str, out: TextIO) -> None:
    """Write ``text`` to ``path`` (to ``out`` when ``path`` is ``-``), whole or not at all.

    Only a regular file is replaced: a device, a named pipe, a folder or a link is refused
    (lunarquiz.output_files holds the rule for every command that writes).
    """
    from lunarquiz.output_files import OutputRefused, write_output

    if path == STDOUT:
        out.write(text)
        return
    try:
        write_output(path, text)
    except OutputRefused as refused:
        raise FileProblem(str(refused)) from None
