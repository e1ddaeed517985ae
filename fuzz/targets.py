"""Where an input goes, and what it must lead to: load, validate (or import), plain-mode play, the question screen.

Each target returns ``"accepted"``, ``"rejected"`` (cleanly, with problems that have a
place) or ``"skipped"`` (nothing to play); anything it raises, an AssertionError for a
broken promise (``fuzz/promises.py``) or any other exception, is a crash.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from fuzz.cases import FuzzInput
from fuzz.promises import check_bank, check_problems, check_question
from lunarquiz.banks.importers import IMPORT_FORMATS, Imported, bank_yaml, build_bank, guess_format, read_source
from lunarquiz.banks.loader import Checked, check_text, decode
from lunarquiz.banks.problems import BankError
from lunarquiz.core.text import clean_text

Outcome = Literal["accepted", "rejected", "skipped"]

TARGETS = ("load", "validate", "plain", "tui")
"""Every input goes through these in order; ``plain`` and ``tui`` play the bank that loaded."""

READERS = ("yaml", *IMPORT_FORMATS)
READER_SUFFIXES = {"yaml": ".yaml", "gift": ".gift", "aiken": ".aiken", "csv": ".csv", "opentdb": ".json"}


@dataclass
class Staged:
    """An input on disk, and what the targets learned about it so far."""

    case: FuzzInput
    folder: Path
    loaded: bool = False
    """Whether ``load`` made a bank of it (with any reader, for ``any``)."""
    bank_file: Path | None = None
    """The bank file that plain play and the screen load: the input, or what importing it wrote."""
    notes: list[str] = field(default_factory=list)

    @property
    def path(self) -> Path:
        name = "input" + (".yaml" if self.case.format in ("yaml", "any") else self.case.suffix)
        return self.folder / name


def stage(case: FuzzInput, folder: Path) -> Staged:
    """Put ``case`` in ``folder`` as a file (or a named pipe that no one writes to)."""
    staged = Staged(case, folder)
    if case.fifo:
        os.mkfifo(staged.path)
    else:
        staged.path.write_bytes(case.data)
    return staged


# -- load -------------------------------------------------------------------------


def run_load(staged: Staged) -> Outcome:
    """The bytes through the reader of their format (every reader for ``any``), as a file would reach it."""
    case = staged.case
    readers = READERS if case.format == "any" else (case.format,)
    outcomes = {reader: read(reader, case.data) for reader in readers}
    staged.loaded = outcomes.get("yaml" if case.format == "any" else case.format) == "accepted"
    return "accepted" if "accepted" in outcomes.values() else "rejected"


def read(reader: str, data: bytes) -> Outcome:
    """``data`` decoded as the loader does, then read as ``reader`` (``yaml`` or an import format)."""
    path = "fuzz" + READER_SUFFIXES[reader]
    text, problems = decode(path, data)
    if text is None:
        check_problems(path, problems, whole_file_ok=False)
        assert problems and problems[0].is_error
        return "rejected"
    if reader == "yaml":
        return run_loader(path, text)
    return run_importer(reader, path, text)


def run_loader(path: str, text: str) -> Outcome:
    """Check ``text`` as a bank file: a bank of clean text and no errors, or at least one error with its place."""
    checked = check_text(path, text)
    assert isinstance(checked, Checked)
    check_problems(path, checked.problems, whole_file_ok=False)
    if checked.bank is None:
        assert checked.errors, "no bank, but no error says why"
        assert str(BankError(checked.errors))
        return "rejected"
    assert not checked.errors, "a bank loaded despite errors"
    check_bank(checked.bank)
    return "accepted"


def run_importer(format_name: str, path: str, text: str) -> Outcome:
    """Import ``text`` as ``format_name`` the way ``lunarquiz import`` does, and read the bank it writes back."""
    guess_format(path, text)
    imported = read_source(format_name, path, text)
    assert isinstance(imported, Imported)
    check_problems(path, imported.problems, whole_file_ok=True)
    assert imported.skipped >= 0
    if not imported.questions:
        return "rejected"
    for question in imported.questions:
        check_question(question, clean=False)
    bank = build_bank(imported, "fuzz", "Fuzz")
    written = bank_yaml(bank, path)  # raises ImportBug when the bank does not read back as itself
    return run_loader(path, written)


# -- validate, or import then validate -----------------------------------------------------


def run_validate(staged: Staged) -> Outcome:
    """``lunarquiz validate --strict FILE`` (for import formats: ``lunarquiz import FILE -o bank.yaml``, then validate)."""
    from lunarquiz.commands.import_bank import run_import
    from lunarquiz.commands.validate import run_validate as validate

    if staged.case.format in ("yaml", "any"):
        out = io.StringIO()
        status = validate([str(staged.path)], strict=True, out=out)
        lines = check_output(out.getvalue())
        errors_found = ", 0 errors" not in lines[-1]
        if staged.case.format == "yaml" and not refused_as_a_file(staged):
            loaded = "accepted" if staged.loaded else "refused"
            assert errors_found != staged.loaded, f"load {loaded} the bank, validate said {lines[-1]!r}"
        if not errors_found:
            staged.bank_file = staged.path
        return "accepted" if status == 0 else "rejected"
    written = staged.folder / "imported.yaml"
    out, err = io.StringIO(), io.StringIO()
    status = run_import(str(staged.path), str(written), from_format=staged.case.format, out=out, err=err)
    check_output(out.getvalue() + err.getvalue())
    assert refused_as_a_file(staged) or (status == 0) == staged.loaded, (
        f"load {'accepted' if staged.loaded else 'refused'}, import returned {status}"
    )
    if status != 0:
        return "rejected"
    out = io.StringIO()
    assert validate([str(written)], strict=False, out=out) == 0, f"an imported bank does not validate: {out.getvalue()}"
    staged.bank_file = written
    return "accepted"


def refused_as_a_file(staged: Staged) -> bool:
    """Whether the commands refuse the input for what the file is, whatever it holds: a pipe, or over the size limit."""
    from lunarquiz.banks.limits import bank_byte_limit

    return staged.case.fifo or len(staged.case.data) > bank_byte_limit()


def check_output(text: str) -> list[str]:
    """A command's output lines: clean to print, none endless."""
    lines = text.splitlines() or [""]
    for line in lines:
        assert clean_text(line) == line, f"unclean output {line[:200]!r}"
        assert len(line) <= 2_000, f"an output line of {len(line):,} characters"
    return lines
