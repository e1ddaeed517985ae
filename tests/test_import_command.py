"""``lunarquiz import``: exit codes, messages, what is written, and no Textual on the way."""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lunarquiz.banks.exporters import EXPORT_FORMATS
from lunarquiz.banks.importers import IMPORT_FORMATS
from lunarquiz.banks.loader import load_bank
from lunarquiz.commands import export_bank, import_bank
from lunarquiz.commands.import_bank import run_import

from .conftest import ROOT

DATA = Path(__file__).resolve().parent / "data" / "import"


def run(*args: str, **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_import(*args, out=out, err=err, **options)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


def test_a_gift_file_becomes_a_bank_that_loads(tmp_path: Path) -> None:
    target = tmp_path / "moon-missions.yaml"
    code, _, err = run(str(DATA / "features.gift"), str(target))
    assert code == 0
    bank = load_bank(target)
    assert (bank.id, bank.title, len(bank.questions)) == ("moon-missions", "Moon missions", 12)
    assert f"{DATA / 'features.gift'}:53: warning: skipped numerical question" in err
    assert err.splitlines()[-1].startswith(f"wrote {target}: 12 questions imported")
    assert "10 skipped" in err.splitlines()[-1]


def test_id_and_title_options(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    assert run(str(DATA / "trivia.json"), str(target), bank_id="trivia-night", title="Trivia night")[0] == 0
    bank = load_bank(target)
    assert (bank.id, bank.title) == ("trivia-night", "Trivia night")
    code, _, err = run(str(DATA / "trivia.json"), str(target), bank_id="Not Valid")
    assert code == 1 and "not a valid id" in err


@pytest.mark.parametrize(
    ("name", "content", "count"),
    [
        ("quiz.gift", "Which?{=a ~b}", 1),
        ("quiz.txt", "Which?{=a ~b}\n\nTrue?{T}", 2),
        ("quiz.txt", "Which?\nA) a\nB) b\nANSWER: A\n", 1),
        ("quiz.csv", "prompt,answer,wrong1\nWhich?,a,b\n", 1),
        ("quiz.dat", "prompt,answer,wrong1\nWhich?,a,b\n", 1),
        ("quiz.json", '{"results": [{"type": "boolean", "question": "Q?", "correct_answer": "True"}]}', 1),
        ("quiz", '{"results": [{"type": "boolean", "question": "Q?", "correct_answer": "True"}]}', 1),
    ],
)
def test_the_format_is_guessed_from_extension_and_content(tmp_path: Path, name: str, content: str, count: int) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    code, _, err = run(str(source), str(tmp_path / "out.yaml"))
    assert code == 0, err
    assert len(load_bank(tmp_path / "out.yaml").questions) == count


def test_from_overrides_the_guess_and_an_unknown_format_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("Just some notes.\n", encoding="utf-8")
    code, _, err = run(str(source), str(tmp_path / "out.yaml"))
    assert code == 1 and "--from gift|aiken|csv|opentdb" in err
    source.write_text("Which?\nA) a\nB) b\nANSWER: B\n", encoding="utf-8")
    assert run(str(source), str(tmp_path / "out.yaml"), from_format="aiken")[0] == 0


def test_strict_writes_nothing_when_there_is_a_problem(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    code, _, err = run(str(DATA / "mixed.aiken"), str(target), strict=True)
    assert code == 1
    assert not target.exists()
    assert "--strict: 8 problems; nothing written" in err
    clean = tmp_path / "clean.csv"
    clean.write_text("prompt,answer,wrong1\nWhich?,a,b\n", encoding="utf-8")
    assert run(str(clean), str(target), strict=True)[0] == 0


def test_nothing_importable_is_exit_1_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "numbers.gift"
    source.write_text("What is 2 + 2?{#4}\n", encoding="utf-8")
    code, _, err = run(str(source), str(tmp_path / "out.yaml"))
    assert code == 1
    assert not (tmp_path / "out.yaml").exists()
    assert f"{source}:1: warning: skipped numerical question" in err
    assert "no question could be imported; nothing written" in err


def test_the_source_is_never_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "quiz.gift"
    source.write_text("Which?{=a ~b}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for output in (str(source), "quiz.gift", "./quiz.gift", "../" + tmp_path.name + "/quiz.gift"):
        code, _, err = run("quiz.gift", output)
        assert code == 1 and "this is the file being imported" in err
    assert source.read_text(encoding="utf-8") == "Which?{=a ~b}\n"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: None, "no such file"),
        (lambda path: path.mkdir(), "this is a folder"),
        (lambda path: path.write_bytes(b"Caf\xe9?{=a ~b}"), "not valid UTF-8"),
    ],
)
def test_unreadable_sources_are_one_line(tmp_path: Path, make: object, message: str) -> None:
    source = tmp_path / "quiz.gift"
    make(source)  # type: ignore[operator]
    code, _, err = run(str(source), str(tmp_path / "out.yaml"))
    assert code == 1
    assert len(err.splitlines()) == 1 and message in err
    assert "Traceback" not in err


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    source = tmp_path / "quiz.csv"
    source.write_bytes(b"\xef\xbb\xbfprompt,answer,wrong1\r\nWhich?,a,b\r\n")
    assert run(str(source), str(tmp_path / "out.yaml"))[0] == 0


def test_output_to_standard_output(tmp_path: Path) -> None:
    code, out, _ = run(str(DATA / "mixed.aiken"), "-")
    assert code == 0
    assert out.startswith("# yaml-language-server:")
    assert "\nid: mixed\n" in out


def test_an_output_folder_that_does_not_exist(tmp_path: Path) -> None:
    code, _, err = run(str(DATA / "mixed.aiken"), str(tmp_path / "no" / "out.yaml"))
    assert code == 1 and "does not exist" in err


def test_parsers_wire_the_commands(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser(prog="lunarquiz")
    commands = parser.add_subparsers(dest="command")
    import_bank.add_parser(commands)
    export_bank.add_parser(commands)
    target = tmp_path / "out.yaml"
    args = parser.parse_args(["import", str(DATA / "quoting.csv"), "--from", "csv", "-o", str(target), "--id", "q"])
    assert args.handler(args) == 0
    assert load_bank(target).id == "q"
    args = parser.parse_args(["export", str(target), "--to", "gift", "-o", str(tmp_path / "out.gift")])
    assert args.handler(args) == 0
    assert (tmp_path / "out.gift").exists()
    assert import_bank.FORMATS == IMPORT_FORMATS
    assert export_bank.FORMATS == EXPORT_FORMATS


def test_import_and_export_load_no_textual(tmp_path: Path) -> None:
    shutil.copy(DATA / "features.gift", tmp_path / "features.gift")
    script = (
        "import argparse, contextlib, io, json, sys\n"
        "from lunarquiz.commands import export_bank, import_bank\n"
        "parser = argparse.ArgumentParser()\n"
        "commands = parser.add_subparsers()\n"
        "import_bank.add_parser(commands)\n"
        "export_bank.add_parser(commands)\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        "    for argv in (['import', 'features.gift', '-o', 'f.yaml'], ['export', 'f.yaml', '--to', 'csv', '-o', 'f.csv']):\n"
        "        args = parser.parse_args(argv)\n"
        "        assert args.handler(args) == 0\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env_path = {"PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=True, env=env_path
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert not {name for name in loaded if name.split(".")[0] in ("textual", "rich")}


def test_messages_print_control_characters_harmlessly(tmp_path: Path) -> None:
    source = tmp_path / "evil.gift"
    source.write_text("What is \x1b[2J 2 + 2?{#4}\n\nFine?{=a ~b}\n", encoding="utf-8")
    code, _, err = run(str(source), str(tmp_path / "out.yaml"))
    assert code == 0
    assert "\x1b" not in err
    assert f"{source}:1: warning: skipped numerical question" in err


def test_a_source_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "quiz.gift"
    source.write_text("::q1:: Which? {=A ~B}\n" * 10, encoding="utf-8")
    monkeypatch.setenv("LUNARQUIZ_MAX_BANK_BYTES", "20")
    output = tmp_path / "out.yaml"
    code, _, err = run(str(source), str(output))
    assert code == 1
    assert "over the size limit" in err
    assert not output.exists()
