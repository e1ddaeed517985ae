"""The store on a temporary folder: where it lives, answers saved one by one, and the queries over them."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from lunarquiz.store.paths import DATA_DIR_VARIABLE, data_dir, database_path
from lunarquiz.store.store import Store

from .store_helpers import START, play, question


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "lunarquiz.db")


QUESTIONS = [question("q1", tags=("orbits",)), question("q2", tags=("orbits", "rockets")), question("q3")]


def test_the_data_folder_comes_from_the_option_then_the_environment_then_the_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "env"))
    assert data_dir(str(tmp_path / "option")) == tmp_path / "option"
    assert data_dir(None) == tmp_path / "env"
    assert database_path(None) == tmp_path / "env" / "lunarquiz.db"
    monkeypatch.delenv(DATA_DIR_VARIABLE)
    import platformdirs

    assert data_dir(None) == Path(platformdirs.user_data_dir("lunarquiz"))


def test_a_new_store_uses_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "lunarquiz.db"
    with Store.open(path) as store:
        assert store.saving and store.path == path
        assert store.take_notices() == []
        db = store._db
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_every_answer_is_visible_to_another_connection_as_soon_as_it_is_recorded(store: Store) -> None:
    import random

    from lunarquiz.core.round import Round

    from .conftest import FakeClock

    clock = FakeClock()
    round_ = Round(QUESTIONS, rng=random.Random(1), clock=clock)
    round_id = store.start_round("ann", ["space"], "timed", total_questions=3, at=START)
    other = sqlite3.connect(store.path or "")
    for number in range(1, 4):
        clock.advance(2.0)
        outcome = round_.answer([min(round_.current.correct)])
        assert store.record_answer(round_id, outcome, at=START + timedelta(seconds=number))
        count, status = other.execute(
            "SELECT COUNT(a.id), r.status FROM rounds r LEFT JOIN answers a ON a.round_id = r.id WHERE r.id = ?",
            (round_id,),
        ).fetchone()
        assert (count, status) == (number, "unfinished")
        round_.advance()
    row = other.execute(
        "SELECT bank_id, question_id, chosen, correct, seconds, points, mode, tags FROM answers"
    ).fetchone()
    assert row[0] == "space" and json.loads(row[2]) == ["Right"] and row[3] == 1 and row[4] == 2.0
    assert row[5] > 0 and row[6] == "timed" and isinstance(json.loads(row[7]), list)
    other.close()


def test_a_round_is_unfinished_until_finished_or_abandoned(store: Store) -> None:
    answers = {"q1": (True, 2.0), "q2": (False, 5.0), "q3": (True, 10.0)}
    finished = play(store, QUESTIONS, answers)
    cut = play(store, QUESTIONS, answers, stop_after=1, at=START + timedelta(hours=1))
    left = play(store, QUESTIONS, {}, at=START + timedelta(hours=2))
    assert store.abandon_round(left, at=START + timedelta(hours=2, minutes=1))
    rounds = store.history()
    assert [r.round_id for r in rounds] == [finished, cut, left]
    assert [r.status for r in rounds] == ["finished", "unfinished", "abandoned"]
    assert [r.answered for r in rounds] == [3, 1, 0]
    assert rounds[0].right == 2 and rounds[0].finished and abs(rounds[0].accuracy - 2 / 3) < 1e-9
    assert rounds[0].ended_at is not None and rounds[1].ended_at is None
    assert rounds[0].score > 0 == rounds[2].score
    assert [r.round_id for r in store.history(limit=2)] == [cut, left]


def test_recording_the_same_question_twice_saves_it_once(store: Store) -> None:
    import random

    from lunarquiz.core.round import Round

    from .conftest import FakeClock

    round_ = Round(QUESTIONS, rng=random.Random(1), clock=FakeClock())
    round_id = store.start_round("ann", ["space"], "timed", at=START)
    outcome = round_.answer([0])
    store.record_answer(round_id, outcome, at=START)
    store.record_answer(round_id, outcome, at=START)
    assert store.history()[0].answered == 1


def test_statistics_per_bank_tag_and_question_list_the_hardest_first(store: Store) -> None:
    other_bank = [question("m1", bank="moons", tags=("moons",))]
    play(store, QUESTIONS, {"q1": (True, 2.0), "q2": (False, 4.0), "q3": (True, 6.0)})
    play(store, QUESTIONS, {"q1": (True, 4.0), "q2": (False, 20.0), "q3": (False, 2.0)}, player="bo")
    play(store, other_bank, {"m1": (True, 3.0)}, player="bo")
    figures = store.statistics()
    assert (figures.answered, figures.right) == (7, 4)
    assert [(b.subject, b.answered, b.right) for b in figures.banks] == [("space", 6, 3), ("moons", 1, 1)]
    assert [(q.bank_id, q.subject) for q in figures.questions][:2] == [("space", "q2"), ("space", "q3")]
    assert figures.questions[0].accuracy == 0.0
    tags = {t.subject: (t.answered, t.right) for t in figures.tags}
    assert tags == {"orbits": (4, 2), "rockets": (2, 0), "moons": (1, 1)}
    assert figures.tags[0].subject == "rockets"
    space = figures.banks[0]
    assert space.average_seconds == pytest.approx((2 + 4 + 6 + 4 + 20 + 2) / 6)
    ann = store.statistics(player="ann")
    assert ann.answered == 3 and ann.right == 2
    assert store.statistics(bank="moons").answered == 1
    assert store.statistics(player="nobody").answered == 0


def test_a_timed_out_answer_does_not_count_towards_the_average_time(store: Store) -> None:
    import random

    from lunarquiz.core.round import Round, RoundSettings

    from .conftest import FakeClock

    clock = FakeClock()
    round_ = Round(QUESTIONS[:2], rng=random.Random(1), clock=clock, settings=RoundSettings(time_limit=10))
    round_id = store.start_round("ann", ["space"], "timed", at=START)
    clock.advance(11)
    store.record_answer(round_id, round_.expire() or pytest.fail("no time-out"), at=START)
    round_.advance()
    clock.advance(4)
    store.record_answer(round_id, round_.answer([min(round_.current.correct)]), at=START)
    figures = store.statistics()
    assert figures.answered == 2 and figures.average_seconds == pytest.approx(4.0)
    assert store.saved_answers()[0].chosen == () and store.saved_answers()[0].timed_out


def test_personal_bests_and_the_leaderboard_count_only_finished_timed_rounds(store: Store) -> None:
    good = {"q1": (True, 1.0), "q2": (True, 1.0), "q3": (True, 1.0)}
    fair = {"q1": (True, 10.0), "q2": (False, 5.0), "q3": (True, 10.0)}
    first = play(store, QUESTIONS, fair, player="ann")
    assert store.personal_best("ann", ["space"]) == store.history()[0].score
    play(store, QUESTIONS, good, player="ann", stop_after=2)
    play(store, QUESTIONS, good, player="ann", mode="practice")
    play(store, QUESTIONS, good, player="bo")
    assert store.personal_best("ann", ["space"]) == next(r.score for r in store.history() if r.round_id == first)
    board = store.leaderboard(["space"])
    assert [(e.rank, e.player) for e in board] == [(1, "bo"), (2, "ann")]
    assert board[0].score > board[1].score and board[1].round_id == first
    assert store.leaderboard(["moons"]) == []
    assert [e.player for e in store.personal_bests("ann")] == ["ann"]
    assert store.is_personal_best("ann", ["space"], board[0].score)
    assert not store.is_personal_best("ann", ["space"], board[1].score)
    assert store.is_personal_best("cy", ["space"], 1) and not store.is_personal_best("cy", ["space"], 0)


def test_finish_round_says_whether_the_round_is_a_personal_best(store: Store) -> None:
    import random

    from lunarquiz.core.round import Round

    from .conftest import FakeClock

    def round_with(seconds: float, at_hour: int) -> tuple[int, object]:
        clock = FakeClock()
        round_ = Round(QUESTIONS[:1], rng=random.Random(1), clock=clock)
        round_id = store.start_round("ann", ["space"], "timed", at=START + timedelta(hours=at_hour))
        clock.advance(seconds)
        store.record_answer(round_id, round_.answer([min(round_.current.correct)]), at=START)
        round_.advance()
        return round_id, store.finish_round(round_id, round_.results(), at=START + timedelta(hours=at_hour))

    _, first = round_with(10.0, 0)
    _, slower = round_with(15.0, 1)
    _, faster = round_with(2.0, 2)
    assert first.personal_best and first.previous_best is None  # type: ignore[attr-defined]
    assert not slower.personal_best and slower.previous_best == 750  # type: ignore[attr-defined]
    assert faster.personal_best and faster.previous_best == 750  # type: ignore[attr-defined]


def test_abandoned_results_mark_the_round_abandoned(store: Store) -> None:
    import random

    from lunarquiz.core.round import Round

    from .conftest import FakeClock

    round_ = Round(QUESTIONS, rng=random.Random(1), clock=FakeClock())
    round_id = store.start_round("ann", ["space"], "timed", at=START)
    round_.abandon()
    end = store.finish_round(round_id, round_.results(), at=START)
    assert end.saved and not end.personal_best
    assert store.history()[0].status == "abandoned"


def test_the_last_player_is_remembered_across_opening(tmp_path: Path) -> None:
    with Store.open(tmp_path / "lunarquiz.db") as store:
        assert store.last_player() is None
        store.remember_player("  ann ", at=START)
        store.remember_player("bo", at=START + timedelta(minutes=1))
        store.remember_player("ann", at=START + timedelta(minutes=2))
    with Store.open(tmp_path / "lunarquiz.db") as store:
        assert store.last_player() == "ann"
        assert store.players() == ["ann", "bo"]
        play(store, QUESTIONS, {}, player="bo", at=START + timedelta(minutes=3))
        assert store.last_player() == "bo"


def test_bad_calls_are_caller_errors(store: Store) -> None:
    with pytest.raises(ValueError, match="mode"):
        store.start_round("ann", ["space"], "speedrun", at=START)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="name"):
        store.start_round("  ", ["space"], "timed", at=START)
    with pytest.raises(ValueError, match="round 99"):
        store.abandon_round(99)


def test_results_can_be_filtered_by_player_bank_and_time(store: Store) -> None:
    play(store, QUESTIONS[:1], {"q1": (True, 1.0)}, player="ann", stop_after=1)
    play(store, [question("m1", bank="moons")], {"m1": (False, 1.0)}, player="bo", at=START + timedelta(days=2))
    assert len(store.saved_answers()) == 2
    assert [a.player for a in store.saved_answers(player="bo")] == ["bo"]
    assert [a.bank_id for a in store.saved_answers(bank="space")] == ["space"]
    assert [a.player for a in store.saved_answers(since=START + timedelta(days=1))] == ["bo"]


def test_player_names_are_stored_safe_to_show(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.remember_player("  Eve\x1b]0;owned\x07  \u202eevil ")
        (name,) = store.players()
        assert "\x1b" not in name and "\x07" not in name and "\u202e" not in name
        assert name.startswith("Eve␛]0;owned␇") and "  " not in name
