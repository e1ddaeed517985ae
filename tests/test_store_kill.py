"""A round killed with SIGKILL keeps every answer saved before the kill, and the file stays sound."""

from __future__ import annotations

import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lunarquiz.store.store import Store

from .conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

PLAYER = """
import random, sys, time
from lunarquiz.core.model import Kind, Question
from lunarquiz.core.round import Round
from lunarquiz.store.store import Store

class Clock:
    now = 100.0
    def __call__(self):
        return self.now

path, pause_after = sys.argv[1], int(sys.argv[2])
questions = [
    Question(id=f"q{n}", prompt="?", kind=Kind.SINGLE, answers=("Right",), wrong=("W1", "W2"), bank_id="space")
    for n in range(200)
]
clock = Clock()
round_ = Round(questions, rng=random.Random(3), clock=clock)
store = Store.open(path)
round_id = store.start_round("ann", ["space"], "timed", total_questions=len(questions))
for n in range(1, len(questions) + 1):
    clock.now += 1.5
    asked = round_.current
    wrong = next(i for i in range(len(asked.choices)) if i not in asked.correct)
    outcome = round_.answer([min(asked.correct)] if n % 2 else [wrong])
    assert store.record_answer(round_id, outcome)
    print(f"saved {n} {outcome.asked.question.id} {int(outcome.correct)}", flush=True)
    round_.advance()
    if n in (pause_after, len(questions)):
        time.sleep(120)  # the player thinks; the terminal is closed meanwhile
"""


def read_until_saved(process: subprocess.Popen[str], count: int, timeout: float = 30.0) -> list[str]:
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while len(lines) < count:
        ready, _, _ = select.select([process.stdout], [], [], max(deadline - time.monotonic(), 0))
        line = process.stdout.readline() if ready else ""
        if not line:
            process.kill()
            error = process.stderr.read() if process.stderr else ""
            pytest.fail(f"only {len(lines)} answers saved within {timeout} s: {error}")
        lines.append(line.strip())
    return lines


@pytest.mark.parametrize("pause_after", [4, 0], ids=["killed-while-thinking", "killed-while-writing"])
def test_answers_saved_before_a_kill_survive_it(tmp_path: Path, pause_after: int) -> None:
    path = tmp_path / "lunarquiz.db"
    script = tmp_path / "player.py"
    script.write_text(PLAYER)
    process = subprocess.Popen(
        [sys.executable, str(script), str(path), str(pause_after)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    wanted = pause_after or 12
    try:
        printed = read_until_saved(process, wanted)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()

    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    saved = db.execute("SELECT position, question_id, correct FROM answers ORDER BY position").fetchall()
    db.close()
    expected = [(int(n), qid, int(correct)) for _, n, qid, correct in (line.split() for line in printed)]
    assert saved[: len(expected)] == expected
    if pause_after:
        assert len(saved) == pause_after
    with Store.open(path) as store:
        assert store.take_notices() == []
        (killed,) = store.history()
        assert killed.status == "unfinished" and not killed.finished
        assert killed.answered == len(saved) and killed.right == (len(saved) + 1) // 2
