"""``lunarquiz stats`` and ``lunarquiz results``: tables, JSON and CSV from a store in a temporary folder."""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lunarquiz.commands import results, stats
from lunarquiz.core.model import Kind, Question
from lunarquiz.store.paths import DATA_DIR_VARIABLE
from lunarquiz.store.store import Store

from .conftest import ROOT
from .store_helpers import START, play, question

HEADER = "timestamp,player,bank,question_id,chosen,correct,seconds,points,mode,round_id"


def parser() -> argparse.ArgumentParser:
    built = argparse.ArgumentParser(prog="lunarquiz")
    commands = built.add_subparsers(dest="command")
    stats.add_parser(commands)
    results.add_parser(commands)
    return built


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    tricky = Question(
        id="quote",
        prompt="Who said it?",
        kind=Kind.MULTIPLE,
        answers=('"Houston, we have a problem"', "Apollo 13"),
        wrong=("Gemini",),
        bank_id="moons",
        tags=("apollo",),
    )
    with Store.open(tmp_path / "lunarquiz.db") as store:
        play(store, [question("q1", tags=("orbits",)), question("q2")], {"q1": (True, 2.0), "q2": (False, 9.0)})
        play(store, [question("q1"), question("q2")], {"q1": (True, 4.0), "q2": (True, 5.0)}, player="bo")
        round_id = store.start_round("bo", ["moons"], "practice", at=START + timedelta(days=3))
        import random

        from lunarquiz.core.round import Round, RoundSettings

        round_ = Round([tricky], rng=random.Random(1), clock=lambda: 0.0, settings=RoundSettings(practice=True))
        store.record_answer(round_id, round_.answer(round_.current.correct), at=START + timedelta(days=3))
    return tmp_path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    args = parser().parse_args(argv)
    code = args.handler(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_results_csv_has_the_header_and_one_parsable_row_per_answer(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["results", "--csv", "--data-dir", str(data_dir)], capsys)
    assert code == 0 and err == ""
    assert out.splitlines()[0] == HEADER
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 5
    first = rows[0]
    assert (first["player"], first["bank"], first["mode"]) == ("ann", "space", "timed")
    assert datetime.fromisoformat(first["timestamp"]).tzinfo is not None
    assert {row["correct"] for row in rows} == {"0", "1"}
    assert all(float(row["seconds"]) >= 0 and int(row["points"]) >= 0 and int(row["round_id"]) > 0 for row in rows)
    apollo = rows[-1]
    assert apollo["question_id"] == "quote" and apollo["mode"] == "practice"
    assert sorted(apollo["chosen"].split("; ")) == ['"Houston, we have a problem"', "Apollo 13"]


def test_results_csv_filters_by_player_bank_and_date(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def rows(*extra: str) -> list[dict[str, str]]:
        code, out, _ = run(["results", "--csv", "--data-dir", str(data_dir), *extra], capsys)
        assert code == 0
        return list(csv.DictReader(io.StringIO(out)))

    assert {row["player"] for row in rows("--player", "ann")} == {"ann"}
    assert len(rows("--player", "bo")) == 3
    assert [row["question_id"] for row in rows("--bank", "moons")] == ["quote"]
    assert [row["question_id"] for row in rows("--since", (START + timedelta(days=1)).date().isoformat())] == ["quote"]
    assert len(rows("--since", "2026-11-25T20:01:30Z")) == 3  # the second answers of ann and bo, and the quote
    assert rows("--player", "nobody") == []


def test_results_rejects_a_date_it_cannot_read(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parser().parse_args(["results", "--csv", "--since", "last tuesday"])
    assert "not a date" in capsys.readouterr().err


def test_results_without_csv_prints_a_table(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["results", "--data-dir", str(data_dir), "--player", "ann"], capsys)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("TIME (UTC)") and len(lines) == 3
    assert "2026-11-25 20:01:00" in lines[1]


def test_stats_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["stats", "--json", "--data-dir", str(data_dir)], capsys)
    assert code == 0 and err == ""
    report = json.loads(out)
    assert (report["answered"], report["right"]) == (5, 4)
    assert report["rounds"] == {"finished": 2, "unfinished": 1, "abandoned": 0}
    assert [bank["subject"] for bank in report["banks"]] == ["space", "moons"]
    assert report["questions"][0] == {
        "subject": "q2",
        "bank": "space",
        "answered": 2,
        "right": 1,
        "accuracy": 0.5,
        "average_seconds": 7.0,
    }
    assert {tag["subject"] for tag in report["tags"]} == {"orbits", "apollo"}
    assert [(best["player"], best["rank"]) for best in report["best_rounds"]] == [("bo", 1), ("ann", 2)]


def test_stats_for_one_player_and_one_bank(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["stats", "--json", "--player", "ann", "--bank", "space", "--data-dir", str(data_dir)], capsys)
    report = json.loads(out)
    assert code == 0 and report["player"] == "ann" and report["answered"] == 2
    assert [(best["player"], best["rank"]) for best in report["best_rounds"]] == [("ann", 2)]


def test_stats_table(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["stats", "--data-dir", str(data_dir)], capsys)
    assert code == 0
    assert out.startswith("5 answers in 3 rounds: 80% right")
    for heading in (
        "Per bank, hardest first",
        "Per tag, hardest first",
        "Hardest questions",
        "Best finished timed rounds",
    ):
        assert heading in out
    assert "space/q2" in out


def test_the_environment_variable_chooses_the_data_folder(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_dir))
    code, out, _ = run(["stats", "--json"], capsys)
    assert code == 0 and json.loads(out)["answered"] == 5


def test_no_saved_results_yet_is_not_an_error_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    code, out, err = run(["results", "--csv", "--data-dir", str(empty)], capsys)
    assert code == 0 and out.strip() == HEADER and "no saved results yet" in err
    code, out, err = run(["stats", "--data-dir", str(empty)], capsys)
    assert code == 0 and out.startswith("0 answers") and "no saved results yet" in err
    assert not empty.exists()


def test_a_damaged_file_is_reported_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "lunarquiz.db").write_bytes(b"\x00garbage" * 300)
    code, out, err = run(["stats", "--json", "--data-dir", str(tmp_path)], capsys)
    assert code == 0 and json.loads(out)["answered"] == 0
    assert "moved to" in err and ".corrupt-" in err


def test_stats_and_results_import_no_textual(data_dir: Path) -> None:
    code = (
        "import io, sys\n"
        "from lunarquiz.commands.stats import run_stats\n"
        "from lunarquiz.commands.results import run_results\n"
        f"run_stats({str(data_dir)!r}, player=None, bank=None, as_json=False, out=io.StringIO(), err=sys.stderr)\n"
        f"run_results({str(data_dir)!r}, player=None, bank=None, since=None, as_csv=True, out=io.StringIO(), err=sys.stderr)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]", done.stdout


def test_times_are_iso_8601_utc(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["results", "--csv", "--data-dir", str(data_dir)], capsys)
    stamps = [datetime.fromisoformat(row["timestamp"]) for row in csv.DictReader(io.StringIO(out))]
    assert all(stamp.utcoffset() == timedelta(0) for stamp in stamps)
    assert stamps == sorted(stamps) and stamps[0] == START.astimezone(UTC) + timedelta(minutes=1)
