"""A classroom: many players at once on one store, as behind ``lunarquiz serve``; no lock error, no lost answer."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from lunarquiz.store.store import Store

from .conftest import ROOT

PLAYERS = 10
"""Processes playing at once (``lunarquiz serve`` runs one per browser)."""
ROUNDS = ("timed", "study", "practice", "review", "timed") * 2
"""What each player plays, in order: every kind of round, so answers, cards and reads all interleave."""
QUESTIONS = 12

PLAYER = """
import random, sys, time
from datetime import UTC, datetime, timedelta
from lunarquiz.banks.loader import load_bank
from lunarquiz.core.round import Round, RoundSettings
from lunarquiz.plain.session import play_plain
from lunarquiz.store.session import StoreRecorder, review_questions, study_questions
from lunarquiz.store.store import Store

path, bank_path, player, start_at = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
modes, size = sys.argv[5].split(","), int(sys.argv[6])
bank = load_bank(bank_path)
rng = random.Random(player)


class Reporting(StoreRecorder):
    def answered(self, outcome):
        if not self.store.record_answer(self.round_id, outcome):
            sys.exit(f"{player}: answer not saved: {self.store.take_notices()}")
        asked = outcome.asked
        print("saved", self.round_id, asked.number, asked.question.id, int(outcome.correct), flush=True)


while time.time() < start_at:  # the bell rings for everyone at once
    time.sleep(0.001)
print("began", time.time() - start_at, flush=True)
store = Store.open(path)
store.remember_player(player)
for number, mode in enumerate(modes):
    store.leaderboard([bank.id])  # the home screen reads while others write
    store.personal_best(player, [bank.id])
    questions = list(bank.questions)
    if mode == "study":
        questions = study_questions(store, player, questions, datetime.now(UTC) + timedelta(days=number))
    elif mode == "review":
        questions = review_questions(store, player, questions)
    questions = questions[:size]
    if not questions:
        print("nothing", mode, flush=True)
        continue
    now = [0.0]
    round_ = Round(questions, rng=random.Random(f"{player}{number}"), clock=lambda: now[0],
                   settings=RoundSettings(time_limit=20, practice=mode == "practice"))
    recorder = Reporting(store, player, mode, round_)
    typed = []
    for _ in questions:
        typed += [str(rng.randint(1, 2)), ""]

    def read_line():
        now[0] += rng.uniform(0.5, 8)
        return typed.pop(0) if typed else None

    results = play_plain(round_, read_line=read_line, write=lambda line: None, clock=lambda: now[0], recorder=recorder)
    print("finished", recorder.round_id, results.answered, flush=True)
print("ended", time.time() - start_at, flush=True)
notices = store.take_notices()
if notices or not store.saving:
    sys.exit(f"{player}: notices: {notices}")
store.close()
"""


def test_a_classroom_plays_at_once_and_no_answer_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "classroom.db"
    script = tmp_path / "player.py"
    script.write_text(PLAYER)
    bank = ROOT / "questions" / "ilrs.yaml"
    start_at = time.time() + 2.0
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                str(script),
                str(path),
                str(bank),
                f"pupil{n}",
                str(start_at),
                ",".join(ROUNDS),
                str(QUESTIONS),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for n in range(PLAYERS)
    ]
    outputs: list[str] = []
    failures: list[str] = []
    try:
        for process in processes:
            out, error = process.communicate(timeout=120)
            outputs.append(out)
            if process.returncode != 0 or error.strip():
                failures.append(f"exit {process.returncode}: {error}")
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert not failures, failures[0]

    reported: set[tuple[int, str, int]] = set()
    finished: dict[int, int] = {}
    for out in outputs:
        for line in out.splitlines():
            word, *values = line.split()
            if word == "saved":
                round_id, _, qid, correct = values
                reported.add((int(round_id), qid, int(correct)))  # a round asks each question once
            elif word == "finished":
                finished[int(values[0])] = int(values[1])
    began = [float(line.split()[1]) for out in outputs for line in out.splitlines() if line.startswith("began")]
    ended = [float(line.split()[1]) for out in outputs for line in out.splitlines() if line.startswith("ended")]
    assert max(began) < min(ended), "the players did not play at the same time"
    assert len(finished) >= PLAYERS * (len(ROUNDS) - 2)  # a review round may have nothing to ask
    assert len(reported) == sum(finished.values())

    with Store.open(path) as store:
        assert store.take_notices() == []
        rounds = store.history()
        assert {summary.round_id for summary in rounds} == set(finished)
        assert all(summary.finished and summary.answered == finished[summary.round_id] for summary in rounds)
        saved = [(answer.round_id, answer.question_id, int(answer.correct)) for answer in store.saved_answers()]
        assert len(saved) == len(set(saved)) and set(saved) == reported
        assert store.statistics().answered == len(reported)
        assert len(store.leaderboard(["ilrs"], limit=None)) == PLAYERS
        assert sorted(store.players()) == sorted(f"pupil{n}" for n in range(PLAYERS))
