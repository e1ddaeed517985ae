"""The command line: version, banks (table and JSON), the user's banks folder, play's errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lunarquiz import __version__
from lunarquiz.cli import main

from .conftest import ROOT
from .ui_helpers import SMALL_BANK, write_bank


def run(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lunarquiz", *argv], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"lunarquiz {__version__}"


def test_banks_json_lists_the_built_in_and_the_users_banks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LUNARQUIZ_DATA_DIR", str(tmp_path))
    (tmp_path / "banks").mkdir()
    write_bank(tmp_path / "banks", SMALL_BANK, "mine.yaml")
    assert main(["banks", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_id = {row["id"]: row for row in rows}
    assert {"ilrs", "space-history", "related-news", "small"} <= set(by_id)
    assert by_id["small"]["questions"] == 3 and by_id["small"]["title"] == "A small test bank"
    assert Path(by_id["small"]["path"]) == tmp_path / "banks" / "mine.yaml"
    assert sum(row["questions"] for row in rows if row["id"] != "small") >= 60
    assert main(["banks"]) == 0
    table = capsys.readouterr().out
    assert f"your banks:     {tmp_path / 'banks'}" in table


def test_banks_reports_a_bank_that_does_not_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LUNARQUIZ_DATA_DIR", str(tmp_path))
    bad = write_bank(tmp_path, "lunarquiz: 1\nid: x\n", "bad.yaml")
    assert main(["banks", str(bad)]) == 1
    assert "not loaded: " in capsys.readouterr().out


def test_play_with_only_broken_banks_explains_and_exits_1(tmp_path: Path) -> None:
    bad = write_bank(tmp_path, "lunarquiz: 1\nid: x\ntitle: [\n", "bad.yaml")
    result = run("play", "--bank", str(bad))
    assert result.returncode == 1
    assert "bad.yaml:4:1: error: YAML syntax" in result.stderr
    assert "nothing to play" in result.stderr
    assert "Traceback" not in result.stderr


def test_play_with_a_filter_that_matches_nothing(tmp_path: Path) -> None:
    result = run("play", "--bank", str(write_bank(tmp_path)), "--tag", "no-such-tag")
    assert result.returncode == 1
    assert "no question matches" in result.stderr


def test_play_refuses_bad_numbers() -> None:
    for argv in (["play", "--questions", "0"], ["play", "--time", "soon"], ["play", "--difficulty", "extreme"]):
        result = run(*argv)
        assert result.returncode == 2 and "Traceback" not in result.stderr, argv


def test_player_and_data_dir_work_before_or_after_play(tmp_path: Path) -> None:
    from lunarquiz.cli import build_parser

    parser = build_parser()
    before = parser.parse_args(["--player", "Ana", "--data-dir", str(tmp_path), "play"])
    after = parser.parse_args(["play", "--player", "Ben"])
    neither = parser.parse_args(["play"])
    assert (before.player, before.data_dir) == ("Ana", str(tmp_path))
    assert after.player == "Ben"
    assert neither.player is None and neither.data_dir is None


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        ([], ""),
        (["--player", "Ana"], ""),
        (["--bank", "play"], ""),  # a bank folder called "play", for the home screen
        (["--ban", "play"], ""),  # options shorten, as argparse allows
        (["--player=Ana", "play", "--time", "5"], "play"),
        (["--data-dir", "/tmp/x", "stats"], "stats"),
        (["import", "quiz.gift"], "import"),
        (["new", "mine.yaml"], "new"),
        (["-h"], None),
        (["--help", "play"], None),
        (["plya"], None),  # not a command: the full parser names the right ones
        (["--", "play"], None),
    ],
)
def test_the_command_line_names_its_command_before_the_parser_is_built(argv: list[str], named: str | None) -> None:
    from lunarquiz.cli import named_command

    assert named_command(argv) == named


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--player", "Ana", "--bank", "b.yaml"],
        ["play", "--bank", "a.yaml", "--questions", "5", "--time", "12", "--seed", "3", "--practice"],
        ["--player", "Ana", "--data-dir", "/tmp/d", "play", "--player", "Ben"],
        ["banks", "--json"],
        ["validate", "--strict", "a.yaml"],
        ["import", "quiz.gift", "--out", "quiz.yaml"],
        ["export", "a.yaml", "--to", "csv", "-o", "a.csv"],
        ["stats", "--json"],
        ["results", "--csv", "--since", "2026-01-01"],
        ["schema"],
        ["new", "mine.yaml"],
    ],
)
def test_the_parser_for_one_command_reads_it_as_the_full_parser_does(argv: list[str]) -> None:
    from lunarquiz.cli import build_parser

    def readable(namespace: object) -> dict[str, object]:
        return {key: value for key, value in vars(namespace).items() if key != "handler"}

    try:
        full = build_parser().parse_args(argv)
    except SystemExit:  # an option these examples got wrong: keep the examples valid
        pytest.fail(f"not a valid command line: {argv}")
    assert readable(build_parser(argv).parse_args(argv)) == readable(full)
