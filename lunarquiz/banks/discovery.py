"""Find bank files: the built-in banks, folders of banks, and files named on the command line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lunarquiz.banks.cache import check_file_cached
from lunarquiz.banks.loader import Checked
from lunarquiz.banks.problems import Problem
from lunarquiz.core.model import Bank

BANK_SUFFIXES = (".yaml", ".yml")


def builtin_banks_dir() -> Path:
    """The folder of the banks that ship with lunarquiz (installed, or in a source checkout)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "questions"
    return installed if installed.is_dir() else package.parent / "questions"


def default_bank_paths() -> list[Path]:
    """Where banks are found when none are named: the built-in banks, then the user's banks folder."""
    from lunarquiz.paths import user_banks_dir

    paths = [builtin_banks_dir()]
    user = user_banks_dir()
    if user.is_dir():
        paths.append(user)
    return paths


def bank_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each path that is a file, and the bank files inside each path that is a folder (sorted)."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in BANK_SUFFIXES and p.is_file())
        else:
            yield path


@dataclass(frozen=True, slots=True)
class Library:
    """The banks that loaded, and the files that did not (with their problems)."""

    banks: tuple[Bank, ...]
    failed: tuple[Checked, ...]


def load_library(paths: Iterable[str | Path] | None = None) -> Library:
    """Load every bank in ``paths`` (the default places when None); a bad file does not stop the rest.

    A bank whose id is already taken by an earlier file is refused with a problem.
    """
    files = bank_files(default_bank_paths() if paths is None else paths)
    banks: list[Bank] = []
    failed: list[Checked] = []
    owners: dict[str, str] = {}
    for path in files:
        checked = check_file_cached(path)
        bank = checked.bank
        if bank is None:
            failed.append(checked)
        elif bank.id in owners:
            problem = Problem(
                str(path),
                0,
                0,
                f"bank id {bank.id!r} is already used by {owners[bank.id]}",
                "give each bank its own id",
            )
            failed.append(Checked(str(path), None, (problem,)))
        else:
            owners[bank.id] = str(path)
            banks.append(bank)
    return Library(tuple(banks), tuple(failed))
