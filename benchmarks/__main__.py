"""``python -m benchmarks [--quick]``: measure, print the table, exit 1 when a budget is missed."""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

from benchmarks.banks import write_big_bank, write_small_bank
from benchmarks.figures import Figure, failed, table
from benchmarks.suite import FULL, MEASURES, QUICK, SECTIONS, Places


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; 1 when a budget is missed (with --quick: only when a measurement fails)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few runs and a small bank: check that it works")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="measure only this part (repeatable)")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    with tempfile.TemporaryDirectory(prefix="lunarquiz-bench-") as root:
        folder = Path(root)
        banks = folder / "banks"
        banks.mkdir()
        (folder / "data").mkdir()
        places = Places(
            data_dir=folder / "data",
            cache_dir=folder / "cache",
            small_bank=write_small_bank(banks),
            big_bank=write_big_bank(banks, plan.big_questions),
            answers_bank=write_big_bank(banks, plan.answers + 50, single_only=True, name="answers.yaml"),
        )
        os.environ["LUNARQUIZ_DATA_DIR"] = str(places.data_dir)  # for the Pilot runs, which start from here
        os.environ["LUNARQUIZ_CACHE_DIR"] = str(places.cache_dir)
        figures: list[Figure] = []
        for section in args.only or SECTIONS:
            print(f"measuring {section} ...", file=sys.stderr, flush=True)
            try:
                figures.extend(MEASURES[section](plan, places))
            except Exception as error:
                figures.append(failed(section, error))
    print(
        f"lunarquiz benchmarks{' (quick: checks that they run; budgets not enforced)' if plan.quick else ''}: "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}"
    )
    print(table(figures))
    if any(figure.error for figure in figures):
        return 1
    if not plan.quick and any(figure.ok is False for figure in figures):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
