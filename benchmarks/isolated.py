"""Run one Pilot measurement in a fresh Python process, as the game runs: one app per process.

Textual keeps module-level caches, and an app leaves objects behind; measured in the same
process, a later app would pay for an earlier one's heap in garbage collection.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


def in_fresh_process(measure: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs) -> T:
    """``asyncio.run(measure(*args, **kwargs))`` in a new interpreter; ``measure`` is a module-level function."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(partial(_run, measure, *args, **kwargs)).result()


def _run(measure: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs) -> T:
    async def main() -> T:
        return await measure(*args, **kwargs)

    return asyncio.run(main())
