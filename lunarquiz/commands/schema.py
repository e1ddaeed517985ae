"""``lunarquiz schema``: print the JSON Schema of the bank format, for editors and other tools."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``schema`` to the command line."""
    parser = commands.add_parser(
        "schema",
        help="print the JSON Schema of bank files",
        description=(
            "Print the JSON Schema (draft 2020-12) of bank format version 1. Editors with the YAML language "
            "server use it to complete and check fields: save it with `lunarquiz schema > bank-schema.json` "
            "and start a bank with `# yaml-language-server: $schema=bank-schema.json`."
        ),
    )
    parser.set_defaults(handler=lambda args: run_schema(out=sys.stdout))


def run_schema(*, out: TextIO) -> int:
    """Print the schema; always 0."""
    from lunarquiz.banks.schema import schema_json

    out.write(schema_json())
    return 0
