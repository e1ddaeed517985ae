"""``lunarquiz serve``: the game in web browsers through textual-serve, one game per tab."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence

from lunarquiz.commands.arguments import bounded_int

LOOPBACK = "127.0.0.1"


PORT = bounded_int(1, 65535, what="a port number")


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
    parser.set_defaults(handler=serve)


def game_command(banks: Sequence[str]) -> str:
    """The shell command each browser tab runs: this Python, the home screen as a served game, the extra banks."""
    from pathlib import Path

    parts = [sys.executable, "-m", "lunarquiz", "--served"]
    for bank in banks:
        parts += ["--bank", str(Path(bank).resolve())]
    return shlex.join(parts)


def serve(args: argparse.Namespace) -> int:
    """Run the web server until interrupted."""
    from pathlib import Path

    missing = [bank for bank in args.bank if not Path(bank).exists()]
    if missing:
        print(f"lunarquiz serve: no such bank file or folder: {missing[0]}", file=sys.stderr)
        return 1
    try:
        from textual_serve.server import Server
    except ImportError:
        print("lunarquiz serve needs textual-serve: pip install textual-serve", file=sys.stderr)
        return 1
    if args.host != LOOPBACK:
        print(f"lunarquiz serve: listening on {args.host}, so other computers can connect", file=sys.stderr)
    print(f"lunarquiz serve: open http://{args.host}:{args.port} in a browser (Ctrl+C stops)", file=sys.stderr)
    Server(game_command(args.bank), host=args.host, port=args.port, title="lunarquiz").serve()
    return 0
