"""``lunarquiz roster new``: a roster of players with PINs for a served game, and the handout of the PINs."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from typing import TextIO


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``roster`` to the command line."""
    parser = commands.add_parser(
        "roster",
        help="make a roster of players with PINs for `serve --roster`",
        description="Rosters for served games: with `lunarquiz serve --roster FILE`, a player signs in "
        "with their name and PIN, and sees only their own results.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser(
        "new",
        help="make a roster from a file of names, with a new PIN for each",
        description="Make a roster from NAMES (one name a line) with a new random PIN for each player. "
        "The roster file keeps only salted hashes of the PINs; the PINs themselves are printed once, "
        "as a handout to give each player theirs.",
    )
    new.add_argument("names", metavar="NAMES", help="a text file of names, one a line (# starts a comment)")
    new.add_argument(
        "-o", "--output", metavar="ROSTER", help="the roster file to write (default: NAMES with the suffix .roster)"
    )
    new.add_argument("--handout", metavar="FILE", help="write the names and PINs to FILE instead of printing them")
    new.add_argument("--force", action="store_true", help="replace the roster (and handout) if they exist")
    new.set_defaults(handler=lambda args: run_new(args, out=sys.stdout, err=sys.stderr))


def run_new(args: argparse.Namespace, *, out: TextIO, err: TextIO) -> int:
    """Write a new roster for the names in ``args.names``; print the handout (or write it); 0 when done."""
    from lunarquiz.core.roster import RosterError, handout_text, new_roster, parse_names
    from lunarquiz.output_files import OutputRefused, refusal
    from lunarquiz.store.roster_file import read_small_text, write_private, write_roster

    target = args.output or str(Path(args.names).with_suffix(".roster"))
    try:
        names = parse_names(read_small_text(args.names, what="names"), args.names)
    except RosterError as error:
        print(error, file=err)
        return 1
    for path in filter(None, (target, args.handout)):
        reason = refusal(path)
        if reason is None and not args.force and os.path.lexists(path):
            reason = f"{path}: error: the file already exists; a new roster gives every player a new PIN: add --force to replace it"
        if reason is not None:
            print(reason, file=err)
            return 1
    roster, handout = new_roster(names)
    try:
        write_roster(target, roster, replace=args.force)
        if args.handout:
            write_private(args.handout, handout_text(handout), replace=args.force)
    except OutputRefused as refused:
        print(refused, file=err)
        return 1
    if not args.handout:
        out.write(handout_text(handout))
    where = f" (the PINs are in {args.handout})" if args.handout else ""
    print(f"lunarquiz roster: wrote {target}, {len(names)} players{where}", file=err)
    print(f"next: lunarquiz serve --roster {shlex.quote(target)}", file=err)
    return 0
