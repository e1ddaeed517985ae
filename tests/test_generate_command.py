"""``lunarquiz generate``: exit codes, one-line errors, what is written, and no Textual on the way."""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lunarquiz.banks.loader import load_bank
from lunarquiz.commands import generate
from lunarquiz.commands.generate import run_generate

from .conftest import ROOT

DATA = Path(__file__).resolve().parent / "data" / "generate"
ARTICLE = DATA / "artemis-gateway.txt"


def run(*args: str, **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_generate(*args, out=out, err=err, **options)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="lunarquiz")
    generate.add_parser(parser.add_subparsers())
    return parser.parse_args(argv)


def test_a_draft_is_written_that_loads(tmp_path: Path) -> None:
    target = tmp_path / "moon-draft.yaml"
    code, out, err = run(str(ARTICLE), str(target))
    assert code == 0 and out == ""
    bank = load_bank(target)
    assert (bank.id, bank.title, bank.source) == (
        "moon-draft",
        "Back to the Moon: Artemis I and the Gateway",
        ARTICLE.name,
    )
    assert len(bank.questions) >= 8
    assert err.splitlines()[0].startswith(f"wrote {target}: {len(bank.questions)} draft questions from {ARTICLE} (")


def test_options_max_seed_id_and_title(tmp_path: Path) -> None:
    args = parse(
        [
            "generate",
            str(ARTICLE),
            "-o",
            str(tmp_path / "a.yaml"),
            "--max",
            "5",
            "--seed",
            "3",
            "--id",
            "moon",
            "--title",
            "Moon",
        ]
    )
    assert (args.max_questions, args.seed, args.bank_id, args.title) == (5, 3, "moon", "Moon")
    assert args.handler(args) == 0
    bank = load_bank(tmp_path / "a.yaml")
    assert (bank.id, bank.title, len(bank.questions)) == ("moon", "Moon", 5)


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_max_must_be_a_whole_number_of_at_least_one(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse(["generate", str(ARTICLE), "-o", "x.yaml", "--max", value])
    assert "--max" in capsys.readouterr().err


def test_two_runs_write_identical_files(tmp_path: Path) -> None:
    assert run(str(ARTICLE), str(tmp_path / "one.yaml"), bank_id="same")[0] == 0
    assert run(str(ARTICLE), str(tmp_path / "two.yaml"), bank_id="same")[0] == 0
    assert (tmp_path / "one.yaml").read_bytes() == (tmp_path / "two.yaml").read_bytes()


def test_a_dash_prints_the_draft(tmp_path: Path) -> None:
    code, out, _ = run(str(ARTICLE), "-")
    assert code == 0 and out.startswith("# yaml-language-server") and "id: artemis-gateway" in out


def test_the_title_falls_back_to_the_file_name(tmp_path: Path) -> None:
    article = tmp_path / "moon_landings.txt"
    article.write_text("Apollo 11 landed on the Moon in 1969.\n", encoding="utf-8")
    assert run(str(article), str(tmp_path / "out.yaml"))[0] == 0
    assert load_bank(tmp_path / "out.yaml").title == "Moon landings"


def test_the_article_itself_is_never_overwritten(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    shutil.copy(ARTICLE, article)
    before = article.read_bytes()
    code, _, err = run(str(article), str(tmp_path / "." / "article.txt"))
    assert code == 1 and article.read_bytes() == before
    assert err.count("\n") == 1 and "this is the article" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\xff\xfe\x00\x00binary", "UTF-"),
        (b"%PDF-1.7\n\x00\x01\x02", "does not look like a text file"),
        (b"\x89PNG\r\n\x1a\n\xff\xd8", "not valid UTF-8"),
        (b"The sky is big and blue today.\n", "no question could be drafted"),
        (b"", "no question could be drafted"),
    ],
)
def test_nothing_written_and_one_clear_line_when_there_is_no_draft(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    article = tmp_path / "article.txt"
    if content is not None:
        article.write_bytes(content)
    target = tmp_path / "out.yaml"
    code, out, err = run(str(article), str(target))
    assert code == 1 and out == "" and not target.exists()
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_a_folder_is_not_an_article(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path), str(tmp_path / "out.yaml"))
    assert code == 1 and "folder" in err and err.count("\n") == 1


def test_bad_id_and_empty_title_are_refused(tmp_path: Path) -> None:
    assert "not a valid id" in run(str(ARTICLE), str(tmp_path / "x.yaml"), bank_id="Not Valid")[2]
    assert "--title is empty" in run(str(ARTICLE), str(tmp_path / "x.yaml"), title="  ")[2]
    assert not (tmp_path / "x.yaml").exists()


def test_generating_imports_no_textual(tmp_path: Path) -> None:
    code = (
        "import io, sys\n"
        "from lunarquiz.commands.generate import run_generate\n"
        f"run_generate({str(ARTICLE)!r}, {str(tmp_path / 'out.yaml')!r}, out=io.StringIO(), err=io.StringIO())\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
    assert (tmp_path / "out.yaml").exists()


def test_the_guides_example_is_what_generate_writes(tmp_path: Path) -> None:
    guide = (ROOT / "docs" / "writing-banks.md").read_text(encoding="utf-8")
    section = guide.split("## Generating a draft from an article", 1)[1]
    article = section.split("```text\n", 1)[1].split("```", 1)[0]
    assert article == (DATA / "first-satellites.txt").read_text(encoding="utf-8")
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    code, out, _ = run(str(DATA / "first-satellites.txt"), "-")
    assert code == 0 and example in out
    assert "drafts nine questions" in section and out.count("  - id: ") == 9


def test_the_draft_is_the_same_in_another_process_with_another_hash_seed(tmp_path: Path) -> None:
    code = (
        "import io, sys\n"
        "from lunarquiz.commands.generate import run_generate\n"
        f"run_generate({str(DATA / 'three-arrivals.md')!r}, '-', out=sys.stdout, err=io.StringIO())\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and "questions:" in outputs.pop()
