"""Run many fuzz inputs through the bank loader and every importer; count accepted, rejected and crashed.

    python fuzz/run.py --inputs 100000 [--seed N] [--processes 2]
    python fuzz/run.py --replay 1234 --seed N      # one input again, with the whole traceback

Exits 1 when any input crashed (an exception, or a broken promise of fuzz/targets.py),
after printing the first crashing input.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz.inputs import input_for
from fuzz.targets import TARGETS, run

CHUNK = 250
SLOW_SECONDS = 10.0
"""An input slower than this through one target counts as a crash: a bank must never hang the game."""


@dataclass
class Tally:
    """What a stretch of inputs came to."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(target, outcome) -> how many."""
    crashes: list[tuple[int, str, str]] = field(default_factory=list)
    """(input number, target, what happened), the first few."""
    crashed_inputs: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    """How often each kind of crash happened: target and the exception's first line."""
    slowest: tuple[float, int, str] = (0.0, -1, "")

    def add(self, other: Tally) -> None:
        self.counts.update(other.counts)
        self.crashes = sorted(self.crashes + other.crashes)[:5]
        self.crashed_inputs += other.crashed_inputs
        self.kinds.update(other.kinds)
        self.slowest = max(self.slowest, other.slowest)


def run_one(seed: int, number: int, tally: Tally) -> None:
    data = input_for(seed, number)
    crashed = False
    for target in TARGETS:
        start = time.perf_counter()
        try:
            outcome = run(target, data)
        except Exception as error:  # any exception is what the fuzzer looks for
            outcome = "crashed"
            crashed = True
            what = "".join(traceback.format_exception_only(error)).strip()
            tally.crashes.append((number, target, what))
            tally.kinds[f"{target}: {what.splitlines()[0][:100]}"] += 1
        spent = time.perf_counter() - start
        if spent > SLOW_SECONDS and outcome != "crashed":
            outcome, crashed = "crashed", True
            tally.crashes.append((number, target, f"took {spent:.1f} s"))
            tally.kinds[f"{target}: slower than {SLOW_SECONDS:g} s"] += 1
        tally.counts[target, outcome] += 1
        tally.slowest = max(tally.slowest, (spent, number, target))
    tally.crashed_inputs += crashed
    tally.crashes = sorted(tally.crashes)[:5]


def run_chunk(task: tuple[int, int, int]) -> Tally:
    seed, start, stop = task
    tally = Tally()
    for number in range(start, stop):
        run_one(seed, number, tally)
    return tally


def report(tally: Tally, inputs: int, seed: int, processes: int, seconds: float) -> None:
    print(f"lunarquiz fuzz: {inputs} inputs, seed {seed}, {processes} processes, {seconds:.0f} s")
    print(f"{'target':<10}{'accepted':>10}{'rejected':>10}{'crashed':>9}")
    totals: Counter[str] = Counter()
    for target in TARGETS:
        row = [tally.counts[target, outcome] for outcome in ("accepted", "rejected", "crashed")]
        totals.update(dict(zip(("accepted", "rejected", "crashed"), row, strict=True)))
        print(f"{target:<10}{row[0]:>10}{row[1]:>10}{row[2]:>9}")
    print(f"{'all':<10}{totals['accepted']:>10}{totals['rejected']:>10}{totals['crashed']:>9}")
    print(
        f"inputs: {inputs - tally.crashed_inputs} handled by every target "
        f"(accepted or rejected cleanly), {tally.crashed_inputs} crashed"
    )
    spent, number, target = tally.slowest
    print(f"slowest: input {number} through {target}, {spent:.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--inputs", type=int, default=10_000, help="how many inputs to run (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="the run's seed: the same seed makes the same inputs")
    parser.add_argument("--start", type=int, default=0, help="the number of the first input (default 0)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--replay", type=int, metavar="N", help="run input N alone and show any traceback")
    args = parser.parse_args(argv)
    if args.replay is not None:
        data = input_for(args.seed, args.replay)
        print(f"input {args.replay} of seed {args.seed}: {data!r}")
        for target in TARGETS:
            print(f"{target}: {run(target, data)}")
        return 0
    began = time.monotonic()
    stop = args.start + args.inputs
    tasks = [(args.seed, first, min(first + CHUNK, stop)) for first in range(args.start, stop, CHUNK)]
    tally = Tally()
    done = 0
    with Pool(max(1, args.processes)) as pool:
        for part in pool.imap_unordered(run_chunk, tasks):
            tally.add(part)
            done += sum(part.counts.values()) // len(TARGETS)
            if done % 10_000 < CHUNK:
                print(f"... {done} inputs, {tally.crashed_inputs} crashed", file=sys.stderr, flush=True)
    report(tally, args.inputs, args.seed, max(1, args.processes), time.monotonic() - began)
    if tally.crashes:
        print("\ncrashes by kind:")
        for kind, count in tally.kinds.most_common():
            print(f"{count:>8}  {kind}")
        number, target, what = tally.crashes[0]
        print(f"\nfirst crash: input {number} through {target}: {what}")
        print(f"the input: {input_for(args.seed, number)!r}")
        print(f"replay it: python fuzz/run.py --seed {args.seed} --replay {number}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
