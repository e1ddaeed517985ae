"""``python -m benchmarks --quick`` runs every measurement and prints its table (full runs check the budgets)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from benchmarks.figures import HEADERS

from .conftest import ROOT


@pytest.mark.slow
def test_the_quick_benchmark_runs_and_prints_its_table() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    header = result.stdout.splitlines()[1]
    assert header.split() == list(HEADERS)
    for row in (
        "start-up: first question",
        "start-up: home screen",
        "answer:",
        "time-out:",
        "big bank:",
        "no Textual:",
        "limits:",
    ):
        assert row in result.stdout, result.stdout
    assert "ERROR" not in result.stdout
