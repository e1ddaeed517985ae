"""``lunarquiz new``: write a commented starter bank to fill in."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import TextIO


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``new`` to the command line."""
    parser = commands.add_parser(
        "new",
        help="write a starter bank to fill in",
        description=(
            "Write a starter bank: one question of each kind (single choice, true/false, multiple response) "
            "with every field explained in a comment. The bank id comes from the file name."
        ),
    )
    parser.add_argument("path", metavar="PATH", help="the bank file to write, like my-quiz.yaml")
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")
    parser.set_defaults(handler=lambda args: run_new(args.path, force=args.force, out=sys.stdout, err=sys.stderr))


def run_new(path: str, *, force: bool, out: TextIO, err: TextIO) -> int:
    """Write the starter bank to ``path``; 0 when written, 1 when refused or it cannot be written."""
    from lunarquiz.banks.discovery import BANK_SUFFIXES
    from lunarquiz.banks.starter import bank_id_for, starter_bank
    from lunarquiz.output_files import OutputExists, OutputRefused, write_output

    target = Path(path)
    if target.suffix not in BANK_SUFFIXES:
        print(f"error: {path}: a bank file name ends in .yaml or .yml (try {target.name}.yaml)", file=err)
        return 1
    if target.is_dir():
        print(f"error: {path} is a folder; name the bank file to write, like {target / 'my-quiz.yaml'}", file=err)
        return 1
    text = starter_bank(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_output(path, text, replace=force)
    except OutputExists:
        print(f"error: {path} already exists; choose another name, or add --force to replace it", file=err)
        return 1
    except OutputRefused as refused:
        print(refused, file=err)
        return 1
    except OSError as error:
        print(f"error: cannot write {path}: {error.strerror or error}", file=err)
        return 1
    print(f"wrote {path} (bank id {bank_id_for(target)!r}), a starter bank with three example questions", file=out)
    shown = shlex.quote(path)
    print(
        f"next: edit it, check it with `lunarquiz validate {shown}`, play it with `lunarquiz play --bank {shown}`",
        file=out,
    )
    return 0
