"""Read questions from CSV: a header row naming the columns, then one question per row.

Columns: ``prompt``, ``answer`` (more right answers in ``answer2``, ``answer3``, ...
make a multiple-response question), ``wrong1`` ... ``wrongN`` (empty cells ignored),
and optionally ``id``, ``explanation``, ``tags`` (separated by ``;``), ``difficulty``
and ``source``. An answer of ``True`` or ``False`` with no wrong choice (or only the
other of the two) makes a true/false question. Cells are separated by commas (or by
semicolons or tabs, when the header row says so), with standard double-quote quoting.
A cell that starts with ``'`` followed by ``=``, ``+``, ``-``, ``@``, a tab or another ``'``
loses that first ``'``: it is the mark ``export`` (and a spreadsheet) puts on text that
would otherwise be run as a formula (lunarquiz.spreadsheet_cells).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from lunarquiz.banks import format as fmt
from lunarquiz.banks.importers import Imported, Reader, problem, shorten, slug, unique
from lunarquiz.banks.problems import Problem, quote
from lunarquiz.core.model import DIFFICULTIES, TRUE_FALSE_CHOICES, Kind, Question
from lunarquiz.spreadsheet_cells import read_cell

SIMPLE_COLUMNS = ("id", "prompt", "explanation", "tags", "difficulty", "source")
"""The columns that hold one value each; ``answer`` and ``wrong`` columns may be numbered."""

_NUMBERED = re.compile(r"(answer|wrong)(\d*)")
_EXAMPLE_HEADER = "prompt,answer,wrong1,wrong2,wrong3"


@dataclass(frozen=True, slots=True)
class _Columns:
    """Where each column is in a row."""

    simple: dict[str, int]
    answers: list[int]
    wrong: list[int]
    width: int


def read_csv(path: str, text: str) -> Imported:
    """The questions in CSV ``text``; each bad row is reported with its line and left out."""
    problems: list[Problem] = []
    header_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=lambda d: sum(_known(name) for name in header_line.split(d)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        problems.append(problem(path, start, f"CSV: {error}", "a quoted cell must end with a double quote"))
    rows = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        problems.append(problem(path, 0, "the file has no rows", f"start with a header row: {_EXAMPLE_HEADER}"))
        return Imported((), tuple(problems))
    header_at, header = rows[0]
    columns = _columns(path, header_at, header, problems)
    if columns is None:
        return Imported((), tuple(problems), len(rows) - 1)
    made = _RowReader(path, columns, problems)
    for line, row in rows[1:]:
        made.row(line, row)
    problems.sort(key=lambda p: p.line)
    return Imported(tuple(made.questions), tuple(problems), made.skipped)


def _normal(name: str) -> str:
    return re.sub(r"[\s_]+", "", name.strip().lower())


def _known(name: str) -> bool:
    key = _normal(name)
    return key in SIMPLE_COLUMNS or _NUMBERED.fullmatch(key) is not None


def _columns(path: str, line: int, header: list[str], problems: list[Problem]) -> _Columns | None:
    """The columns the header names; None (reported) when it lacks ``prompt`` or ``answer``, or repeats one."""
    simple: dict[str, int] = {}
    numbered: dict[tuple[str, int], int] = {}
    for index, name in enumerate(header):
        key = _normal(name)
        match = _NUMBERED.fullmatch(key)
        place: tuple[str, int] | None = None
        if match:
            place = (match.group(1), int(match.group(2) or 0))
        if key in simple or (place is not None and place in numbered):
            problems.append(
                problem(path, line, f"the column {quote(name.strip())} appears twice", "name each column once")
            )
            return None
        if place is not None:
            numbered[place] = index
        elif key in SIMPLE_COLUMNS:
            simple[key] = index
        elif key:
            known = ", ".join((*SIMPLE_COLUMNS, "answer", "wrong1", "wrong2", "..."))
            problems.append(
                problem(
                    path,
                    line,
                    f"unknown column {quote(name.strip())} is ignored",
                    f"the columns are {known}",
                    warning=True,
                )
            )
    answers = [index for (kind, _), index in sorted(numbered.items()) if kind == "answer"]
    wrong = [index for (kind, _), index in sorted(numbered.items()) if kind == "wrong"]
    missing = [name for name, present in (("prompt", "prompt" in simple), ("answer", bool(answers))) if not present]
    if missing:
        problems.append(
            problem(
                path,
                line,
                f"the header row has no {' and no '.join(repr(name) for name in missing)} column",
                f"the first row names the columns, like {_EXAMPLE_HEADER}",
            )
        )
        return None
    return _Columns(simple, answers, wrong, len(header))


class _RowReader(Reader):
    """Turns rows into questions."""

    def __init__(self, path: str, columns: _Columns, problems: list[Problem]) -> None:
        super().__init__(path, problems)
        self.columns = columns

    def row(self, line: int, row: list[str]) -> None:
        cells = [read_cell(cell).replace("\r\n", "\n").replace("\r", "\n").strip() for cell in row]
        width = self.columns.width
        if any(cells[width:]):
            self.skip(
                line,
                f"the row has {len(cells)} cells but the header names {width} columns",
                'put a cell that holds a comma in double quotes: "Paris, France"',
            )
            return
        cells += [""] * (width - len(cells))
        simple = {name: cells[index] for name, index in self.columns.simple.items()}
        prompt = simple["prompt"]
        if not prompt:
            self.skip(line, "the row has no prompt", "write the question in the prompt column")
            return
        label = f'the question "{shorten(prompt)}"'
        answers = unique([cells[index] for index in self.columns.answers if cells[index]])
        wrong = unique([cells[index] for index in self.columns.wrong if cells[index]])
        if not answers:
            self.skip(line, f"{label} has no answer", "write the right choice in the answer column")
            return
        kind = Kind.MULTIPLE if len(answers) > 1 else Kind.SINGLE
        truth = _true_false(answers, wrong)
        if truth is not None:
            kind, answers, wrong = Kind.TRUE_FALSE, [truth[0]], [truth[1]]
        both = [choice for choice in wrong if choice in answers]
        if both:
            self.skip(line, f'{label} lists "{shorten(both[0], 40)}" as both right and wrong')
            return
        if len(answers) + len(wrong) < 2:
            self.skip(line, f"{label} has no wrong choices", "fill wrong1, wrong2, ... (or answer True or False)")
            return
        question = Question(
            id=self.question_id(line, simple.get("id", ""), prompt),
            prompt=prompt,
            kind=kind,
            answers=tuple(answers),
            wrong=tuple(wrong),
            explanation=simple.get("explanation", ""),
            difficulty=self.difficulty(line, simple.get("difficulty", "")),
            tags=tuple(unique([tag.strip() for tag in simple.get("tags", "").split(";") if tag.strip()])),
            source=simple.get("source", ""),
        )
        self.keep(line, question)

    def question_id(self, line: int, given: str, prompt: str) -> str:
        if not given:
            return self.ids.for_prompt(prompt)
        made = slug(given)
        claimed = self.ids.claim(made) if made else self.ids.for_prompt(prompt)
        if claimed != given:
            reason = "is not a valid id" if not fmt.ID_PATTERN.fullmatch(given) else "is already taken"
            self.report(
                line, f"the id {quote(given)} {reason}; the question gets the id {quote(claimed)}", warning=True
            )
        return claimed

    def difficulty(self, line: int, given: str) -> str:
        value = given.lower()
        if not value:
            return "medium"
        if value not in DIFFICULTIES:
            self.report(
                line,
                f"unknown difficulty {quote(given)}; the question is medium",
                "use easy, medium or hard",
                warning=True,
            )
            return "medium"
        return value


def _true_false(answers: list[str], wrong: list[str]) -> tuple[str, str] | None:
    """(right, other) when the row is a true/false question: answer True or False, no other wrong choice."""
    if len(answers) != 1:
        return None
    words = {choice.lower(): choice for choice in TRUE_FALSE_CHOICES}
    right = words.get(answers[0].lower())
    if right is None:
        return None
    other = TRUE_FALSE_CHOICES[1] if right == TRUE_FALSE_CHOICES[0] else TRUE_FALSE_CHOICES[0]
    if wrong and [choice.lower() for choice in wrong] != [other.lower()]:
        return None
    return right, other
