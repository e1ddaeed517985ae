"""Big banks: ``lunarquiz validate`` cold and warm against a bare CSafeLoader parse, time and peak memory."""

from __future__ import annotations

import gc
import marshal
import pickle
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.processes import Run, child_env, measure, python

BARE_PARSE = """\
import sys
import yaml
with open(sys.argv[1], "rb") as file:
    yaml.load(file, Loader=yaml.CSafeLoader)
"""
"""The baseline: PyYAML's libyaml loader reading the bank into Python objects, in a fresh process."""


@dataclass(frozen=True, slots=True)
class Validations:
    """Each run of the bare parse and of ``lunarquiz validate`` with an empty and with a filled cache."""

    bare: list[Run]
    cold: list[Run]
    warm: list[Run]


def validations(bank: Path, data_dir: Path, runs: int) -> Validations:
    """Run the three in turn ``runs`` times (after one unmeasured round that also fills the warm cache)."""
    warm_cache = Path(tempfile.mkdtemp(prefix="warm-", dir=data_dir))
    validate = python("-m", "lunarquiz", "validate", str(bank))
    found = Validations([], [], [])
    for round_number in range(runs + 1):
        cold_cache = Path(tempfile.mkdtemp(prefix="cold-", dir=data_dir))
        bare = measure(python("-c", BARE_PARSE, str(bank)), child_env(data_dir, cold_cache))
        cold = measure(validate, child_env(data_dir, cold_cache))
        warm = measure(validate, child_env(data_dir, warm_cache))
        shutil.rmtree(cold_cache, ignore_errors=True)
        for run in (bare, cold, warm):
            if run.code != 0:
                raise RuntimeError(f"a run failed (exit {run.code}): {run.output[-500:]}")
        if round_number:
            found.bare.append(bare)
            found.cold.append(cold)
            found.warm.append(warm)
    return found


@dataclass(frozen=True, slots=True)
class Formats:
    """Best seconds to write and load the big bank's cache payload with marshal and with pickle."""

    marshal_dump: float
    marshal_load: float
    pickle_dump: float
    pickle_load: float
    repeats: int


def cache_formats(bank: Path, repeats: int = 15) -> Formats:
    """Write and load the bank's cache payload (plain tuples) with marshal and with pickle, in turn."""
    from lunarquiz.banks.cache import _encode
    from lunarquiz.banks.loader import check_file

    payload: Any = _encode(check_file(bank))
    best = dict.fromkeys(("marshal_dump", "marshal_load", "pickle_dump", "pickle_load"), float("inf"))
    enabled = gc.isenabled()
    gc.disable()  # as the cache loads; a collection in one run and not the other would decide the race
    try:
        for _ in range(repeats):
            for name, dump, load in (
                ("marshal", marshal.dumps, marshal.loads),
                ("pickle", lambda value: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), pickle.loads),
            ):
                start = time.perf_counter()
                data = dump(payload)
                best[f"{name}_dump"] = min(best[f"{name}_dump"], time.perf_counter() - start)
                start = time.perf_counter()
                load(data)
                best[f"{name}_load"] = min(best[f"{name}_load"], time.perf_counter() - start)
                gc.collect()
    finally:
        if enabled:
            gc.enable()
    return Formats(**best, repeats=repeats)
