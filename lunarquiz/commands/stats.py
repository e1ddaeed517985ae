"""``lunarquiz stats``: accuracy and time per bank, tag and question, and the best rounds, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from lunarquiz.store.reports import Accuracy, LeaderboardEntry, Statistics
    from lunarquiz.store.store import Store

HARDEST_SHOWN = 10
"""Questions the table lists (JSON lists them all)."""


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """The ``--data-dir`` option, shared by the commands that read the saved results."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the folder of the saved results (default: $LUNARQUIZ_DATA_DIR, else the user data folder)",
    )


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``stats`` to the command line."""
    parser = commands.add_parser(
        "stats",
        help="show accuracy and time per bank, tag and question",
        description="Show accuracy and average time per bank, per tag and per question (hardest first), "
        "and the best finished timed rounds.",
    )
    parser.add_argument("--player", metavar="NAME", help="only this player's answers")
    parser.add_argument("--bank", metavar="ID", help="only this bank's answers, and its leaderboard")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_data_dir(parser)
    parser.set_defaults(
        handler=lambda args: run_stats(
            args.data_dir, player=args.player, bank=args.bank, as_json=args.json, out=sys.stdout, err=sys.stderr
        )
    )


def open_saved(data_dir: str | None, err: TextIO) -> Store | None:
    """The saved results for reading; an empty store (and a note on ``err``) when there are none yet.

    A file that can be read but not written is read (the note says it cannot be written);
    None, after saying why on ``err``, when the file is there but cannot be read at all.
    """
    from lunarquiz.store.paths import database_path
    from lunarquiz.store.store import Store

    path = database_path(data_dir)
    if not path.exists():
        print(f"lunarquiz: no saved results yet in {path.parent}", file=err)
        return Store.unsaved()
    store = Store.open(path)
    for notice in store.take_notices():
        print(f"lunarquiz: {notice}", file=err)
    if store.path is None:
        store.close()
        print(f"lunarquiz: the saved results in {path} could not be read", file=err)
        return None
    return store


def run_stats(
    data_dir: str | None, *, player: str | None, bank: str | None, as_json: bool, out: TextIO, err: TextIO
) -> int:
    """Print the statistics of the saved answers (of one player, in one bank); 0 even when there are none.

    1 when the saved results could not be read (nothing is printed on ``out`` then).
    """
    saved = open_saved(data_dir, err)
    if saved is None:
        return 1
    with saved as store:
        figures = store.statistics(player=player, bank=bank)
        best = store.best_rounds(player=player, bank_ids=None if bank is None else [bank])
        rounds = store.history(player=player, bank=bank)
        problems = store.take_notices()
    for problem in problems:
        print(f"lunarquiz: {problem}", file=err)
    if as_json:
        report = {
            "player": player,
            "bank": bank,
            "rounds": {
                status: sum(1 for r in rounds if r.status == status)
                for status in ("finished", "unfinished", "abandoned")
            },
            **_figures(figures),
            "banks": [_accuracy(item) for item in figures.banks],
            "tags": [_accuracy(item) for item in figures.tags],
            "questions": [_accuracy(item) for item in figures.questions],
            "best_rounds": [_entry(entry) for entry in best],
        }
        print(json.dumps(report, indent=2, ensure_ascii=False), file=out)
    else:
        _print_table(figures, best, len(rounds), out)
    return 1 if problems else 0


def _figures(figures: Statistics | Accuracy) -> dict[str, Any]:
    seconds = figures.average_seconds
    return {
        "answered": figures.answered,
        "right": figures.right,
        "accuracy": round(figures.accuracy, 4),
        "average_seconds": None if seconds is None else round(seconds, 3),
    }


def _accuracy(item: Accuracy) -> dict[str, Any]:
    return {"subject": item.subject, "bank": item.bank_id, **_figures(item)}


def _entry(entry: LeaderboardEntry) -> dict[str, Any]:
    return {
        "banks": list(entry.banks),
        "rank": entry.rank,
        "player": entry.player,
        "score": entry.score,
        "right": entry.right,
        "answered": entry.answered,
        "round_id": entry.round_id,
        "ended_at": None if entry.ended_at is None else entry.ended_at.isoformat(),
    }


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


def _print_rows(
    title: str, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], out: TextIO, *, text_columns: int = 1
) -> None:
    """A titled table: the first ``text_columns`` columns aligned left, the figures after them right."""
    widths = [max([len(header), *(len(row[i]) for row in rows)]) for i, header in enumerate(headers)]
    print(f"\n{title}", file=out)
    for row in (headers, *rows):
        cells = [
            cell.ljust(width) if i < text_columns else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip(), file=out)


def _print_table(figures: Statistics, best: list[LeaderboardEntry], rounds: int, out: TextIO) -> None:
    print(
        f"{figures.answered} answers in {rounds} rounds: {_percent(figures.accuracy)} right, "
        f"{_seconds(figures.average_seconds)} on average",
        file=out,
    )
    if not figures.answered:
        return
    headers = ("", "ANSWERS", "RIGHT", "AVG TIME")

    def row(name: str, item: Accuracy) -> tuple[str, ...]:
        return (name, str(item.answered), _percent(item.accuracy), _seconds(item.average_seconds))

    _print_rows("Per bank, hardest first", ("BANK", *headers[1:]), [row(i.subject, i) for i in figures.banks], out)
    if figures.tags:
        _print_rows("Per tag, hardest first", ("TAG", *headers[1:]), [row(i.subject, i) for i in figures.tags], out)
    hardest = [row(f"{i.bank_id}/{i.subject}", i) for i in figures.questions[:HARDEST_SHOWN]]
    _print_rows("Hardest questions", ("BANK/QUESTION", *headers[1:]), hardest, out)
    if best:
        places = [(",".join(e.banks), e.player, str(e.rank), str(e.score), f"{e.right}/{e.answered}") for e in best]
        _print_rows(
            "Best finished timed rounds", ("BANKS", "PLAYER", "RANK", "SCORE", "RIGHT"), places, out, text_columns=2
        )
