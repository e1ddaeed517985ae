"""Worst-case banks at every limit of ``lunarquiz.banks.limits``: time to the first question and peak memory.

Each bank is as costly as the limits let a bank be in one way (the most choices, each field at
its longest, the most questions, values, characters of wide text, bytes); each is measured in
a fresh process, from an empty bank cache: ``lunarquiz validate``, ``lunarquiz play`` to its
first question on an 80x24 pseudo-terminal (and again with the cache filled), and
``lunarquiz play --plain``. The budget of every figure: 5 s and 400 MB.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from benchmarks.banks import MARKER, write_small_bank
from benchmarks.figures import Figure, median
from benchmarks.processes import ROOT, child_env, python
from lunarquiz.banks.limits import (
    MAX_BANK_BYTES,
    MAX_CHOICES,
    MAX_NODES,
    MAX_QUESTIONS,
    MAX_TAGS,
    MAX_TEXT_CHARACTERS,
    TEXT_LIMITS,
)

SECONDS_BUDGET = 5.0
MEGABYTES_BUDGET = 400.0

LAUNCHER = r"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time
needle, timeout, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
escape = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1bP[^\x1b]*\x1b\\|\x1b[ -/]*[0-~]"
)
wanted = "".join(needle.split()).encode()
start = time.perf_counter()
if needle:
    pid, reader = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
else:
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(writer, 1)
        os.dup2(writer, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    os.close(writer)
received, elapsed = bytearray(), None
while time.perf_counter() - start < timeout:
    ready, _, _ = select.select([reader], [], [], 0.5)
    if not ready:
        continue
    try:
        chunk = os.read(reader, 1 << 16)
    except OSError:
        break
    if not chunk:
        break
    received += chunk
    if needle and wanted in b"".join(escape.sub(b"", bytes(received)).split()):
        elapsed = time.perf_counter() - start
        break
if needle:
    os.kill(pid, signal.SIGKILL)
_, status, usage = os.wait4(pid, 0)
if not needle:
    elapsed = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
tail = escape.sub(b"", bytes(received))[-400:].decode("utf-8", "replace")
print(json.dumps([elapsed, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, code, tail]))
"""
"""Runs a program and reports its seconds, peak memory and processor time (``wait4``), and how it ended.

With a text to wait for, the program runs on an 80x24 pseudo-terminal until the text is on its
screen, then it is killed; without one, it runs to its end with no input. The launcher runs as
``python -S``, a few MB, so the program's peak does not count a copy of the benchmark's memory
from before ``exec``."""


@dataclass(frozen=True, slots=True)
class Worst:
    """A worst-case bank: what it pushes to its limit, and its text."""

    name: str
    what: str
    text: str


def _question(
    number: int,
    *,
    prompt: str,
    choices: list[str],
    explanation: str = "",
    tags: list[str] | None = None,
    source: str = "",
    feedback: list[tuple[str, str]] | None = None,
) -> str:
    lines = [
        f"  - id: q{number:05d}",
        f"    prompt: {json.dumps(f'{MARKER} {number}: {prompt}', ensure_ascii=False)}",
        f"    answer: {json.dumps(choices[0], ensure_ascii=False)}",
        f"    wrong: {json.dumps(choices[1:], ensure_ascii=False)}",
    ]
    if explanation:
        lines.append(f"    explanation: {json.dumps(explanation, ensure_ascii=False)}")
    if tags:
        lines.append(f"    tags: {json.dumps(tags)}")
    if source:
        lines.append(f"    source: {json.dumps(source)}")
    if feedback:
        lines.append("    feedback:")
        lines += [f"      {json.dumps(key, ensure_ascii=False)}: {json.dumps(text)}" for key, text in feedback]
    return "\n".join(lines) + "\n"


def _header(bank_id: str, **fields: str) -> str:
    extra = "".join(f"{name}: {json.dumps(value)}\n" for name, value in fields.items())
    return f"lunarquiz: 1\nid: {bank_id}\ntitle: Worst case {bank_id}\n{extra}questions:\n"


def _scalars(text: str) -> tuple[int, int]:
    """The values and the characters of text in ``text``, as the limits count them."""
    values = characters = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.ScalarEvent):
            values, characters = values + 1, characters + len(event.value)
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            values += 1
    return values, characters


def _fill(header: str, make: Callable[[int], str], scale: float) -> str:
    """``header``, then as many questions ``make(n)`` as the limits let a bank hold (times ``scale``)."""
    values, characters = _scalars(header)
    most_values, most_characters = _scalars(header + make(MAX_QUESTIONS))
    each_values, each_characters = most_values - values, most_characters - characters
    count = min(
        MAX_QUESTIONS, (MAX_NODES - values) // each_values, (MAX_TEXT_CHARACTERS - characters) // each_characters
    )
    return header + "".join(make(number) for number in range(int(count * scale)))


def _choices(length: int, tag: str = "") -> list[str]:
    return [f"{letter}{tag} " + "c" * (length - len(tag) - 2) for letter in "ABCDEFGHIJ"[:MAX_CHOICES]]


def worst_cases(scale: float = 1.0) -> Iterator[Worst]:
    """Each worst-case bank; ``scale`` below 1 makes smaller ones (``--quick``)."""
    # The most choices, each as long as a choice may be.
    longest = _choices(TEXT_LIMITS["choice"])
    yield Worst(
        "choices",
        f"{MAX_CHOICES} choices of {TEXT_LIMITS['choice']} characters a question",
        _fill(_header("choices"), lambda n: _question(n, prompt="which?", choices=longest), scale),
    )
    # Every field at its longest, the first question too (the one shown).
    header = _header(
        "fields",
        description="d" * TEXT_LIMITS["description"],
        language="l" * TEXT_LIMITS["language"],
        source="s" * TEXT_LIMITS["source"],
    ).replace("title: Worst case fields", "title: " + "T" * TEXT_LIMITS["title"])

    def every_field(n: int) -> str:
        return _question(
            n,
            prompt="p " * ((TEXT_LIMITS["prompt"] - 30) // 2),
            choices=longest,
            explanation="e " * (TEXT_LIMITS["explanation"] // 2),
            tags=[f"{t}" + "t" * (TEXT_LIMITS["tag"] - 2) for t in range(MAX_TAGS)],
            source="s" * TEXT_LIMITS["source"],
            feedback=[(choice, "f " * (TEXT_LIMITS["feedback"] // 2)) for choice in longest],
        )

    yield Worst("fields", "every field at its longest", _fill(header, every_field, scale))
    # The most questions, each with as many values and characters as the other limits leave.
    short = [f"choice {letter} of q" for letter in "abcdefghij"[:MAX_CHOICES]]

    def busy(n: int) -> str:
        return _question(
            n,
            prompt="which of these is the one that the question is about? " * 4,
            choices=short,
            explanation="because it is the one that the text names " * 8,
            tags=[f"tag{t}" for t in range(4)],
            source="paragraph 12",
        )

    yield Worst(
        "questions",
        f"{MAX_QUESTIONS:,} questions of 10 choices and 4 tags, as many values and characters as they may",
        _fill(_header("questions"), busy, scale),
    )
    # The most values, each of one character.
    ones = list("abcdefghij"[:MAX_CHOICES])

    def tiny(n: int) -> str:
        return _question(
            n, prompt="?", choices=ones, tags=list("klmnopqrst"[:MAX_TAGS]), feedback=[(c, "f") for c in ones]
        )

    yield Worst(
        "values",
        f"{MAX_NODES:,} values of one character",
        _fill(_header("values"), tiny, scale),
    )
    # The most characters, as wide text: one character past U+FFFF makes Python keep 4 bytes for each.
    wide = "🌕" + "w" * (TEXT_LIMITS["prompt"] - 40)

    def wide_text(n: int) -> str:
        return _question(
            n, prompt=wide, choices=["🌕 yes", "no"], explanation="🌕" + "w" * (TEXT_LIMITS["explanation"] - 1)
        )

    yield Worst(
        "characters",
        f"{MAX_TEXT_CHARACTERS:,} characters, each text wide (4 bytes a character)",
        _fill(_header("characters"), wide_text, scale),
    )
    # The biggest file: a small bank, then comments up to the size limit, with a wide character.
    small = _header("bytes") + _question(0, prompt="which?", choices=["yes", "no"])
    line = "# 🌕 " + "x" * 1000 + "\n"
    room = int((MAX_BANK_BYTES - len(small.encode()) - 10) * scale)
    comments = line * (room // len(line.encode()))
    yield Worst("bytes", f"{MAX_BANK_BYTES // 1024 // 1024} MiB: one question, then comments", small + comments)


@dataclass(frozen=True, slots=True)
class Cost:
    """What one program took on one bank: seconds (to the first question, or to its end), peak bytes,
    and processor seconds (what the wall time would be on an idle machine, within a little)."""

    seconds: float
    max_rss: int
    cpu: float


def _run(argv: list[str], env: dict[str, str], needle: str = "", timeout: float = 120.0) -> Cost:
    """``argv`` to the first ``needle`` on a terminal, or (without one) to its end, which must be a success."""
    report = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, needle, str(timeout), *argv],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed, max_rss, cpu, code, tail = json.loads(report.stdout)
    if elapsed is None:
        raise RuntimeError(f"{needle!r} did not show in {timeout:g} s; the screen showed {tail[-300:]!r}")
    if not needle and code != 0:  # every worst case is a bank that loads
        raise RuntimeError(f"exit {code}: {tail}")
    return Cost(float(elapsed), int(max_rss), float(cpu))


PROGRAMS = ("validate", "play", "play, warm cache", "play --plain")
"""What is measured on each bank."""


def costs(bank: Path, data_dir: Path) -> dict[str, Cost]:
    """Each program on ``bank``, the first three from an empty bank cache, each in a fresh process."""
    found = {}
    validate = python("-m", "lunarquiz", "validate", str(bank))
    play = python("-m", "lunarquiz", "play", "--bank", str(bank), "--questions", "1")
    for program in PROGRAMS:
        cache = Path(tempfile.mkdtemp(prefix="cache-", dir=data_dir))
        env = child_env(data_dir, cache, TERM="xterm-256color")
        if program == "validate":
            found[program] = _run(validate, env)
        elif program == "play --plain":
            found[program] = _run([*play, "--plain"], env)  # no input: the first question, then the round ends
        else:
            if program == "play, warm cache":
                _run(validate, env)
            found[program] = _run(play, env, MARKER)
        shutil.rmtree(cache, ignore_errors=True)
    return found


def _median_costs(runs: list[dict[str, Cost]]) -> dict[str, Cost]:
    return {
        program: Cost(
            median([run[program].seconds for run in runs]),
            int(median([run[program].max_rss for run in runs])),
            median([run[program].cpu for run in runs]),
        )
        for program in PROGRAMS
    }


def _shown(cost: Cost) -> str:
    return f"{cost.seconds:.2f} s ({cost.cpu:.2f} cpu), {cost.max_rss / 1e6:.0f} MB"


def figures(folder: Path, data_dir: Path, runs: int, *, quick: bool) -> list[Figure]:
    """Every program on every worst-case bank (median of ``runs``), against the same program on a small bank."""
    scale = 0.05 if quick else 1.0
    small = write_small_bank(folder)
    baseline = _median_costs([costs(small, data_dir) for _ in range(runs)])
    found = []
    for worst in worst_cases(scale):
        path = folder / f"worst-{worst.name}.yaml"
        path.write_text(worst.text, encoding="utf-8")
        size = path.stat().st_size
        print(f"  {worst.name}: {size / 1e6:.1f} MB ...", file=sys.stderr, flush=True)
        measured = _median_costs([costs(path, data_dir) for _ in range(runs)])
        for number, program in enumerate(PROGRAMS):
            cost, base = measured[program], baseline[program]
            ok = cost.seconds <= SECONDS_BUDGET and cost.max_rss / 1e6 <= MEGABYTES_BUDGET
            note = f"{worst.what}; {size / 1e6:.1f} MB file" if number == 0 else ""
            found.append(
                Figure(
                    f"limits: {worst.name}, {program}",
                    _shown(cost),
                    _shown(base),
                    cost.seconds / base.seconds,
                    f"<= {SECONDS_BUDGET:g} s, <= {MEGABYTES_BUDGET:g} MB",
                    ok,
                    note=note,
                )
            )
        path.unlink()
    found[0] = replace(
        found[0],
        note=f"{found[0].note}; median of {runs} fresh processes each; play: to the first question on an 80x24 "
        "terminal; validate, and play --plain with no input (the first question, then the round ends): to "
        "the end; baseline: the same on a 3-question bank; ratio: of the seconds",
    )
    return found
