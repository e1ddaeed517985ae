"""Argument types for the command line: numbers within bounds, with messages a person understands."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def bounded_number(
    parse: Callable[[str], float], low: float, high: float, *, what: str, low_inclusive: bool = True
) -> Callable[[str], float]:
    """An argparse type: ``parse`` the text and accept it only between ``low`` and ``high``."""

    def convert(text: str) -> float:
        try:
            value = parse(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        above_low = value >= low if low_inclusive else value > low
        if not (above_low and value <= high):
            span = f"from {low:g} to {high:g}" if low_inclusive else f"more than {low:g} and at most {high:g}"
            raise argparse.ArgumentTypeError(f"must be {span}")
        return value

    return convert


def bounded_int(low: int, high: int, *, what: str) -> Callable[[str], int]:
    """An argparse type for a whole number from ``low`` to ``high``."""
    check = bounded_number(int, low, high, what=what)
    return lambda text: int(check(text))
