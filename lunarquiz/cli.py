"""The ``lunarquiz`` command line: parse the arguments and run one subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from lunarquiz import __version__

COMMANDS = (
    "play",
    "banks",
    "validate",
    "new_bank",
    "schema",
    "import_bank",
    "export_bank",
    "generate",
    "stats",
    "results",
    "serve",
)
"""Modules of ``lunarquiz.commands``, in the order of the help; each has ``add_parser``.

A command module imports only the standard library at its top; what a command
needs (Textual above all) it imports when it runs.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="lunarquiz", description="A timed multiple-choice quiz game for the terminal."
    )
    parser.add_argument("--version", action="version", version=f"lunarquiz {__version__}")
    parser.add_argument(
        "--bank",
        action="append",
        default=[],
        metavar="PATH",
        help="with no command: also offer this bank file or folder on the home screen (repeatable)",
    )
    from lunarquiz.commands.play import add_player_options

    add_player_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"lunarquiz.commands.{name}").add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run lunarquiz with ``argv`` (default: the process's arguments); returns the exit code."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    try:
        if handler is None:
            from lunarquiz.commands.play import run_home

            return run_home(args)
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
