"""``lunarquiz`` and ``lunarquiz play``: a round in the Textual game, or line by line in plain mode."""

from __future__ import annotations

import argparse
import os
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


def _multiplier(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number, like 1.5 or 2") from None
    if not 1 <= value <= 10:
        raise argparse.ArgumentTypeError("must be from 1 to 10")
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
        help="a bank file or folder (repeatable); default: the built-in banks and your banks folder",
    )
    parser.add_argument(
        "--questions", type=_positive_int, default=10, metavar="N", help="how many questions (default: 10)"
    )
    parser.add_argument("--time", type=_seconds, metavar="SECONDS", help="seconds per question, for every question")
    parser.add_argument(
        "--time-multiplier",
        type=_multiplier,
        default=1.0,
        metavar="X",
        help="more time for every question, e.g. 1.5 or 2",
    )
    parser.add_argument(
        "--seed", type=int, metavar="N", help="make the question order and answer shuffles reproducible"
    )
    parser.add_argument("--practice", action="store_true", help="untimed, with no speed points")
    parser.add_argument("--untimed", action="store_true", help="no time limit (scored like practice)")
    parser.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="only questions with this tag (repeatable)"
    )
    parser.add_argument(
        "--difficulty",
        action="append",
        default=[],
        choices=DIFFICULTIES,
        help="only questions of this difficulty (repeatable)",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="line by line, for screen readers and pipes (chosen by itself when input or output is not a terminal)",
    )
    parser.set_defaults(handler=play)


def settings_from(args: argparse.Namespace) -> RoundSettings:
    """The round settings that the arguments ask for."""
    return RoundSettings(
        questions=args.questions,
        time_limit=args.time,
        practice=args.practice or args.untimed,
        time_multiplier=args.time_multiplier,
        tags=tuple(args.tag),
        difficulties=tuple(args.difficulty),
    )


def wants_plain(args: argparse.Namespace) -> bool:
    """Plain mode when asked for, or when standard input or output is not a terminal.

    A game served to a browser (textual-serve sets TEXTUAL_DRIVER) has no terminal but draws screens.
    """
    if getattr(args, "plain", False):
        return True
    if os.environ.get("TEXTUAL_DRIVER"):
        return False
    return not (sys.stdin.isatty() and sys.stdout.isatty())


def play(args: argparse.Namespace) -> int:
    """A round at once over the named banks (the built-in ones when none are named)."""
    return run_play(args.bank, settings=settings_from(args), seed=args.seed, plain=wants_plain(args))


def run_play(paths: Sequence[str], *, settings: RoundSettings, seed: int | None, plain: bool = False) -> int:
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
    questions = select_questions(library.banks, tags=settings.tags, difficulties=settings.difficulties)
    if not questions:
        print("lunarquiz: no question matches the --tag and --difficulty given", file=sys.stderr)
        return 1
    if plain:
        return run_plain(library, settings=settings, seed=seed)
    from lunarquiz.ui.app import LunarQuizApp

    LunarQuizApp(library, seed=seed, play=(library.banks, settings)).run()
    return 0


def run_plain(library: object, *, settings: RoundSettings, seed: int | None) -> int:
    """Play one round line by line on standard input and output."""
    import random
    import time

    from lunarquiz.banks.discovery import Library
    from lunarquiz.core.round import Round
    from lunarquiz.core.selection import select_questions
    from lunarquiz.plain.session import play_plain

    assert isinstance(library, Library)
    questions = select_questions(library.banks, tags=settings.tags, difficulties=settings.difficulties)
    round_ = Round(questions, rng=random.Random(seed), clock=time.monotonic, settings=settings)
    sources = {bank.id: bank.source for bank in library.banks}

    def read_line() -> str | None:
        line = sys.stdin.readline()
        return None if line == "" else line.rstrip("\r\n")

    def write(line: str) -> None:
        print(line, flush=True)

    play_plain(
        round_,
        read_line=read_line,
        write=write,
        clock=time.monotonic,
        source_of=lambda bank_id: sources.get(bank_id, ""),
    )
    return 0


def run_home(args: argparse.Namespace) -> int:
    """The home screen with every bank found; a plain round when not on a terminal."""
    from lunarquiz.banks.discovery import default_bank_paths, load_library

    extra = list(getattr(args, "bank", []) or [])
    library = load_library([*default_bank_paths(), *extra])
    for failed in library.failed:
        for problem in failed.errors or failed.problems:
            print(problem.format(), file=sys.stderr)
    if wants_plain(args):
        if not library.banks:
            print("lunarquiz: no bank could be loaded, so there is nothing to play", file=sys.stderr)
            return 1
        return run_plain(library, settings=RoundSettings(questions=10), seed=None)
    from lunarquiz.ui.app import LunarQuizApp

    LunarQuizApp(library).run()
    return 0
