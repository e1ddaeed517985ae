"""``lunarquiz validate``: check bank files and print ``file:line:col:`` problems."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``validate`` to the command line."""
    parser = commands.add_parser(
        "validate", help="check bank files", description="Check bank files; print file:line:col: problems."
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="bank files or folders (default: the built-in banks)")
    parser.add_argument("--strict", action="store_true", help="also report warnings (no explanation, no tags, ...)")
    parser.set_defaults(handler=lambda args: run_validate(args.paths, strict=args.strict, out=sys.stdout))


def display_path(path: str | Path) -> str:
    """``path`` relative to the current folder when it is inside it, else as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def run_validate(paths: Sequence[str], *, strict: bool, out: TextIO) -> int:
    """Check every file (the built-in banks when ``paths`` is empty); 0 when clean, 1 otherwise."""
    from lunarquiz.banks.cache import check_file_cached
    from lunarquiz.banks.discovery import builtin_banks_dir, find_bank_files

    found = find_bank_files(paths or [builtin_banks_dir()])
    targets = found.files
    for unlisted in found.problems:  # a folder that cannot be listed is not a folder without banks
        print(replace(unlisted, path=display_path(unlisted.path)).format(), file=out)
    if not targets and not found.problems:
        print("no bank files found (bank files end in .yaml or .yml)", file=out)
        return 1
    errors, warnings, questions = len(found.problems), 0, 0
    for path in targets:
        checked = check_file_cached(display_path(path))
        shown = checked.problems if strict else checked.errors
        for problem in shown:
            print(problem.format(), file=out)
        errors += len(checked.errors)
        warnings += len(checked.warnings) if strict else 0
        questions += len(checked.bank.questions) if checked.bank else 0
    files = f"{len(targets)} file{'s' if len(targets) != 1 else ''}"
    verdict = "ok" if errors == 0 and warnings == 0 else "failed"
    summary = f"{verdict}: {files} checked, {questions} questions loaded, {errors} error{'s' if errors != 1 else ''}"
    if strict:
        summary += f", {warnings} warning{'s' if warnings != 1 else ''}"
    print(summary, file=out)
    return 0 if errors == 0 and warnings == 0 else 1
