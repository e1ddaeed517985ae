"""Run inputs through the targets in worker processes, each target within a time and a memory budget.

A worker limits its own address space (``RLIMIT_AS``) and arms a timer for each target:
running out of memory or time is a budget failure, reported with its input like a crash.
A worker that does not stop at its timer (stuck in C code) is killed by the parent, and a
worker that had any budget failure is replaced, so that the next input starts clean.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from fuzz.cases import FuzzInput

MEMORY_BYTES = 1024**3
"""The address space a worker may use: 1 GiB."""
SECONDS = 10.0
"""How long one target may take with one input."""
GRACE = 5.0
"""How long past its timer the parent waits before it kills a worker."""

CRASH, TIME, MEMORY, DIED = "crash", "time", "memory", "died"
FAILURES = (CRASH, TIME, MEMORY, DIED)
"""Outcomes that fail the run: an exception or a broken promise, and the three budget failures."""


@dataclass(frozen=True, slots=True)
class Result:
    """What one target made of one input."""

    target: str
    outcome: str
    """accepted, rejected or skipped; or one of FAILURES."""
    seconds: float = 0.0
    detail: str = ""
    """The traceback (or what went over budget)."""

    @property
    def failed(self) -> bool:
        return self.outcome in FAILURES

    @property
    def last_line(self) -> str:
        lines = [line for line in self.detail.strip().splitlines() if line.strip()]
        return lines[-1].strip() if lines else self.outcome

    @property
    def where(self) -> str:
        """The innermost frame in lunarquiz (else anywhere) of the traceback: ``path:line in function``."""
        frames = [line.strip() for line in self.detail.splitlines() if line.strip().startswith('File "')]
        ours = [frame for frame in frames if "/lunarquiz/" in frame] or frames
        if not ours:
            return ""
        _, path, rest = ours[-1].split('"', 2)
        short = path[path.rfind("/lunarquiz/") + 1 :] if "/lunarquiz/" in path else Path(path).name
        return short + rest.replace(", line ", ":").replace(", in ", " in ")


class OverTime(BaseException):
    """A target ran past its time budget (a BaseException, so that no ``except Exception`` swallows it)."""


def _alarm(signum: int, frame: Any) -> None:
    raise OverTime(f"over the time budget of {SECONDS:g} s")


# -- the worker's side -------------------------------------------------------------------


def run_case(
    case: FuzzInput, targets: tuple[str, ...], *, seconds: float = SECONDS, report: Any = None
) -> list[Result]:
    """``case`` through ``targets`` in order, in this process, each within ``seconds``; stops at a budget failure."""
    from fuzz.play_targets import run_plain, run_tui
    from fuzz.targets import run_load, run_validate, stage

    runners = {"load": run_load, "validate": run_validate, "plain": run_plain, "tui": run_tui}
    results = []
    with tempfile.TemporaryDirectory(prefix="lunarquiz-fuzz-") as folder:
        staged = stage(case, Path(folder))
        for target in targets:
            if report is not None:
                report(target)
            start = time.perf_counter()
            outcome, detail = "", ""
            signal.setitimer(signal.ITIMER_REAL, seconds)
            try:
                outcome = runners[target](staged)
            except OverTime:
                outcome, detail = TIME, traceback.format_exc()
            except MemoryError:
                outcome, detail = MEMORY, traceback.format_exc()
            except Exception:  # any exception is what the fuzzer looks for
                outcome, detail = CRASH, traceback.format_exc()
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            results.append(Result(target, outcome, time.perf_counter() - start, detail))
            if outcome in (TIME, MEMORY):
                break
    return results


def _worker(connection: Connection, memory: int, seconds: float) -> None:
    """Take jobs until told to stop: ``(key, case or (seed, number), targets)``; send back results."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    signal.signal(signal.SIGALRM, _alarm)
    home = tempfile.mkdtemp(prefix="lunarquiz-fuzz-home-")
    os.environ["LUNARQUIZ_DATA_DIR"] = os.path.join(home, "data")
    os.environ["LUNARQUIZ_CACHE_DIR"] = os.path.join(home, "cache")
    from fuzz.generators import input_for

    while True:
        job = connection.recv()
        if job is None:
            return
        key, what, targets = job
        try:
            case = input_for(*what) if isinstance(what, tuple) else what
        except MemoryError:
            connection.send(("done", key, None, [Result("generate", MEMORY, 0.0, traceback.format_exc())]))
            return
        except Exception:  # a bug in a generator: reported like a crash, and the run goes on
            connection.send(("done", key, None, [Result("generate", CRASH, 0.0, traceback.format_exc())]))
            continue
        results = run_case(
            case, targets, seconds=seconds, report=lambda target, key=key: connection.send(("target", key, target))
        )
        summary = (case.generator, case.format, len(case.data))
        connection.send(("done", key, summary, results))
        if any(result.outcome in (TIME, MEMORY) for result in results):
            return  # the next input gets a fresh process


# -- the parent's side -------------------------------------------------------------------


@dataclass
class _Slot:
    process: Any
    connection: Connection
    job: tuple[Any, ...] | None = None
    target: str = "generate"
    since: float = 0.0


Done = tuple[Any, tuple[str, str, int] | None, list[Result]]
"""A finished job: its key, (generator, format, size) of its input, and the results."""


class Workers:
    """A few worker processes that run jobs within the budgets; replaced when they fail or die."""

    def __init__(self, count: int, *, memory: int = MEMORY_BYTES, seconds: float = SECONDS) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.memory, self.seconds = memory, seconds
        self.slots = [self._start() for _ in range(max(1, count))]

    def _start(self) -> _Slot:
        mine, theirs = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(theirs, self.memory, self.seconds), daemon=True)
        process.start()
        theirs.close()
        return _Slot(process, mine)

    def run(self, jobs: Iterator[tuple[Any, FuzzInput | tuple[int, int], tuple[str, ...]]]) -> Iterator[Done]:
        """Each job's results as it finishes (in any order) while ``jobs`` lasts."""
        pending = True
        while True:
            for slot in self.slots:
                if slot.job is None and pending:
                    job = next(jobs, None)
                    if job is None:
                        pending = False
                        continue
                    slot.job, slot.target, slot.since = job, "generate", time.monotonic()
                    slot.connection.send(job)
            busy = [slot for slot in self.slots if slot.job is not None]
            if not busy:
                return
            ready = wait([slot.connection for slot in busy], timeout=1.0)
            for slot in busy:
                if slot.connection in ready:
                    yield from self._receive(slot)
                elif time.monotonic() - slot.since > self.seconds + GRACE + (60 if slot.target == "generate" else 0):
                    yield self._stuck(slot)

    def _receive(self, slot: _Slot) -> Iterator[Done]:
        assert slot.job is not None
        try:
            message = slot.connection.recv()
        except (EOFError, OSError):
            slot.process.join(5)
            code = slot.process.exitcode
            detail = f"the worker process died (exit status {code}) while running {slot.target}"
            yield slot.job[0], None, [Result(slot.target, DIED, time.monotonic() - slot.since, detail)]
            self._replace(slot)
            return
        if message[0] == "target":
            slot.target, slot.since = message[2], time.monotonic()
            return
        _, key, summary, results = message
        slot.job = None
        yield key, summary, results
        if any(result.outcome in (TIME, MEMORY) for result in results):
            self._replace(slot)

    def _stuck(self, slot: _Slot) -> Done:
        assert slot.job is not None
        key = slot.job[0]
        spent = time.monotonic() - slot.since
        detail = f"{slot.target} did not stop at its timer: killed after {spent:.0f} s (stuck outside Python code)"
        result = Result(slot.target, TIME, spent, detail)
        slot.process.kill()
        self._replace(slot)
        return key, None, [result]

    def _replace(self, slot: _Slot) -> None:
        slot.connection.close()
        slot.process.join(5)
        if slot.process.is_alive():
            slot.process.kill()
            slot.process.join(5)
        fresh = self._start()
        slot.process, slot.connection, slot.job, slot.target = fresh.process, fresh.connection, None, "generate"

    def close(self) -> None:
        for slot in self.slots:
            with contextlib.suppress(OSError):
                slot.connection.send(None)
            slot.process.join(5)
            if slot.process.is_alive():
                slot.process.kill()
        self.slots = []

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
