"""Commands that draw no screen import no Textual: each is run in a fresh process that then looks in sys.modules."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from benchmarks.processes import child_env, measure, python

PROBE = """\
import contextlib, io, json, sys
from lunarquiz.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exit:
        code = exit.code
print(json.dumps({"textual": "textual" in sys.modules, "code": code, "output": out.getvalue()[-300:]}))
"""

GIFT = "::sum:: What is two and two? {=four ~three ~five}\n"


@dataclass(frozen=True, slots=True)
class Probe:
    """What one command did: its exit code, whether Textual was imported, the end of its output."""

    command: str
    textual: bool
    code: object
    output: str

    @property
    def missing(self) -> bool:
        """Whether this lunarquiz has no such command (yet)."""
        return self.code == 2 and "invalid choice" in self.output


def command_lines(small_bank: Path, folder: Path) -> dict[str, list[str]]:
    """Each command that draws no screen, with arguments that make it do its work."""
    gift = folder / "questions.gift"
    gift.write_text(GIFT, encoding="utf-8")
    return {
        "validate": ["validate", str(small_bank)],
        "import": ["import", str(gift), "--from", "gift", "-o", str(folder / "imported.yaml")],
        "export": ["export", str(small_bank), "--to", "gift", "-o", str(folder / "exported.gift")],
        "stats": ["stats"],
        "results": ["results"],
        "schema": ["schema"],
        "banks": ["banks"],
    }


def probe(command: str, argv: list[str], data_dir: Path, cache_dir: Path) -> Probe:
    """Run ``lunarquiz argv`` in a fresh process and see whether Textual was imported."""
    run = measure(python("-c", PROBE, *argv), child_env(data_dir, cache_dir))
    lines = run.output.strip().splitlines()
    if run.code != 0 or not lines:
        raise RuntimeError(f"lunarquiz {command} crashed: {run.output[-400:]}")
    found = json.loads(lines[-1])
    return Probe(command, bool(found["textual"]), found["code"], str(found["output"]))
