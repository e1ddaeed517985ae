"""The ``lunarquiz`` command line: parse the arguments and run one subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from lunarquiz import __version__
from lunarquiz.ui.collector import end_start_pause, pause_for_start

COMMANDS = {
    "play": "play",
    "banks": "banks",
    "validate": "validate",
    "new": "new_bank",
    "schema": "schema",
    "import": "import_bank",
    "export": "export_bank",
    "generate": "generate",
    "stats": "stats",
    "results": "results",
    "serve": "serve",
    "roster": "roster",
}
"""Each command and its module in ``lunarquiz.commands``, in the order of the help; each module has ``add_parser``.

A command module imports only the standard library at its top; what a command
needs (Textual above all) it imports when it runs.
"""

SCREEN_COMMANDS = (None, "play")
"""The commands that may start the game's screens (None: no command, the home screen)."""

VALUE_OPTIONS = ("--bank", "--player", "--data-dir", "--roster")
"""The options before a command that take a value (the next word, unless written ``--option=value``)."""


def named_command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, "" when it names none, or None when only the full parser can tell.

    None for help, for a word that is not a command, and after ``--``: the full parser then
    lists every command in its help and its error. Options may be shortened, as argparse allows.
    """
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help", "--"):
            return None
        if word.startswith("--"):
            if "=" not in word and any(option.startswith(word) for option in VALUE_OPTIONS):
                next(words, None)  # the option's value, whatever it looks like
            continue
        if word.startswith("-"):
            continue
        return word if word in COMMANDS else None
    return ""


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser: for every command, or only for the one ``argv`` names.

    Building only the named command's parser keeps the other commands' modules (and what
    they import) off the start of a round.
    """
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
    # Each browser tab of `lunarquiz serve` runs the game with --served: nothing a player types may name a server path.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = None if argv is None else named_command(argv)
    for command, module in COMMANDS.items():
        if named is None or command == named:
            import_module(f"lunarquiz.commands.{module}").add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run lunarquiz with ``argv`` (default: the process's arguments); returns the exit code."""
    pause_for_start()  # until the first frame, or at once for a command that draws no screen (see collector)
    if argv is None:
        argv = sys.argv[1:]
    command = "lunarquiz"
    try:
        args = build_parser(argv).parse_args(argv)
        handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
        if args.command not in SCREEN_COMMANDS:
            end_start_pause()
        command = f"'lunarquiz {args.command}'" if args.command else "the game"
        if handler is None:
            from lunarquiz.commands.play import run_home

            return run_home(args)
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
    except Exception as error:  # a bug: one line and a crash log, never a traceback (lunarquiz.crash)
        from lunarquiz.crash import report_crash

        return report_crash(error, what=command)
    finally:
        end_start_pause()  # an app took the pause over, or none started (an error, plain play)
