"""The lunarquiz app as ``lunarquiz play`` builds it (like tests/ui_helpers.make_app), for Pilot runs."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

SIZE = (80, 24)
"""The terminal size of every Pilot run."""


def make_game(bank: Path, data_dir: Path, *, questions: int, time_limit: float) -> Any:
    """A round of ``questions`` questions from ``bank``, with the real clock and a store on disk in ``data_dir``.

    The store and the player are passed only when the app takes them, so the benchmark
    follows the app as it changes.
    """
    from lunarquiz.banks.discovery import load_library
    from lunarquiz.core.round import RoundSettings
    from lunarquiz.ui.app import LunarQuizApp

    library = load_library([bank])
    if not library.banks:
        raise RuntimeError(f"{bank} did not load: {[p.format() for f in library.failed for p in f.problems]}")
    settings = RoundSettings(questions=questions, time_limit=time_limit)
    extra: dict[str, Any] = {}
    parameters = inspect.signature(LunarQuizApp.__init__).parameters
    if "store" in parameters:
        from lunarquiz.store.store import Store

        extra["store"] = Store.open_default(str(data_dir))
    if "player" in parameters:
        extra["player"] = "bench"
    return LunarQuizApp(library, clock=time.monotonic, seed=1, play=(library.banks, settings), **extra)


async def until(pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 30.0) -> None:
    """Let the app run until ``condition()`` holds (checked every 2 ms; the figures are timed inside the app)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the app did not get there in {timeout:g} s (screen: {pilot.app.screen!r})")
        await asyncio.sleep(0.002)
