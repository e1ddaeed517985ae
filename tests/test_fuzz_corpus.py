"""The fuzz corpus replayed: every input that once crashed or went over a budget now ends cleanly, within the budgets.

Each entry of ``fuzz/corpus/`` goes through load, validate (or import), plain play and the
question screen at 40 x 12, in a worker process limited to 1 GiB of address space and 10 s
per target (``fuzz/budget.py``): a bank of clean text, or problems with a place.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fuzz import corpus
from fuzz.budget import Workers
from fuzz.targets import TARGETS

ENTRIES = corpus.entries()


@pytest.fixture(scope="module")
def workers() -> Iterator[Workers]:
    with Workers(1) as running:
        yield running


def test_the_corpus_holds_the_cases_of_issue_13() -> None:
    names = {entry.path.name for entry in ENTRIES}
    for item in ("item3", "item4", "item9", "item11"):
        assert any(name.startswith(f"issue13-{item}-") for name in names), item


@pytest.mark.slow
@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.path.name for entry in ENTRIES])
def test_a_corpus_entry_ends_cleanly_within_budget(entry: corpus.Entry, workers: Workers) -> None:
    (done,) = list(workers.run(iter([(entry.path.name, entry.case, TARGETS)])))
    _, _, results = done
    failures = [f"{r.target}: {r.outcome}: {r.last_line} (at {r.where or '?'})" for r in results if r.failed]
    assert not failures, f"{entry.note}\n" + "\n".join(failures)
    assert [result.target for result in results] == list(TARGETS)
