"""``lunarquiz`` and ``lunarquiz play``: a round in the Textual game, or line by line in plain mode."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from lunarquiz.commands.arguments import bounded_int, bounded_number
from lunarquiz.core.model import DIFFICULTIES
from lunarquiz.core.round import RoundSettings

if TYPE_CHECKING:
    from lunarquiz.banks.discovery import Library
    from lunarquiz.store.records import Mode
    from lunarquiz.store.store import Store


QUESTION_COUNT = bounded_int(1, 100_000, what="a whole number of questions")
SECONDS = bounded_number(float, 0, 3600, what="a number of seconds", low_inclusive=False)
MULTIPLIER = bounded_number(float, 1, 10, what="a number, like 1.5 or 2")


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
        "--questions", type=QUESTION_COUNT, default=10, metavar="N", help="how many questions (default: 10)"
    )
    parser.add_argument("--time", type=SECONDS, metavar="SECONDS", help="seconds per question, for every question")
    parser.add_argument(
        "--time-multiplier",
        type=MULTIPLIER,
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
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--review", action="store_true", help="the questions you got wrong, most recent and most often first"
    )
    modes.add_argument("--study", action="store_true", help="spaced repetition: the questions due, then new ones")
    add_player_options(parser, subcommand=True)
    parser.add_argument(
        "--plain",
        action="store_true",
        help="line by line, for screen readers and pipes (chosen by itself when input or output is not a terminal)",
    )
    parser.set_defaults(handler=play)


def add_player_options(parser: argparse.ArgumentParser, *, subcommand: bool = False) -> None:
    """``--player`` and ``--data-dir``, shared by the home screen and ``play``.

    On a subcommand they have no default, so ``lunarquiz --player Ana play`` keeps the name given first.
    """
    default = argparse.SUPPRESS if subcommand else None
    parser.add_argument(
        "--player",
        type=player_argument,
        metavar="NAME",
        default=default,
        help="who is playing, 1 to 40 characters (default: the last player)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where scores are kept (default: $LUNARQUIZ_DATA_DIR or your data folder)",
    )
    if not subcommand:
        parser.add_argument(
            "--roster",
            metavar="FILE",
            help="with no command: players sign in with a name and PIN from this roster (`lunarquiz roster new`)",
        )


def player_argument(text: str) -> str:
    """An argparse type: ``text`` as a player's name (lunarquiz.core.players), or a message saying why not."""
    from lunarquiz.core.players import BadPlayerName, player_name

    try:
        return player_name(text)
    except BadPlayerName as error:
        raise argparse.ArgumentTypeError(f"{error}; leave out --player to play as the last player") from None


def open_store(args: argparse.Namespace) -> Store:
    """The store in the data folder the arguments name (it never raises for a bad file or disk)."""
    from lunarquiz.store.store import Store

    return Store.open_default(getattr(args, "data_dir", None))


def player_name(args: argparse.Namespace, store: Store) -> str | None:
    """The player named on the command line (remembered; ``player_argument`` checked it), else the last one."""
    name: str | None = getattr(args, "player", None)
    if name is not None:
        store.remember_player(name)
        return name
    return store.last_player()


def mode_from(args: argparse.Namespace) -> Mode:
    """The round's mode: review, study, practice or timed."""
    if getattr(args, "review", False):
        return "review"
    if getattr(args, "study", False):
        return "study"
    return "practice" if args.practice or args.untimed else "timed"


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
    from lunarquiz.banks.discovery import load_library

    if getattr(args, "roster", None):
        print(
            "lunarquiz: --roster works with the home screen (lunarquiz --roster FILE), not with play", file=sys.stderr
        )
        return 1
    library = load_library(list(args.bank) if args.bank else None)
    report_failed(library)
    if not library.banks:
        print("lunarquiz: no bank could be loaded, so there is nothing to play", file=sys.stderr)
        return 1
    settings = settings_from(args)
    from lunarquiz.core.selection import select_questions

    if not select_questions(library.banks, tags=settings.tags, difficulties=settings.difficulties):
        print("lunarquiz: no question matches the --tag and --difficulty given", file=sys.stderr)
        return 1
    store = open_store(args)
    try:
        player = player_name(args, store)
        if wants_plain(args):
            return run_plain(library, store, player, settings=settings, mode=mode_from(args), seed=args.seed)
        from lunarquiz.paths import cache_dir
        from lunarquiz.ui.app import LunarQuizApp

        app = LunarQuizApp(
            library,
            store=store,
            player=player,
            seed=args.seed,
            play=(library.banks, settings),
            mode=mode_from(args),
            styles_folder=cache_dir(),
            served=getattr(args, "served", False),
        )
        return app.run_for_status()  # after an unexpected error: one line, a crash log, and not 0
    finally:
        store.close()


def report_failed(library: Library) -> None:
    """Every error of every bank that did not load, on standard error."""
    for failed in library.failed:
        for problem in failed.errors or failed.problems:
            print(problem.format(), file=sys.stderr)


def run_plain(
    library: Library, store: Store, player: str | None, *, settings: RoundSettings, mode: Mode, seed: int | None
) -> int:
    """Play one round line by line on standard input and output, saving each answer."""
    import random
    import time
    from datetime import UTC, datetime

    from lunarquiz.core.round import Round
    from lunarquiz.core.selection import select_questions
    from lunarquiz.core.text import clean_text
    from lunarquiz.plain.session import play_plain
    from lunarquiz.store.session import StoreRecorder, questions_for_mode, settings_for_mode
    from lunarquiz.ui.collector import end_start_pause

    end_start_pause()  # no screen to draw: collection as usual
    name = player or "player"
    settings = store.preferences(name).accommodate(settings)
    settings = settings_for_mode(mode, settings)
    candidates = select_questions(library.banks, tags=settings.tags, difficulties=settings.difficulties)
    questions = questions_for_mode(store, name, mode, candidates, datetime.now(UTC))
    for notice in store.take_notices():
        print(f"lunarquiz: {notice}", file=sys.stderr)
    if not questions:
        print(f"lunarquiz: no questions to {mode} yet", file=sys.stderr)
        return 1
    round_ = Round(questions, rng=random.Random(seed), clock=time.monotonic, settings=settings)
    recorder = StoreRecorder(store, name, mode, round_)
    sources = {bank.id: bank.source for bank in library.banks}

    def read_line() -> str | None:
        line = sys.stdin.readline()
        return None if line == "" else line.rstrip("\r\n")

    def write(line: str) -> None:
        print(clean_text(line), flush=True)  # bank text is clean already; this guards everything else

    try:
        play_plain(
            round_,
            read_line=read_line,
            write=write,
            clock=time.monotonic,
            recorder=recorder,
            source_of=lambda bank_id: sources.get(bank_id, ""),
            take_notices=store.take_notices,
            warn=lambda notice: print(f"lunarquiz: {notice}", file=sys.stderr, flush=True),
        )
    except KeyboardInterrupt:
        saved = "Every answer you gave is saved; the round shows as unfinished."
        print(f"\nStopped. {saved if store.saving else 'Answers were not being saved (see above).'}", flush=True)
        return 130
    for notice in store.take_notices():
        print(f"lunarquiz: {notice}", file=sys.stderr)
    return 0


def run_home(args: argparse.Namespace) -> int:
    """The home screen with every bank found; a plain round when not on a terminal."""
    from lunarquiz.banks.discovery import default_bank_paths, load_library

    roster = None
    if getattr(args, "roster", None):
        from lunarquiz.core.roster import RosterError
        from lunarquiz.store.roster_file import read_roster

        try:
            roster = read_roster(args.roster)
        except RosterError as error:
            print(error, file=sys.stderr)
            return 1
        if wants_plain(args):
            print(
                "lunarquiz: with --roster, players sign in on the game's screen, which needs a terminal",
                file=sys.stderr,
            )
            return 1
    library = load_library([*default_bank_paths(), *(getattr(args, "bank", []) or [])])
    report_failed(library)
    store = open_store(args)
    try:
        served = getattr(args, "served", False)
        if roster is not None:
            player = None  # whoever signs in
        elif served:
            player = getattr(args, "player", None)  # not whoever played last on the server
        else:
            player = player_name(args, store)
        if wants_plain(args):
            if not library.banks:
                print("lunarquiz: no bank could be loaded, so there is nothing to play", file=sys.stderr)
                return 1
            return run_plain(library, store, player, settings=RoundSettings(questions=10), mode="timed", seed=None)
        from lunarquiz.paths import cache_dir
        from lunarquiz.ui.app import LunarQuizApp

        app = LunarQuizApp(library, store=store, player=player, styles_folder=cache_dir(), served=served, roster=roster)
        return app.run_for_status()
    finally:
        store.close()
