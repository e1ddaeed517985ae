"""Only regular files are read as banks, imports or articles: a named pipe, a socket or a device is refused.

Opening a named pipe for reading waits until something writes to it, so a command given
one used to hang forever. Each case that could hang runs lunarquiz in a child process with
a time-out, so that a hang fails the test instead of stopping the suite.
"""

from __future__ import annotations

import io
import os
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from lunarquiz.banks.discovery import load_library
from lunarquiz.banks.loader import read_limited

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")

ROOT = Path(__file__).resolve().parent.parent
TIME_OUT = 20
"""Seconds a command may take before it counts as hung (it takes well under one)."""

FIFO_MESSAGE = "error: this is a named pipe (FIFO), not a regular file; lunarquiz reads only regular files"

BANK = """\
lunarquiz: 1
id: moon
title: The Moon
questions:
  - id: first
    prompt: Who walked on the Moon first?
    answer: Neil Armstrong
    wrong: [Buzz Aldrin, Yuri Gagarin]
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``lunarquiz ARGS`` in a child process; a hang becomes a failure after TIME_OUT seconds."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "lunarquiz", *args],
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=TIME_OUT,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"lunarquiz {' '.join(args)} still ran after {TIME_OUT} s: it waits on the named pipe")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "moon.yaml"
    os.mkfifo(path)
    return path


def test_validate_refuses_a_named_pipe(fifo: Path) -> None:
    result = run("validate", fifo.name, cwd=fifo.parent)
    assert result.returncode == 1
    assert f"moon.yaml: {FIFO_MESSAGE}" in result.stdout


def test_play_refuses_a_named_pipe(fifo: Path) -> None:
    result = run("play", "--plain", "--bank", fifo.name, "--player", "ada", cwd=fifo.parent)
    assert result.returncode == 1
    assert f"moon.yaml: {FIFO_MESSAGE}" in result.stderr + result.stdout


def test_import_refuses_a_named_pipe(tmp_path: Path) -> None:
    source = tmp_path / "quiz.gift"
    os.mkfifo(source)
    result = run("import", source.name, "-o", "out.yaml", cwd=tmp_path)
    assert result.returncode != 0
    assert f"quiz.gift: {FIFO_MESSAGE}" in result.stderr + result.stdout
    assert not (tmp_path / "out.yaml").exists()


def test_generate_refuses_a_named_pipe_as_the_article(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    os.mkfifo(article)
    result = run("generate", article.name, "-o", "draft.yaml", cwd=tmp_path)
    assert result.returncode != 0
    assert f"article.txt: {FIFO_MESSAGE}" in result.stderr + result.stdout


def test_the_article_reader_refuses_a_named_pipe(tmp_path: Path) -> None:
    """What the Generate screen calls (``draft_from_file``) answers at once, in a process of its own."""
    article = tmp_path / "article.txt"
    os.mkfifo(article)
    code = (
        "from lunarquiz.generate.from_file import DraftError, draft_from_file\n"
        "try:\n    draft_from_file('article.txt')\nexcept DraftError as error:\n    print(error)\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=TIME_OUT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("draft_from_file waited on the named pipe")
    assert result.stdout.strip().startswith(f"article.txt: {FIFO_MESSAGE}")


def test_a_named_pipe_in_a_banks_folder_is_reported_and_the_rest_load(tmp_path: Path) -> None:
    """Not skipped unseen, not waited on: the folder's other banks still load."""
    (tmp_path / "good.yaml").write_text(BANK, encoding="utf-8")
    os.mkfifo(tmp_path / "x.yaml")
    os.mkfifo(tmp_path / "notes.txt")  # not a bank file by its name: left alone
    (tmp_path / ".#good.yaml").symlink_to("someone@host.1234")  # an editor's lock: a broken link
    result = run("validate", str(tmp_path), cwd=tmp_path)
    assert f"x.yaml: {FIFO_MESSAGE}" in result.stdout
    assert "notes.txt" not in result.stdout
    assert ".#good.yaml" not in result.stdout
    assert "2 files checked, 1 questions loaded, 1 error" in result.stdout
    library = load_library([tmp_path])  # safe in this process now that the child did not hang
    assert [bank.id for bank in library.banks] == ["moon"]
    assert [checked.problems[0].message for checked in library.failed] == [FIFO_MESSAGE.removeprefix("error: ")]


@pytest.fixture
def socket_path() -> Iterator[Path]:
    """A listening Unix socket named like a bank (in a short folder: socket paths are limited to ~100 bytes)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.yaml"
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(str(path))
            server.listen(1)
            yield path
        finally:
            server.close()


def test_a_socket_is_refused_by_what_it_is(socket_path: Path) -> None:
    data, problems = read_limited(socket_path)
    assert data is None
    assert [problem.format() for problem in problems] == [
        f"{socket_path}: error: this is a socket, not a regular file; lunarquiz reads only regular files "
        "(hint: save the content to a regular file and name that file)"
    ]


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        (stat.S_IFIFO, "a named pipe (FIFO)"),
        (stat.S_IFSOCK, "a socket"),
        (stat.S_IFCHR, "a character device (like a terminal or /dev/null)"),
        (stat.S_IFBLK, "a block device (a disk)"),
    ],
)
def test_each_kind_of_file_is_named(mode: int, kind: str) -> None:
    """Devices are told apart by their mode alone: no test opens a real device."""
    from lunarquiz.banks.loader import describe_kind

    assert describe_kind(mode | 0o644) == kind


def test_a_device_is_refused_before_it_is_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A path whose ``stat`` says character device is refused, and never opened."""
    path = tmp_path / "tty.yaml"
    path.write_text(BANK, encoding="utf-8")
    real_stat = os.stat

    def device_stat(target: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real_stat(target, *args, **kwargs)  # type: ignore[arg-type]
        if str(target) != str(path):
            return found
        fields = list(found)
        fields[stat.ST_MODE] = stat.S_IFCHR | 0o666
        return os.stat_result(fields)

    def no_open(*args: object, **kwargs: object) -> int:
        raise AssertionError("a device was opened")

    monkeypatch.setattr(os, "stat", device_stat)
    monkeypatch.setattr(os, "open", no_open)
    data, problems = read_limited(path)
    assert data is None
    assert problems[0].message.startswith("this is a character device (like a terminal or /dev/null)")


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not "no bank files found": the folder and the system's reason (root can read any folder, so a fake)."""
    from lunarquiz.banks.discovery import find_bank_files
    from lunarquiz.commands.validate import run_validate

    locked = tmp_path / "banks"
    locked.mkdir()
    (locked / "moon.yaml").write_text(BANK, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    out = io.StringIO()
    assert run_validate([str(locked)], strict=False, out=out) == 1
    assert "no bank files found" not in out.getvalue()
    assert f"{locked}: error: cannot list this folder: Permission denied" in out.getvalue()
    assert out.getvalue().rstrip().endswith("failed: 0 files checked, 0 questions loaded, 1 error")
    found = find_bank_files([locked])
    assert found.files == ()
    assert [problem.message for problem in found.problems] == ["cannot list this folder: Permission denied"]
    library = load_library([locked])
    assert library.banks == ()
    assert library.failed[0].problems[0].message == "cannot list this folder: Permission denied"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can list any folder")
def test_an_unreadable_folder_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "banks"
    locked.mkdir()
    (locked / "moon.yaml").write_text(BANK, encoding="utf-8")
    locked.chmod(0)
    try:
        result = run("validate", "banks", cwd=tmp_path)
    finally:
        locked.chmod(0o755)
    assert "banks: error: cannot list this folder: Permission denied" in result.stdout


def test_a_path_through_a_file_says_why(tmp_path: Path) -> None:
    (tmp_path / "moon.yaml").write_text(BANK, encoding="utf-8")
    result = run("validate", "moon.yaml/more.yaml", cwd=tmp_path)
    assert "moon.yaml/more.yaml: error: cannot read the file: Not a directory" in result.stdout
