"""Plain mode tells the player at the first answer that could not be saved, not after the round."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from lunarquiz.banks.discovery import Library
from lunarquiz.commands.play import run_plain
from lunarquiz.core.model import Bank
from lunarquiz.core.round import RoundSettings
from lunarquiz.store import rounds
from lunarquiz.store.store import Store

from .store_helpers import question

QUESTIONS = (question("q1"), question("q2"), question("q3"))


def disk_full(*args: Any, **kwargs: Any) -> None:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    raise error


def test_a_full_disk_is_reported_right_after_the_first_answer_that_could_not_be_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library(banks=(Bank(id="space", title="Space", questions=QUESTIONS),), failed=())
    terminal = io.StringIO()  # standard output and error in the order a player sees them
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n\n1\n\n1\n\n"))
    monkeypatch.setattr(rounds, "save_answer", disk_full)
    with Store.open(tmp_path / "lunarquiz.db") as store:
        code = run_plain(library, store, "ann", settings=RoundSettings(questions=3), mode="timed", seed=1)
    lines = terminal.getvalue().splitlines()
    assert code == 0
    [warning] = [number for number, line in enumerate(lines) if "no longer being saved" in line]
    assert "the disk is full" in lines[warning] and lines[warning].startswith("lunarquiz: ")
    first_outcome = next(n for n, line in enumerate(lines) if line.startswith(("Right!", "Wrong.", "Time is up")))
    second_question = lines.index("Question 2 of 3 (20 seconds)")
    assert first_outcome < warning < second_question
