"""``lunarquiz export``: write a bank as GIFT, Aiken or CSV, warning about what the format cannot carry."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from lunarquiz.core.model import Bank

FORMATS = ("gift", "aiken", "csv")
"""The formats ``--to`` takes (lunarquiz.banks.exporters.EXPORT_FORMATS, named here to keep startup light)."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export`` to the command line."""
    parser = commands.add_parser(
        "export",
        help="write a bank as GIFT, Aiken or CSV",
        description="Write a bank in another format; each question part the format cannot carry is warned about.",
    )
    parser.add_argument("bank", metavar="BANK", help="a bank file, or the id of a built-in bank")
    parser.add_argument("--to", required=True, choices=FORMATS, help="the format to write")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write (- prints it)")
    parser.set_defaults(
        handler=lambda args: run_export(args.bank, args.output, to=args.to, out=sys.stdout, err=sys.stderr)
    )


def run_export(bank_name: str, output: str, *, to: str, out: TextIO, err: TextIO) -> int:
    """Export the bank ``bank_name`` (a file or a built-in bank's id) to ``output``; 0 when written, else 1."""
    from dataclasses import replace
    from pathlib import Path

    from lunarquiz.banks.exporters import export_bank
    from lunarquiz.banks.loader import check_file
    from lunarquiz.commands.convert import STDOUT, FileProblem, check_output, format_problem, same_file, write_text
    from lunarquiz.commands.validate import display_path

    if Path(bank_name).exists() or Path(bank_name).suffix in (".yaml", ".yml") or "/" in bank_name:
        checked = check_file(bank_name)
        if checked.bank is None:
            for problem in checked.errors or checked.problems:
                print(problem.format(), file=err)
            return 1
        bank = checked.bank
    else:
        found = _builtin_bank(bank_name, err)
        if found is None:
            return 1
        bank = replace(found, path=display_path(found.path))
    if output != STDOUT and same_file(bank.path, output):
        print(f"{output}: error: this is the bank being exported; write to another file", file=err)
        return 1
    try:
        check_output(output)
    except FileProblem as failure:
        print(failure, file=err)
        return 1
    exported = export_bank(bank, to, _question_lines(bank.path))
    for problem in exported.problems:
        print(format_problem(problem), file=err)
    if not exported.written:
        print(f"{bank.path}: error: no question of the bank fits {to}; nothing written", file=err)
        return 1
    try:
        write_text(output, exported.text, out)
    except FileProblem as failure:
        print(failure, file=err)
        return 1
    count = exported.written
    summary = f"wrote {output}: {count} question{'s' if count != 1 else ''} from {bank.id} ({to})"
    if exported.skipped:
        summary += f", {exported.skipped} skipped"
    print(summary, file=err)
    return 0


def _builtin_bank(bank_id: str, err: TextIO) -> Bank | None:
    from lunarquiz.banks.discovery import load_library

    library = load_library(None)
    for bank in library.banks:
        if bank.id == bank_id:
            return bank
    known = ", ".join(sorted(bank.id for bank in library.banks)) or "none"
    print(f"{bank_id}: error: no such bank file, and no built-in bank has this id (built-in: {known})", file=err)
    return None


def _question_lines(path: str) -> dict[str, int]:
    """The line each question's id is on in the bank file ``path`` (empty when it cannot be read)."""
    from pathlib import Path

    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from lunarquiz.banks.strict_yaml import parse

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}
    root, _ = parse(path, text)
    lines: dict[str, int] = {}
    if not isinstance(root, MappingNode):
        return lines
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "questions" and isinstance(value, SequenceNode):
            for item in value.value:
                if not isinstance(item, MappingNode):
                    continue
                for field, node in item.value:
                    if isinstance(field, ScalarNode) and field.value == "id" and isinstance(node, ScalarNode):
                        lines.setdefault(node.value, node.start_mark.line + 1)
    return lines
