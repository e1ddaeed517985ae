"""Run fuzz inputs through load, validate, plain play and the question screen, within budgets; keep what fails.

    python fuzz/run.py --minutes 30 [--seed N] [--processes 2] [--tui-every 10]
    python fuzz/run.py --inputs 10000 --seed N
    python fuzz/run.py --seed N --replay 1234      # one input again, with each target's whole traceback

Prints, per target and per generator, how many inputs were accepted, rejected cleanly,
crashed and went over a budget (time, memory). Each new kind of failure is saved to
fuzz/corpus/ (shrunk when small, as a recipe when large), which tests/test_fuzz_corpus.py
replays. Exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz import corpus
from fuzz.budget import CRASH, SECONDS, Result, Workers, _alarm, run_case
from fuzz.cases import FuzzInput
from fuzz.generators import GENERATOR_NAMES, input_for
from fuzz.targets import TARGETS

SHRINK_SECONDS = 120
"""How long the run may spend shrinking what failed, all kinds together."""
COLUMNS = ("inputs", "accepted", "rejected", "skipped", "crash", "time", "memory", "died")


@dataclass
class Kind:
    """One kind of failure: how often, and the first input that showed it."""

    count: int
    result: Result
    number: int


@dataclass
class Tally:
    """What the run came to."""

    targets: dict[str, Counter[str]] = field(default_factory=lambda: {target: Counter() for target in TARGETS})
    generators: dict[str, Counter[str]] = field(default_factory=dict)
    kinds: dict[str, Kind] = field(default_factory=dict)
    inputs: int = 0
    failed_inputs: int = 0
    slowest: tuple[float, int, str] = (0.0, -1, "")

    def add(self, number: int, generator: str, results: list[Result]) -> None:
        self.inputs += 1
        for result in results:
            counts = self.targets.setdefault(result.target, Counter())
            counts["inputs"] += 1
            counts[result.outcome] += 1
            self.slowest = max(self.slowest, (result.seconds, number, result.target))
            if result.failed:
                key = corpus.signature(result)
                if key in self.kinds:
                    self.kinds[key].count += 1
                else:
                    self.kinds[key] = Kind(1, result, number)
        failed = [result.outcome for result in results if result.failed]
        load = next((result.outcome for result in results if result.target == "load"), "rejected")
        row = self.generators.setdefault(generator, Counter())
        row["inputs"] += 1
        row[failed[0] if failed else load] += 1
        self.failed_inputs += bool(failed)


def table(title: str, rows: dict[str, Counter[str]]) -> None:
    print(f"\n{title:<20}" + "".join(f"{column:>10}" for column in COLUMNS))
    for name, counts in rows.items():
        print(f"{name:<20}" + "".join(f"{counts[column]:>10}" for column in COLUMNS))


def jobs(seed: int, start: int, stop: int | None, until: float | None, tui_every: int) -> Iterator[tuple[Any, ...]]:
    number = start
    while (stop is None or number < stop) and (until is None or time.monotonic() < until):
        targets = TARGETS if tui_every and number % tui_every == 0 else tuple(t for t in TARGETS if t != "tui")
        yield number, (seed, number), targets
        number += 1


def keep(tally: Tally, seed: int, workers: Workers) -> list[tuple[Path, Kind]]:
    """Save each new kind of failure to the corpus, shrunk when it is a small crash."""
    saved = []
    shrink_until = time.monotonic() + SHRINK_SECONDS
    for kind in tally.kinds.values():
        try:
            case = input_for(seed, kind.number)
        except Exception:  # the generator itself failed: keep how to make the input again
            case = FuzzInput(
                "generate", "any", b"", recipe={"recipe": "generated", "seed": seed, "number": kind.number}
            )
        failure = kind.result
        if (
            time.monotonic() < shrink_until
            and failure.outcome == CRASH
            and case.recipe is None
            and not case.fifo
            and len(case.data) <= corpus.KEEP_BYTES
        ):
            case = corpus.shrink(case, partial(same_failure, failure=failure, workers=workers), tries=40)
        path = corpus.save(case, failure, seed=seed, number=kind.number)
        if path is not None:
            saved.append((path, kind))
    return saved


def same_failure(case: FuzzInput, failure: Result, workers: Workers) -> bool:
    targets = TARGETS[: TARGETS.index(failure.target) + 1]
    for _, _, results in workers.run(iter([(0, case, targets)])):
        return any(corpus.signature(result) == corpus.signature(failure) for result in results)
    return False


def replay(seed: int, number: int) -> int:
    signal.signal(signal.SIGALRM, _alarm)
    case = input_for(seed, number)
    print(f"input {number} of seed {seed}: {case.describe(2000)}")
    failed = False
    for result in run_case(case, TARGETS):
        print(f"{result.target}: {result.outcome} ({result.seconds:.2f} s)")
        if result.detail:
            print(result.detail)
        failed |= result.failed
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, help="run until this many minutes have passed")
    parser.add_argument("--inputs", type=int, help="how many inputs to run (default 10000 without --minutes)")
    parser.add_argument("--seed", type=int, default=0, help="the run's seed: the same seed makes the same inputs")
    parser.add_argument("--start", type=int, default=0, help="the number of the first input (default 0)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument(
        "--tui-every", type=int, default=10, metavar="N", help="the question screen for every Nth input (0: never)"
    )
    parser.add_argument("--replay", type=int, metavar="N", help="run input N alone and show every traceback")
    parser.add_argument("--no-save", action="store_true", help="do not add what fails to fuzz/corpus/")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    if args.replay is not None:
        return replay(args.seed, args.replay)
    began = time.monotonic()
    until = began + args.minutes * 60 if args.minutes is not None else None
    stop = args.start + args.inputs if args.inputs is not None else (None if until else args.start + 10_000)
    tally = Tally()
    with Workers(args.processes) as workers:
        for number, summary, results in workers.run(jobs(args.seed, args.start, stop, until, args.tui_every)):
            generator = summary[0] if summary else input_for(args.seed, number).generator
            tally.add(number, generator, results)
            if tally.inputs % 1000 == 0:
                print(f"... {tally.inputs} inputs, {tally.failed_inputs} failed", file=sys.stderr, flush=True)
        spent = time.monotonic() - began
        print(f"lunarquiz fuzz: {tally.inputs} inputs, seed {args.seed}, {args.processes} processes, {spent:.0f} s")
        print(f"budgets: {SECONDS:g} s per target and input, 1 GiB per worker process")
        table("target", tally.targets)
        table(
            "generator",
            dict(
                sorted(
                    tally.generators.items(),
                    key=lambda item: GENERATOR_NAMES.index(item[0]) if item[0] in GENERATOR_NAMES else 99,
                )
            ),
        )
        print(f"\ninputs: {tally.inputs - tally.failed_inputs} handled by every target, {tally.failed_inputs} failed")
        seconds, number, target = tally.slowest
        print(f"slowest: input {number} through {target}, {seconds:.2f} s")
        if not tally.kinds:
            return 0
        print("\nfailures by kind:")
        for key, kind in sorted(tally.kinds.items(), key=lambda item: -item[1].count):
            print(f"{kind.count:>8}  {key}: {kind.result.last_line[:160]}")
            print(
                f"{'':>10}at {kind.result.where or '?'}; first: python fuzz/run.py --seed {args.seed} --replay {kind.number}"
            )
        if not args.no_save:
            for path, kind in keep(tally, args.seed, workers):
                print(
                    f"saved {path.relative_to(corpus.FOLDER.parent.parent)} ({kind.result.target}: {kind.result.last_line[:100]})"
                )
    return 1


if __name__ == "__main__":
    sys.exit(main())
