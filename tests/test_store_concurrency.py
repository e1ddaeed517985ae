"""Eight processes writing answers to one store at once, from a file none of them has made yet."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from lunarquiz.store.store import Store

from .conftest import ROOT

PROCESSES = 8
ANSWERS = 25

WRITER = """
import random, sys, time
from lunarquiz.core.model import Kind, Question
from lunarquiz.core.round import Round
from lunarquiz.store.store import Store

path, player, start_at, answers = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
questions = [
    Question(id=f"q{n}", prompt="?", kind=Kind.SINGLE, answers=("Right",), wrong=("W1",), bank_id="space")
    for n in range(answers)
]
now = [0.0]
round_ = Round(questions, rng=random.Random(player), clock=lambda: now[0])
while time.time() < start_at:  # start together
    time.sleep(0.001)
store = Store.open(path)
round_id = store.start_round(player, ["space"], "timed", total_questions=answers)
for n in range(answers):
    now[0] += 1.0
    saved = store.record_answer(round_id, round_.answer([min(round_.current.correct)]))
    if not saved:
        sys.exit(f"answer {n + 1} not saved: {store.take_notices()}")
    round_.advance()
store.finish_round(round_id, round_.results())
notices = store.take_notices()
if notices or not store.saving:
    sys.exit(f"notices: {notices}")
"""


def test_eight_processes_write_at_once_without_database_is_locked(tmp_path: Path) -> None:
    path = tmp_path / "lunarquiz.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    start_at = time.time() + 1.5
    processes = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), f"player{n}", str(start_at), str(ANSWERS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for n in range(PROCESSES)
    ]
    failures = []
    try:
        for process in processes:
            _, error = process.communicate(timeout=60)
            if process.returncode != 0:
                failures.append(error)
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert not failures, failures[0]
    assert not any("locked" in failure for failure in failures)
    with Store.open(path) as store:
        rounds = store.history()
        assert len(rounds) == PROCESSES
        assert all(r.finished and r.answered == ANSWERS == r.right for r in rounds)
        assert store.statistics().answered == PROCESSES * ANSWERS
        assert len(store.leaderboard(["space"], limit=None)) == PROCESSES
