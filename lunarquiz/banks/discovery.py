"""Find bank files: the built-in banks, folders of banks, and files named on the command line."""

from __future__ import annotations

import os
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


@dataclass(frozen=True, slots=True)
class Found:
    """The bank files found, and a problem for each folder that could not be listed."""

    files: tuple[Path, ...]
    problems: tuple[Problem, ...]


def find_bank_files(paths: Iterable[str | Path]) -> Found:
    """Each path that is not a folder, and the bank files inside each path that is a folder (sorted).

    Inside a folder, every entry with a bank suffix that is not a folder or a broken link
    is a bank file, a named pipe or a socket among them, so that loading it says what it
    is rather than skipping it unseen. Links to folders are not followed. A folder that
    cannot be listed is a problem naming it and the system's reason, not a folder without
    banks.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside: list[Path] = []
            _walk(path, inside, problems)
            files.extend(sorted(inside))
        else:
            files.append(path)
    return Found(tuple(files), tuple(problems))


def _walk(folder: Path, files: list[Path], problems: list[Problem]) -> None:
    """Add the bank files under ``folder`` to ``files``; a folder that cannot be listed to ``problems``."""
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as error:
            reason = error.strerror or str(error)
            problems.append(Problem(str(current), 0, 0, f"cannot list this folder: {reason}", _LIST_HINT))
            continue
        for entry in listed:
            kind = _kind(entry)
            if kind == "folder":
                pending.append(current / entry.name)
            elif kind == "file" and Path(entry.name).suffix in BANK_SUFFIXES:
                files.append(current / entry.name)


def _kind(entry: os.DirEntry[str]) -> str:
    """``folder`` (not a link to one), ``file`` (anything else that exists), or ``""``.

    A broken link (an editor's lock file, say) and a link to a folder are neither.
    """
    try:
        if entry.is_dir():
            return "" if entry.is_symlink() else "folder"
        entry.stat()
    except OSError:
        return ""
    return "file"


_LIST_HINT = "check that the folder's permissions let you read and enter it"


def bank_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files of :func:`find_bank_files`, without the folders that could not be listed."""
    yield from find_bank_files(paths).files


@dataclass(frozen=True, slots=True)
class Library:
    """The banks that loaded, and the files that did not (with their problems)."""

    banks: tuple[Bank, ...]
    failed: tuple[Checked, ...]


def load_library(paths: Iterable[str | Path] | None = None) -> Library:
    """Load every bank in ``paths`` (the default places when None); a bad file does not stop the rest.

    A bank whose id is already taken by an earlier file is refused with a problem, and so
    is a folder that cannot be listed.
    """
    found = find_bank_files(default_bank_paths() if paths is None else paths)
    banks: list[Bank] = []
    failed = [Checked(problem.path, None, (problem,)) for problem in found.problems]
    owners: dict[str, str] = {}
    for path in found.files:
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
