"""``lunarquiz`` and ``lunarquiz play``: start the Textual game (the only commands that import it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from lunarquiz.core.model import DIFFICULTIES
from lunarquiz.core.round import RoundSettings


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


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``play`` to the command line."""
    parser = commands.add_parser(
        "play", help="start a round at once", description="Start a round at once, without the home screen."
    )
    parser.add_argument(
        "--bank",
        action="append",
        default=[],
        metavar="PATH",
        help="a bank file or folder (repeatable); default: the built-in banks",
    )
    parser.add_argument(
        "--questions", type=_positive_int, default=10, metavar="N", help="how many questions (default: 10)"
    )
    parser.add_argument("--time", type=_seconds, metavar="SECONDS", help="seconds per question, for every question")
    parser.add_argument(
        "--seed", type=int, metavar="N", help="make the question order and answer shuffles reproducible"
    )
    parser.add_argument("--practice", action="store_true", help="untimed, with no speed points")
    parser.add_argument("--tag", action="append", default=[], metavar="TAG", help="only questions with this tag (repeatable)")
    parser.add_argument(
        "--difficulty",
        action="append",
        default=[],
        choices=DIFFICULTIES,
        help="only questions of this difficulty (repeatable)",
    )
    parser.set_defaults(handler=play)


def play(args: argparse.Namespace) -> int:
    """A round at once over the named banks (the built-in ones when none are named)."""
    settings = RoundSettings(
        questions=args.questions,
        time_limit=args.time,
        practice=args.practice,
        tags=tuple(args.tag),
        difficulties=tuple(args.difficulty),
    )
    return run_play(args.bank, settings=settings, seed=args.seed)


def run_play(paths: Sequence[str], *, settings: RoundSettings, seed: int | None) -> int:
    """Load the banks, report those that fail, and play a round over the rest."""
    from lunarquiz.banks.discovery import load_library
    from lunarquiz.core.selection import select_questions

    library = load_library(list(paths) if paths else None)
    for failed in library.failed:
        for problem in failed.errors or failed.problems:
            print(problem.format(), file=sys.stderr)
    if not library.banks:
        print("lunarquiz: no bank could be loaded, so there is nothing to play", file=sys.stderr)
        return 1
    if not select_questions(library.banks, tags=settings.tags, difficulties=settings.difficulties):
        print("lunarquiz: no question matches the --tag and --difficulty given", file=sys.stderr)
        return 1
    from lunarquiz.ui.app import LunarQuizApp

    LunarQuizApp(library, seed=seed, play=(library.banks, settings)).run()
    return 0


def run_home(args: argparse.Namespace) -> int:
    """The home screen with the built-in banks."""
    from lunarquiz.banks.discovery import load_library
    from lunarquiz.ui.app import LunarQuizApp

    LunarQuizApp(load_library()).run()
    return 0
