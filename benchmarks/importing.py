"""``lunarquiz import`` of questions that share one prompt, against questions whose prompts all differ.

An imported question's id is made from its prompt, with ``-2``, ``-3``, ... when it is taken:
the two files differ only in that, so the ratio of their times shows what repeated ids cost
(when each id was searched for from ``-2``, 20,000 repeats took 42-60 s against 2 s).
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.processes import child_env, measure, python


def write_sources(folder: Path, questions: int) -> tuple[Path, Path]:
    """Two CSV files of ``questions`` questions: one prompt for all, and a prompt of its own for each."""
    same, different = folder / "same-prompt.csv", folder / "different-prompts.csv"
    header = "prompt,answer,wrong1\n"
    same.write_text(
        header + "".join(f"Which crater is the largest?,right {n},wrong {n}\n" for n in range(questions)),
        encoding="utf-8",
    )
    different.write_text(
        header + "".join(f"Which crater is number {n}?,right {n},wrong {n}\n" for n in range(questions)),
        encoding="utf-8",
    )
    return same, different


def import_times(sources: tuple[Path, Path], data_dir: Path, cache_dir: Path, runs: int) -> list[tuple[float, float]]:
    """(one prompt, different prompts) seconds of ``lunarquiz import`` in fresh processes, taking turns."""
    env = child_env(data_dir, cache_dir)
    times = []
    for _ in range(runs):
        pair = []
        for source in sources:
            run = measure(python("-m", "lunarquiz", "import", str(source), "-o", str(source.with_suffix(".yaml"))), env)
            if run.code != 0:
                raise RuntimeError(f"lunarquiz import {source.name} exited {run.code}: {run.output.strip()[-300:]}")
            pair.append(run.seconds)
        times.append((pair[0], pair[1]))
    return times
