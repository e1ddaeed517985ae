"""The regression corpus: every crash and budget failure found, kept as a small file or a recipe, and replayed by the tests.

``fuzz/corpus/NAME.yaml`` (``.gift``, ``.aiken``, ``.csv``, ``.json``, ``.bin`` for every
reader) holds an input as it is; ``NAME.recipe.json`` holds a recipe of ``fuzz/recipes.py``
(or ``{"recipe": "generated", "seed": S, "number": N}``, input N of a run) for an input too
large to keep, or one that must be a named pipe.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from fuzz import recipes
from fuzz.budget import CRASH, Result
from fuzz.cases import SUFFIXES, FuzzInput

FOLDER = Path(__file__).resolve().parent / "corpus"
KEEP_BYTES = 64 * 1024
"""Inputs larger than this are kept as recipes."""
_FORMAT_OF = {suffix: name for name, suffix in SUFFIXES.items()}


@dataclass(frozen=True, slots=True)
class Entry:
    """One kept input and the file that keeps it."""

    path: Path
    case: FuzzInput
    note: str = ""


def entries(folder: Path = FOLDER) -> list[Entry]:
    """Every entry of the corpus, by file name."""
    return [read_entry(path) for path in sorted(folder.iterdir()) if path.is_file() and path.name != "README.md"]


def read_entry(path: Path) -> Entry:
    """The input that ``path`` keeps."""
    if path.name.endswith(".recipe.json"):
        recipe = json.loads(path.read_text(encoding="utf-8"))
        if recipe["recipe"] == "generated":
            from fuzz.generators import input_for

            made = input_for(recipe["seed"], recipe["number"])
            case = replace(made, recipe=recipe)
        else:
            case = recipes.make(recipe)
        return Entry(path, case, recipe.get("note", ""))
    format_name = _FORMAT_OF.get(path.suffix)
    if format_name is None:
        raise ValueError(f"{path.name}: a corpus file ends in {', '.join(SUFFIXES.values())} or .recipe.json")
    return Entry(path, FuzzInput(f"corpus:{path.stem}", format_name, path.read_bytes()))


def signature(result: Result) -> str:
    """What tells one failure from another: the target, the outcome, and where and what was raised."""
    kind = result.last_line.split(":", 1)[0] if result.outcome == CRASH else result.outcome
    digest = hashlib.sha1(f"{result.where}|{kind}".encode()).hexdigest()[:8]
    return f"{result.target}-{result.outcome}-{digest}"


def save(case: FuzzInput, result: Result, *, seed: int, number: int, folder: Path = FOLDER) -> Path | None:
    """Keep ``case``, which failed as ``result`` says; None when the corpus holds that failure already."""
    name = signature(result)
    if any(path.name.startswith(name) for path in folder.iterdir()):
        return None
    note = f"{result.target}: {result.last_line[:200]} at {result.where or '?'}"
    if case.fifo or len(case.data) > KEEP_BYTES or result.target == "generate":
        recipe = case.recipe or {"recipe": "generated", "seed": seed, "number": number}
        path = folder / f"{name}.recipe.json"
        path.write_text(json.dumps({**recipe, "note": note}, indent=1) + "\n", encoding="utf-8")
    else:
        path = folder / f"{name}{case.suffix}"
        path.write_bytes(case.data)
    return path


Fails = Callable[[FuzzInput], bool]


def shrink(case: FuzzInput, still_fails: Fails, *, tries: int = 120) -> FuzzInput:
    """A smaller input that still fails: chunks of lines removed while ``still_fails`` (at most ``tries`` runs)."""
    lines = case.data.split(b"\n")
    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and tries > 0:
        start = 0
        while start < len(lines) and tries > 0:
            trial = lines[:start] + lines[start + chunk :]
            tries -= 1
            candidate = replace(case, data=b"\n".join(trial), recipe=None)
            if trial and still_fails(candidate):
                lines = trial
            else:
                start += chunk
        chunk //= 2
    return replace(case, data=b"\n".join(lines), recipe=None)
