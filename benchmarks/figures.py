"""A measured figure with its baseline, ratio and budget, and the table that prints them."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

HEADERS = ("figure", "value", "baseline", "ratio", "budget", "result")
"""The table's column headers (the quick test looks for them)."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One row of the table.

    ``ok`` is True when the budget is met, False when it is missed and None for a figure
    that only informs.
    """

    name: str
    value: str
    baseline: str = "-"
    ratio: float | None = None
    budget: str = "-"
    ok: bool | None = None
    note: str = ""
    error: bool = False
    """The figure could not be measured."""

    @property
    def result(self) -> str:
        """``ok``, ``MISSED``, ``info`` or ``ERROR``."""
        if self.error:
            return "ERROR"
        return "info" if self.ok is None else ("ok" if self.ok else "MISSED")


def failed(name: str, error: BaseException) -> Figure:
    """A figure that could not be measured; it counts as a missed budget."""
    return Figure(name, "-", ok=False, note=f"{type(error).__name__}: {error}", error=True)


def median(values: Sequence[float]) -> float:
    """The median of ``values``."""
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` percentile of ``values`` (nearest rank: a value that was measured)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def seconds(value: float) -> str:
    """``0.412 s``."""
    return f"{value:.3f} s"


def milliseconds(value: float) -> str:
    """``12.3 ms`` from seconds."""
    return f"{value * 1000:.1f} ms"


def megabytes(value: float) -> str:
    """``131.2 MB`` from bytes."""
    return f"{value / 1e6:.1f} MB"


def table(figures: Sequence[Figure]) -> str:
    """The figures as an aligned text table, notes on indented lines below their row."""
    rows = [HEADERS] + [
        (f.name, f.value, f.baseline, "-" if f.ratio is None else f"{f.ratio:.2f}", f.budget, f.result) for f in figures
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
        elif figures[index - 1].note:
            lines.append(f"    {figures[index - 1].note}")
    return "\n".join(lines)
