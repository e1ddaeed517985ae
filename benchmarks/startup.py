"""Start-up: time until the first question (or the home screen) is on an 80x24 pseudo-terminal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.banks import MARKER
from benchmarks.processes import child_env, python
from benchmarks.terminal import time_to_text

BASELINE_APP = Path(__file__).resolve().parent / "baseline_app.py"
HOME_TEXT = "Pick a bank"


@dataclass(frozen=True, slots=True)
class Program:
    """A program to start, and the text that shows it is ready."""

    name: str
    argv: tuple[str, ...]
    needle: str


def programs(small_bank: Path, big_bank: Path) -> list[Program]:
    """The baseline, then ``lunarquiz play`` on the small bank, the home screen and ``play`` on the big bank."""
    return [
        Program("baseline", tuple(python(str(BASELINE_APP))), MARKER),
        Program("play", tuple(python("-m", "lunarquiz", "play", "--bank", str(small_bank))), MARKER),
        Program("home", tuple(python("-m", "lunarquiz")), HOME_TEXT),
        Program("play-big", tuple(python("-m", "lunarquiz", "play", "--bank", str(big_bank))), MARKER),
    ]


def start_times(chosen: Sequence[Program], data_dir: Path, cache_dir: Path, runs: int) -> dict[str, list[float]]:
    """Seconds to the ready text for each program, ``runs`` times, taking turns (after one unmeasured round).

    The unmeasured round compiles bytecode and fills the bank cache, so the big bank is warm.
    """
    env = child_env(data_dir, cache_dir, TERM="xterm-256color")
    times: dict[str, list[float]] = {program.name: [] for program in chosen}
    for round_number in range(runs + 1):
        for program in chosen:
            seconds = time_to_text(program.argv, program.needle, env)
            if round_number:
                times[program.name].append(seconds)
    return times
