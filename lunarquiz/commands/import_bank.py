"""``lunarquiz import``: make a bank file from GIFT, Aiken, CSV or Open Trivia DB questions."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

FORMATS = ("gift", "aiken", "csv", "opentdb")
"""The formats ``--from`` takes (lunarquiz.banks.importers.IMPORT_FORMATS, named here to keep startup light)."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import`` to the command line."""
    parser = commands.add_parser(
        "import",
        help="make a bank from GIFT, Aiken, CSV or Open Trivia DB questions",
        description=(
            "Read questions in another format and write a lunarquiz bank file. Questions lunarquiz cannot play "
            "(short answer, numerical, matching, essay) are skipped with a warning naming their line."
        ),
    )
    parser.add_argument("source", metavar="SOURCE", help="the file to read")
    parser.add_argument(
        "--from",
        dest="from_format",
        choices=FORMATS,
        help="the format of SOURCE (default: guessed from its extension and content)",
    )
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the bank file to write (- prints it)")
    parser.add_argument("--id", dest="bank_id", help="the bank's id (default: from OUT's file name)")
    parser.add_argument("--title", help="the bank's title (default: from OUT's file name)")
    parser.add_argument("--strict", action="store_true", help="write nothing when any question has a problem")
    parser.set_defaults(
        handler=lambda args: run_import(
            args.source,
            args.output,
            from_format=args.from_format,
            bank_id=args.bank_id,
            title=args.title,
            strict=args.strict,
            out=sys.stdout,
            err=sys.stderr,
        )
    )


def run_import(
    source: str,
    output: str,
    *,
    from_format: str | None = None,
    bank_id: str | None = None,
    title: str | None = None,
    strict: bool = False,
    out: TextIO,
    err: TextIO,
) -> int:
    """Import ``source`` into the bank file ``output``; 0 when it was written, 1 when nothing was."""
    from lunarquiz.banks.importers import (
        bank_id_from_path,
        bank_yaml,
        build_bank,
        guess_format,
        read_source,
        title_from_path,
    )
    from lunarquiz.commands.convert import STDOUT, FileProblem, format_problem, read_for_conversion, write_text

    try:
        text = read_for_conversion(source, output, bank_id=bank_id, title=title, what="the file being imported")
    except FileProblem as failure:
        print(failure, file=err)
        return 1
    format_name = from_format or guess_format(source, text)
    if format_name is None:
        print(f"{source}: error: cannot tell the format; name it with --from {'|'.join(FORMATS)}", file=err)
        return 1
    imported = read_source(format_name, source, text)
    for problem in imported.problems:
        print(format_problem(problem), file=err)
    if not imported.questions:
        print(f"{source}: error: no question could be imported; nothing written", file=err)
        return 1
    if strict and imported.problems:
        count = len(imported.problems)
        print(f"{source}: --strict: {count} problem{'s' if count != 1 else ''}; nothing written", file=err)
        return 1
    named_by = source if output == STDOUT else output
    bank = build_bank(imported, bank_id or bank_id_from_path(named_by), (title or title_from_path(named_by)).strip())
    try:
        write_text(output, bank_yaml(bank, output), out)
    except FileProblem as failure:
        print(failure, file=err)
        return 1
    count = len(bank.questions)
    summary = f"wrote {output}: {count} question{'s' if count != 1 else ''} imported from {source} ({format_name})"
    if imported.skipped:
        summary += f", {imported.skipped} skipped"
    print(summary, file=err)
    return 0
