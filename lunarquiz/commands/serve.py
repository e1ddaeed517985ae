"""``lunarquiz serve``: the game in web browsers through textual-serve, one game per tab."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence

from lunarquiz.commands.arguments import bounded_int, bounded_number

LOOPBACK = "127.0.0.1"


PORT = bounded_int(1, 65535, what="a port number")
GAMES = bounded_int(1, 10_000, what="a whole number of games")
MINUTES = bounded_number(float, 0, 7 * 24 * 60, what="a number of minutes", low_inclusive=False)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``serve`` to the command line."""
    parser = commands.add_parser(
        "serve",
        help="serve the game to web browsers (a classroom)",
        description="Serve the game to web browsers: every tab gets its own game. "
        "Only this computer can connect unless --host names another address.",
    )
    parser.add_argument(
        "--host", default=LOOPBACK, help=f"the address to listen on (default: {LOOPBACK}, this computer only)"
    )
    parser.add_argument("--port", type=PORT, default=8000, help="the port to listen on (default: 8000)")
    parser.add_argument(
        "--bank", action="append", default=[], metavar="PATH", help="a bank file or folder to offer too (repeatable)"
    )
    parser.add_argument(
        "--roster",
        metavar="FILE",
        help="players sign in with a name and PIN from this roster (made by `lunarquiz roster new`); "
        "without one, any player can type any name",
    )
    from lunarquiz.classroom.limits import IDLE_MINUTES, MAX_GAMES, MAX_PER_ADDRESS

    parser.add_argument(
        "--max-players",
        type=GAMES,
        default=MAX_GAMES,
        metavar="N",
        help=f"games at once, one per browser tab; a tab past it is told the classroom is full (default: {MAX_GAMES})",
    )
    parser.add_argument(
        "--max-per-address",
        type=GAMES,
        default=MAX_PER_ADDRESS,
        metavar="N",
        help="games at once from one network address; raise it when the class reaches this computer "
        f"through one router or proxy (default: {MAX_PER_ADDRESS})",
    )
    parser.add_argument(
        "--idle-minutes",
        type=MINUTES,
        default=IDLE_MINUTES,
        metavar="M",
        help=f"end a game with no key pressed for this long; answers are saved (default: {IDLE_MINUTES:g})",
    )
    parser.set_defaults(handler=serve)


def game_command(banks: Sequence[str], roster: str | None = None) -> str:
    """The shell command each browser tab runs: this Python, the home screen as a served game, the extra banks, the roster."""
    from pathlib import Path

    parts = [sys.executable, "-m", "lunarquiz", "--served"]
    for bank in banks:
        parts += ["--bank", str(Path(bank).resolve())]
    if roster is not None:
        parts += ["--roster", str(Path(roster).resolve())]
    return shlex.join(parts)


def serve(args: argparse.Namespace) -> int:
    """Run the web server until interrupted."""
    from pathlib import Path

    missing = [bank for bank in args.bank if not Path(bank).exists()]
    if missing:
        print(f"lunarquiz serve: no such bank file or folder: {missing[0]}", file=sys.stderr)
        return 1
    if args.roster is not None:
        from lunarquiz.core.roster import RosterError
        from lunarquiz.store.roster_file import read_roster

        try:
            players = len(read_roster(args.roster).players)
        except RosterError as error:
            print(f"lunarquiz serve: {error}", file=sys.stderr)
            return 1
        print(f"lunarquiz serve: players sign in with the roster {args.roster} ({players} players)", file=sys.stderr)
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        print("lunarquiz serve needs textual-serve: pip install textual-serve", file=sys.stderr)
        return 1
    if args.host != LOOPBACK:
        print(f"lunarquiz serve: listening on {args.host}, so other computers can connect", file=sys.stderr)
    print(f"lunarquiz serve: open http://{args.host}:{args.port} in a browser (Ctrl+C stops)", file=sys.stderr)
    from lunarquiz.classroom.limits import GameLimits
    from lunarquiz.classroom.server import ClassroomServer

    limits = GameLimits(max_games=args.max_players, max_per_address=args.max_per_address)
    print(
        f"lunarquiz serve: at most {limits.max_games} games, {limits.max_per_address} from one address; "
        f"a game with no key for {args.idle_minutes:g} minutes ends",
        file=sys.stderr,
    )
    server = ClassroomServer(
        game_command(args.bank, args.roster),
        host=args.host,
        port=args.port,
        limits=limits,
        idle_seconds=args.idle_minutes * 60,
    )
    server.serve()
    return 0
