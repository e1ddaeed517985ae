"""The ``lunarquiz`` command line: parse the arguments and run one subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from lunarquiz import __version__


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 3600 seconds")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="lunarquiz", description="A timed multiple-choice quiz game for the terminal."
    )
    parser.add_argument("--version", action="version", version=f"lunarquiz {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser(
        "play", help="start a round at once", description="Start a round at once, without the home screen."
    )
    play.add_argument(
        "--bank",
        action="append",
        default=[],
        metavar="PATH",
        help="a bank file or folder (repeatable); default: the built-in banks",
    )
    play.add_argument(
        "--questions", type=_positive_int, metavar="N", help="how many questions (default: 10)", default=10
    )
    play.add_argument("--time", type=_seconds, metavar="SECONDS", help="seconds per question, for every question")
    play.add_argument("--seed", type=int, metavar="N", help="make the question order and answer shuffles reproducible")
    play.add_argument("--practice", action="store_true", help="untimed, with no speed points")

    banks = commands.add_parser("banks", help="list the banks lunarquiz can see")
    banks.add_argument("paths", nargs="*", metavar="PATH", help="more bank files or folders to list")
    banks.add_argument("--json", action="store_true", help="print JSON instead of a table")

    validate = commands.add_parser(
        "validate", help="check bank files", description="Check bank files; print file:line:col: problems."
    )
    validate.add_argument(
        "paths", nargs="*", metavar="PATH", help="bank files or folders (default: the built-in banks)"
    )
    validate.add_argument("--strict", action="store_true", help="also report warnings (no explanation, no tags, ...)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run lunarquiz with ``argv`` (default: the process's arguments); returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            from lunarquiz.commands.validate import run_validate

            return run_validate(args.paths, strict=args.strict, out=sys.stdout)
        if args.command == "banks":
            from lunarquiz.commands.banks import run_banks

            return run_banks(args.paths, as_json=args.json, out=sys.stdout)
        if args.command == "play":
            from lunarquiz.commands.play import run_play
            from lunarquiz.core.round import RoundSettings

            settings = RoundSettings(questions=args.questions, time_limit=args.time, practice=args.practice)
            return run_play(args.bank, settings=settings, seed=args.seed)
        from lunarquiz.commands.play import run_home

        return run_home([], seed=None)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
