"""When the store cannot be used: a damaged file is moved aside, an unusable folder or a full disk turn saving off."""

from __future__ import annotations

import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from lunarquiz.store.store import Store

from .store_helpers import START, play, question

QUESTIONS = [question(f"q{n}") for n in range(1, 6)]
ALL_RIGHT = {q.id: (True, 2.0) for q in QUESTIONS}


def test_a_file_of_garbage_is_moved_aside_and_a_new_store_is_started(tmp_path: Path) -> None:
    path = tmp_path / "lunarquiz.db"
    garbage = b"this is not a database, just some bytes\x00\xff" * 200
    path.write_bytes(garbage)
    with Store.open(path, now=START) as store:
        assert store.saving
        (notice,) = store.take_notices()
        moved = tmp_path / "lunarquiz.db.corrupt-20261125T200000Z"
        assert str(moved) in notice and str(path) in notice
        assert moved.read_bytes() == garbage
        play(store, QUESTIONS, ALL_RIGHT)
        assert store.history()[0].answered == 5
    assert path.exists() and path.read_bytes() != garbage


def test_a_damaged_database_is_moved_aside_without_losing_the_old_bytes(tmp_path: Path) -> None:
    path = tmp_path / "lunarquiz.db"
    with Store.open(path) as store:
        for hour in range(20):
            play(store, QUESTIONS, ALL_RIGHT, at=START + timedelta(hours=hour))
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 3 * page_size
    data[page_size + 8 : 3 * page_size] = b"\xa5" * (2 * page_size - 8)  # scribble over pages 2 and 3
    path.write_bytes(bytes(data))
    with Store.open(path, now=START) as store:
        assert store.saving
        (notice,) = store.take_notices()
        assert "lunarquiz.db.corrupt-20261125T200000Z" in notice
        assert store.history() == []
    assert (tmp_path / "lunarquiz.db.corrupt-20261125T200000Z").read_bytes() == bytes(data)


def test_two_damaged_files_in_the_same_second_get_different_names(tmp_path: Path) -> None:
    path = tmp_path / "lunarquiz.db"
    for _ in range(2):
        path.write_bytes(b"garbage" * 100)
        Store.open(path, now=START).close()
    assert sorted(p.name for p in tmp_path.glob("*.corrupt-*")) == [
        "lunarquiz.db.corrupt-20261125T200000Z",
        "lunarquiz.db.corrupt-20261125T200000Z-2",
    ]


def test_a_folder_that_cannot_be_made_means_playing_without_saving(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = Store.open(blocker / "lunarquiz.db")
    assert not store.saving and store.path is None
    (notice,) = store.take_notices()
    assert "will not be saved" in notice and "--data-dir" in notice
    round_id = play(store, QUESTIONS, ALL_RIGHT)
    assert round_id < 0
    assert store.history() == [] and store.statistics().answered == 0
    assert store.take_notices() == []


def read_only_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the store open its file read-only, as on a read-only disk (root ignores file modes)."""
    from lunarquiz.store import database, opening

    def connect(path: Path | str) -> sqlite3.Connection:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 5000")
        return db

    assert opening.connect is database.connect
    monkeypatch.setattr(opening, "connect", connect)


def test_a_new_file_on_a_read_only_disk_means_playing_without_saving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lunarquiz.db"
    path.write_bytes(b"")
    read_only_connect(monkeypatch)
    store = Store.open(path)
    assert not store.saving
    (notice,) = store.take_notices()
    assert "read-only" in notice and "will not be saved" in notice
    assert play(store, QUESTIONS, ALL_RIGHT) < 0


def test_a_saved_file_on_a_read_only_disk_is_read_but_answers_are_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lunarquiz.db"
    with Store.open(path) as store:
        play(store, QUESTIONS, ALL_RIGHT)
    read_only_connect(monkeypatch)
    with Store.open(path) as store:
        assert not store.saving  # known when the file is opened, so the game says so at its start
        (notice,) = store.take_notices()
        assert "read-only" in notice and "will not be saved" in notice and "can still be read" in notice
        assert store.history()[0].answered == 5
        play(store, QUESTIONS, ALL_RIGHT, at=START + timedelta(hours=1))
        assert store.take_notices() == []
        assert len(store.history()) == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_means_playing_without_saving(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        store = Store.open(folder / "lunarquiz.db")
        assert not store.saving and len(store.take_notices()) == 1
        assert play(store, QUESTIONS, ALL_RIGHT) < 0
    finally:
        folder.chmod(0o700)


def test_a_full_disk_mid_round_turns_saving_off_and_keeps_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "lunarquiz.db"
    store = Store.open(path)
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk fills up after a few answers
    many = [question(f"long-question-{n:03}", tags=("x" * 900,)) for n in range(40)]
    round_id = play(store, many, {q.id: (True, 1.0) for q in many})
    assert round_id > 0
    assert not store.saving
    (notice,) = store.take_notices()
    assert "the disk is full" in notice and "no longer being saved" in notice
    store.close()
    with Store.open(path) as again:
        (past,) = again.history()
        assert 0 < past.answered < 40 and past.status == "unfinished"
        assert again._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
