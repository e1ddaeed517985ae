"""``lunarquiz banks``: list the banks lunarquiz can see, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``banks`` to the command line."""
    parser = commands.add_parser("banks", help="list the banks lunarquiz can see")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="more bank files or folders to list")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(handler=lambda args: run_banks(args.paths, as_json=args.json, out=sys.stdout))


def run_banks(paths: Sequence[str], *, as_json: bool, out: TextIO) -> int:
    """Print the banks (the built-in ones, and those in ``paths``); 1 when any fails to load."""
    from lunarquiz.banks.discovery import builtin_banks_dir, default_bank_paths, load_library
    from lunarquiz.commands.validate import display_path
    from lunarquiz.paths import user_banks_dir

    library = load_library([*default_bank_paths(), *paths])
    if as_json:
        rows: list[dict[str, object]] = [
            {
                "id": bank.id,
                "title": bank.title,
                "questions": len(bank.questions),
                "path": bank.path,
                "tags": list(bank.tags),
                "difficulty": bank.difficulty_mix,
            }
            for bank in library.banks
        ]
        rows += [{"path": failed.path, "error": failed.problems[0].format()} for failed in library.failed]
        print(json.dumps(rows, indent=2, ensure_ascii=False), file=out)
    else:
        width = max((len(bank.id) for bank in library.banks), default=2)
        print(f"{'ID':<{width}}  {'QUESTIONS':>9}  TITLE / FILE", file=out)
        for bank in library.banks:
            print(f"{bank.id:<{width}}  {len(bank.questions):>9}  {bank.title}", file=out)
            print(f"{'':<{width}}  {'':>9}  {display_path(bank.path)}", file=out)
        for failed in library.failed:
            print(f"not loaded: {failed.problems[0].format()}", file=out)
        print(f"built-in banks: {display_path(builtin_banks_dir())}", file=out)
        user = user_banks_dir()
        note = "" if user.is_dir() else " (does not exist yet: create it and put bank files there)"
        print(f"your banks:     {user}{note}", file=out)
    return 1 if library.failed else 0
