"""A data folder that can be read but not written: every saved answer is still shown, and the game says it will not save."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from lunarquiz.banks.discovery import Library
from lunarquiz.commands import results, stats
from lunarquiz.commands.play import run_plain
from lunarquiz.core.model import Bank
from lunarquiz.core.round import RoundSettings
from lunarquiz.store.store import Store

from .conftest import FakeClock
from .store_helpers import play, question
from .ui_helpers import SIZE, make_app, write_bank

QUESTIONS = [question("q1"), question("q2")]

real_connect = sqlite3.connect


def saved(folder: Path, state: str) -> Path:
    """A data folder holding two answers of ann's, as a clean close, a killed writer, or a log without its index left it.

    ``clean``: the last connection closed, so only ``lunarquiz.db`` is there. ``log``: the files a
    writer killed mid-game leaves (``-wal`` holding the answers, and ``-shm``). ``log-only``: the
    ``-wal`` without its ``-shm``, as a copy of the folder that skipped it leaves.
    """
    folder.mkdir()
    source = folder.parent / f"{folder.name}-writer"
    with Store.open(source / "lunarquiz.db") as store:
        play(store, QUESTIONS, {"q1": (True, 2.0), "q2": (False, 3.0)})
        if state != "clean":
            suffixes = ["", "-wal"] if state == "log-only" else ["", "-wal", "-shm"]
            for suffix in suffixes:  # copied while the writer still has the file open, as kill -9 leaves it
                shutil.copyfile(source / f"lunarquiz.db{suffix}", folder / f"lunarquiz.db{suffix}")
    if state == "clean":
        shutil.copyfile(source / "lunarquiz.db", folder / "lunarquiz.db")
    else:
        assert (folder / "lunarquiz.db-wal").stat().st_size > 0
    return folder


def sqlite_error(kind: type[sqlite3.Error], message: str, name: str) -> sqlite3.Error:
    error = kind(message)
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


def as_a_reader_of(folder: Path, *, readable: bool = True) -> Callable[..., sqlite3.Connection]:
    """``sqlite3.connect`` as a user who may read ``folder`` and its files but write nothing there.

    Root ignores file permissions, so the tests pretend. What this imitates is what SQLite
    3.40 did for a user without write permission: a file in write-ahead-log mode with no
    ``-shm`` beside it cannot be read, except as immutable ("attempt to write a readonly
    database", SQLITE_READONLY_DIRECTORY, or "unable to open database file" when a ``-wal`` is
    there); otherwise it is read, and every write fails with SQLITE_READONLY. With
    ``readable=False`` the file cannot even be opened (SQLITE_CANTOPEN).
    """

    def connect(database: Any, *args: Any, uri: bool = False, **options: Any) -> sqlite3.Connection:
        text = str(database)
        parts = urlsplit(text) if uri else None
        path = Path(unquote(parts.path) if parts is not None else text)
        if text == ":memory:" or path.parent.resolve() != folder.resolve():
            return real_connect(database, *args, uri=uri, **options)
        if not readable:
            raise sqlite_error(sqlite3.OperationalError, "unable to open database file", "SQLITE_CANTOPEN")
        query = parts.query if parts is not None else ""
        if "immutable=1" in query:
            return real_connect(database, *args, uri=uri, **options)
        in_wal_mode = path.read_bytes()[18] == 2
        index = path.with_name(path.name + "-shm")
        if in_wal_mode and not index.exists():
            if path.with_name(path.name + "-wal").exists():
                raise sqlite_error(sqlite3.OperationalError, "unable to open database file", "SQLITE_CANTOPEN")
            raise sqlite_error(
                sqlite3.OperationalError, "attempt to write a readonly database", "SQLITE_READONLY_DIRECTORY"
            )
        return real_connect(f"file:{path}?mode=ro", *args, uri=True, **options)

    return connect


@pytest.fixture(params=["clean", "log", "log-only"])
def read_only(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = saved(tmp_path / "data", request.param)
    monkeypatch.setattr(sqlite3, "connect", as_a_reader_of(folder))
    yield folder


def parser() -> argparse.ArgumentParser:
    built = argparse.ArgumentParser(prog="lunarquiz")
    commands = built.add_subparsers(dest="command")
    stats.add_parser(commands)
    results.add_parser(commands)
    return built


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    args = parser().parse_args(argv)
    code = args.handler(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_stats_and_results_show_every_answer_and_say_the_folder_cannot_be_written(
    read_only: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["stats", "--json", "--data-dir", str(read_only)], capsys)
    assert code == 0 and json.loads(out)["answered"] == 2
    [note] = err.splitlines()
    assert "read-only" in note or "cannot be opened" in note
    assert "can still be read" in note and str(read_only / "lunarquiz.db") in note
    code, out, err = run(["results", "--csv", "--data-dir", str(read_only)], capsys)
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 2
    code, out, _ = run(["stats", "--data-dir", str(read_only)], capsys)
    assert code == 0 and out.startswith("2 answers in 1 rounds")


def test_the_store_reads_but_does_not_save_and_says_so_when_opened(read_only: Path) -> None:
    with Store.open(read_only / "lunarquiz.db") as store:
        assert not store.saving
        [notice] = store.take_notices()
        assert notice.startswith("Results will not be saved this time")
        assert store.last_player() == "ann" and store.statistics().answered == 2
        play(store, QUESTIONS, {"q1": (True, 1.0), "q2": (True, 1.0)}, player="bo")  # plays on, saving nothing
        assert store.statistics().answered == 2 and store.take_notices() == []


def test_plain_mode_says_at_the_start_that_answers_will_not_be_saved(
    read_only: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library(banks=(Bank(id="space", title="Space", questions=tuple(QUESTIONS)),), failed=())
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n\n1\n\n"))
    with Store.open(read_only / "lunarquiz.db") as store:
        code = run_plain(library, store, "ann", settings=RoundSettings(questions=2), mode="timed", seed=1)
    out, err = capsys.readouterr()
    assert code == 0 and "Score:" in out
    assert err.startswith("lunarquiz: Results will not be saved this time")


@pytest.mark.parametrize("state", ["clean", "log"])
def test_a_file_that_cannot_be_read_is_named_and_the_command_fails(
    state: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = saved(tmp_path / "data", state)
    monkeypatch.setattr(sqlite3, "connect", as_a_reader_of(folder, readable=False))

    def copy_nothing(source: Any, target: Any) -> None:
        raise PermissionError(13, "Permission denied", str(source))

    monkeypatch.setattr(shutil, "copyfile", copy_nothing)
    for command in (["stats"], ["stats", "--json"], ["results", "--csv"], ["results"]):
        code, out, err = run([*command, "--data-dir", str(folder)], capsys)
        assert code == 1 and out == "", command
        assert "cannot be read" in err and str(folder / "lunarquiz.db") in err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions")
@pytest.mark.parametrize("state", ["clean", "log"])
def test_a_folder_really_made_read_only(state: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = saved(tmp_path / "data", state)
    files = list(folder.iterdir())
    for file in files:
        file.chmod(0o444)
    folder.chmod(0o555)
    try:
        code, out, err = run(["stats", "--json", "--data-dir", str(folder)], capsys)
        assert code == 0 and json.loads(out)["answered"] == 2
        assert "read-only" in err and "can still be read" in err
        with Store.open(folder / "lunarquiz.db") as store:
            assert not store.saving and store.last_player() == "ann"
        assert sorted(folder.iterdir()) == sorted(files)
    finally:
        folder.chmod(0o755)
        for file in files:
            file.chmod(0o644)


async def test_the_game_says_at_its_start_that_answers_will_not_be_saved(read_only: Path, tmp_path: Path) -> None:
    with Store.open(read_only / "lunarquiz.db") as store:
        app = make_app([write_bank(tmp_path)], FakeClock(), play=False, store=store, player=None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.player == "ann"  # the last player, read from the file
            notices = [notice.message for notice in app._notifications]
            assert any(message.startswith("Results will not be saved this time") for message in notices)


def test_plain_mode_stopped_with_ctrl_c_does_not_claim_the_answers_were_saved(
    read_only: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Interrupted(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            raise KeyboardInterrupt

    library = Library(banks=(Bank(id="space", title="Space", questions=tuple(QUESTIONS)),), failed=())
    monkeypatch.setattr(sys, "stdin", Interrupted())
    with Store.open(read_only / "lunarquiz.db") as store:
        code = run_plain(library, store, "ann", settings=RoundSettings(questions=2), mode="timed", seed=1)
    out = capsys.readouterr().out
    assert code == 130 and "Answers were not being saved" in out and "is saved" not in out
