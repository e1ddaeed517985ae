"""The core imports no Textual and no Rich; commands that draw no screen import no Textual."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT


def modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_the_core_imports_no_textual_and_no_rich() -> None:
    loaded = modules_after(
        "import lunarquiz.core.model, lunarquiz.core.round, lunarquiz.core.scoring, lunarquiz.core.results"
    )
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "rich")}


def test_loading_banks_imports_no_textual() -> None:
    loaded = modules_after("from lunarquiz.banks.discovery import load_library; load_library()")
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "rich")}


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["banks"],
        ["banks", "--json"],
        ["--version"],
        ["schema"],
        ["stats"],
        ["results", "--csv"],
        ["import", "tests/data/import/features.gift", "-o", "-"],
        ["export", "questions/ilrs.yaml", "--to", "csv", "-o", "-"],
        ["generate", "tests/data/generate/artemis-gateway.txt", "-o", "-"],
    ],
)
def test_commands_that_draw_no_screen_import_no_textual(argv: list[str]) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from lunarquiz.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    loaded = modules_after(code)
    assert "textual" not in loaded
