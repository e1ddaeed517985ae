"""CSV cells a spreadsheet will not run: formulas marked as text on the way out, the mark taken off on the way in.

A spreadsheet that opens a CSV runs a cell beginning with ``=``, ``+``, ``-`` or ``@`` as a
formula (``=HYPERLINK(...)`` in a player's name sends the sheet's data away), and a tab or
a carriage return at the start can hide one. As OWASP's "CSV Injection" page advises, such
a cell is written with a single quote in front, which a spreadsheet reads as "this is
text", and every cell of the data is quoted, so a spreadsheet that splits on another separator (``;``)
cannot start a new cell inside one. So that reading back gives exactly what was written,
a cell that already begins with a quote gets one more: :func:`text_cell` and
:func:`read_cell` undo each other for every string.

Numbers lunarquiz formats itself (seconds, points, a negative one too) are not text cells:
they are written as they are, so a spreadsheet can add them up.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterable, Sequence
from typing import Final, TextIO

MARK: Final = "'"
"""The character put in front of a cell a spreadsheet would run."""

_RISKY: Final = ("=", "+", "-", "@", "\t", "\r", MARK)
"""First characters that get the mark (the mark itself too, so that it can be taken off again)."""

_PLAIN_NUMBER: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def needs_mark(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula (also after leading spaces), or it begins with the mark."""
    return text.startswith(_RISKY) or text.lstrip().startswith(_RISKY)


def text_cell(text: str) -> str:
    """``text`` as a cell no spreadsheet runs: with the mark in front when it needs one."""
    return MARK + text if needs_mark(text) else text


def read_cell(cell: str) -> str:
    """The text a cell written by :func:`text_cell` holds: the mark taken off when it was put on."""
    return cell[1:] if cell.startswith(MARK) and needs_mark(cell[1:]) else cell


def write_table(
    out: TextIO, header: Sequence[str], rows: Iterable[Sequence[str]], *, numbers: Collection[str] = ()
) -> None:
    """``header`` and ``rows`` as CSV for a spreadsheet: each text cell through :func:`text_cell`, quoted.

    The header row holds lunarquiz's own column names and is written plainly. ``numbers``
    names the columns holding numbers lunarquiz formats (seconds, points): a cell there is
    written as it is when it is a plain number like ``-2`` or ``0.125``, else as text.
    """
    numeric = [name in numbers for name in header]
    csv.writer(out, lineterminator="\n").writerow(header)
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        writer.writerow(
            [
                cell if number and _PLAIN_NUMBER.fullmatch(cell) else text_cell(cell)
                for cell, number in zip(row, numeric, strict=True)
            ]
        )
