"""A player killed at random moments, again and again on one store: no answer reported saved is ever lost."""

from __future__ import annotations

import random
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

KILLS = 6
"""Kills per seed: each starts a new player on the file the last kill left."""

PLAYER = """
import random, sys
from lunarquiz.core.model import Kind, Question
from lunarquiz.core.round import Round
from lunarquiz.store.store import Store

path, player = sys.argv[1], sys.argv[2]
questions = [
    Question(id=f"q{n}", prompt="?", kind=Kind.SINGLE, answers=("Right",), wrong=("W1", "W2"), bank_id="space")
    for n in range(30)
]
now = [100.0]
store = Store.open(path)
print("opened", flush=True)
for number in range(1000):
    mode = ("timed", "study", "practice")[number % 3]
    round_ = Round(questions, rng=random.Random(number), clock=lambda: now[0])
    round_id = store.start_round(player, ["space"], mode, total_questions=len(questions))
    while not round_.is_over:
        now[0] += 1.25
        asked = round_.current
        wrong = next(i for i in range(len(asked.choices)) if i not in asked.correct)
        outcome = round_.answer([min(asked.correct)] if asked.number % 3 else [wrong])
        if not store.record_answer(round_id, outcome):
            sys.exit(f"not saved: {store.take_notices()}")
        print("saved", round_id, asked.number, asked.question.id, int(outcome.correct), outcome.points, flush=True)
        round_.advance()
    store.finish_round(round_id, round_.results())
    print("finished", round_id, flush=True)
"""


def play_until_killed(script: Path, path: Path, player: str, delay: float, *, after_first_save: bool) -> list[str]:
    """Start a player, kill it ``delay`` seconds after it starts (or after its first save); its lines."""
    process = subprocess.Popen(
        [sys.executable, str(script), str(path), player],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    lines: list[str] = []
    try:
        kill_at = None if after_first_save else time.monotonic() + delay
        give_up = time.monotonic() + 60
        while True:
            now = time.monotonic()
            if kill_at is not None and now >= kill_at:
                break
            assert now < give_up, f"the player saved nothing within 60 s: {lines[-3:]}"
            wait = 0.5 if kill_at is None else kill_at - now
            ready, _, _ = select.select([process.stdout], [], [], wait)
            if not ready:
                continue
            line = process.stdout.readline()
            assert line, f"the player stopped by itself: {process.stderr.read()}"
            lines.append(line)
            if kill_at is None and line.startswith("saved"):
                kill_at = time.monotonic() + delay
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL
        lines += process.stdout.read().splitlines(keepends=True)  # printed before the kill
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    # A line the kill cut short (no newline yet) was never reported.
    return [line.strip() for line in lines if line.endswith("\n")]


def read_store(path: Path) -> tuple[set[tuple[int, int, str, int, int]], dict[int, str]]:
    """The answers and round statuses in the file, after checking it is sound; nothing when it has no tables yet."""
    if not path.exists():  # killed before it made the file
        return set(), {}
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "answers" not in tables:  # killed before its first migration committed
            return set(), {}
        saved = set(db.execute("SELECT round_id, position, question_id, correct, points FROM answers").fetchall())
        return saved, dict(db.execute("SELECT id, status FROM rounds").fetchall())
    finally:
        db.close()


@pytest.mark.parametrize("seed", [1, 2])
def test_answers_reported_saved_survive_kills_at_random_moments(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    path = tmp_path / "lunarquiz.db"
    script = tmp_path / "player.py"
    script.write_text(PLAYER)
    reported: list[tuple[int, int, str, int, int]] = []
    finished: set[int] = set()
    for kill in range(KILLS):
        early = kill % 3 == 0  # now and then, kill it while it starts, opens or migrates the file
        delay = rng.uniform(0.0, 0.6) if early else rng.uniform(0.0, 0.4)
        lines = play_until_killed(script, path, f"kid{kill}", delay, after_first_save=not early)
        for line in lines:
            word, *values = line.split()
            if word == "saved":
                round_id, position, qid, correct, points = values
                reported.append((int(round_id), int(position), qid, int(correct), int(points)))
            elif word == "finished":
                finished.add(int(values[0]))

        saved, statuses = read_store(path)
        lost = [answer for answer in reported if answer not in saved]
        assert not lost, f"kill {kill} (seed {seed}, {delay:.3f} s): {len(lost)} answers lost, first {lost[0]}"
        assert len(saved) >= len(reported)  # at most one more per kill: saved, then killed before it said so
        assert len(saved) <= len(reported) + kill + 1
        assert all(statuses[round_id] == "finished" for round_id in finished)

    assert len(reported) >= KILLS - (KILLS + 2) // 3  # every kill after a first save left answers behind
    with Store.open(path) as store:
        assert store.take_notices() == []  # the file was never damaged, so never moved aside
        assert store.statistics().answered == len(saved)
        assert {summary.player for summary in store.history()} <= {f"kid{kill}" for kill in range(KILLS)}
