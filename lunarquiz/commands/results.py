"""``lunarquiz results``: every saved answer, one per row, as CSV for spreadsheets or as a table.

CSV columns: ``timestamp,player,bank,question_id,chosen,correct,seconds,points,mode,round_id``.
``timestamp`` is ISO 8601 in UTC; ``chosen`` holds the chosen choices' texts joined with "; "
(empty when the question timed out); ``correct`` is 1 or 0; ``seconds`` has three decimals.
Every cell but the header's is quoted, and a text cell a spreadsheet would run as a formula
(a player named ``=HYPERLINK(...)``) starts with a ``'`` (lunarquiz.spreadsheet_cells).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import TextIO

CSV_HEADER = (
    "timestamp",
    "player",
    "bank",
    "question_id",
    "chosen",
    "correct",
    "seconds",
    "points",
    "mode",
    "round_id",
)
CHOICE_SEPARATOR = "; "
NUMBER_COLUMNS = ("correct", "seconds", "points", "round_id")
"""The columns of numbers lunarquiz formats; the others hold text, which a spreadsheet must not run as a formula."""


def _since(text: str) -> datetime:
    from lunarquiz.store.timestamps import parse_since

    try:
        return parse_since(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD) or an ISO 8601 time") from None


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``results`` to the command line."""
    from lunarquiz.commands.stats import add_data_dir

    parser = commands.add_parser(
        "results",
        help="list every saved answer (--csv for a spreadsheet)",
        description="List every saved answer, oldest first. With --csv, the columns are "
        f"{','.join(CSV_HEADER)}; chosen choices are joined with '{CHOICE_SEPARATOR}', correct is 1 or 0, "
        "and times are ISO 8601 in UTC.",
    )
    parser.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    parser.add_argument("--player", metavar="NAME", help="only this player's answers")
    parser.add_argument("--bank", metavar="ID", help="only this bank's answers")
    parser.add_argument(
        "--since", type=_since, metavar="DATE", help="only answers from this date (UTC) or ISO 8601 time on"
    )
    add_data_dir(parser)
    parser.set_defaults(
        handler=lambda args: run_results(
            args.data_dir,
            player=args.player,
            bank=args.bank,
            since=args.since,
            as_csv=args.csv,
            out=sys.stdout,
            err=sys.stderr,
        )
    )


def run_results(
    data_dir: str | None,
    *,
    player: str | None,
    bank: str | None,
    since: datetime | None,
    as_csv: bool,
    out: TextIO,
    err: TextIO,
) -> int:
    """Print the saved answers as CSV or as a table; 0 even when there are none, 1 when they cannot be read."""
    from lunarquiz.commands.stats import open_saved

    saved = open_saved(data_dir, err)
    if saved is None:
        return 1
    with saved as store:
        answers = store.saved_answers(player=player, bank=bank, since=since)
        problems = store.take_notices()
    for problem in problems:
        print(f"lunarquiz: {problem}", file=err)
    rows = [
        (
            answer.answered_at,
            answer.player,
            answer.bank_id,
            answer.question_id,
            CHOICE_SEPARATOR.join(answer.chosen),
            "1" if answer.correct else "0",
            f"{answer.seconds:.3f}",
            str(answer.points),
            answer.mode,
            str(answer.round_id),
        )
        for answer in answers
    ]
    if as_csv:
        from lunarquiz.spreadsheet_cells import write_table

        write_table(out, CSV_HEADER, rows, numbers=NUMBER_COLUMNS)
    else:
        _print_table(rows, out)
    return 1 if problems else 0


def _print_table(rows: Sequence[tuple[str, ...]], out: TextIO) -> None:
    if not rows:
        print("no saved answers", file=out)
        return
    headers = ("TIME (UTC)", "PLAYER", "BANK", "QUESTION", "RIGHT", "SECONDS", "POINTS", "MODE", "ROUND")
    shown = [
        (when[:19].replace("T", " "), name, bank, question, "yes" if right == "1" else "no", sec, pts, mode, rid)
        for when, name, bank, question, _chosen, right, sec, pts, mode, rid in rows
    ]
    widths = [max([len(header), *(len(row[i]) for row in shown)]) for i, header in enumerate(headers)]
    for row in (headers, *shown):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip(), file=out)
