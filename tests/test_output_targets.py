"""Commands that write where they are told (-o, new) replace only regular files: never a pipe, device or link.

A named pipe (FIFO) in a temporary folder stands for a device: writing a temporary file and
renaming it over the name would turn either into a regular file. No test touches a real device.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from lunarquiz.commands.export_bank import run_export
from lunarquiz.commands.generate import run_generate
from lunarquiz.commands.import_bank import run_import
from lunarquiz.commands.new_bank import run_new

GIFT = "::sum:: What is two and two? {=four ~three ~five}\n"
BANK = """\
lunarquiz: 1
id: tiny
title: Tiny
questions:
  - id: sum
    prompt: What is two and two?
    answer: four
    wrong: [three, five]
"""
ARTICLE = "# The Moon\n\nApollo 11 landed on the Moon in 1969. NASA ran the programme from 1961 to 1972.\n"

Writer = Callable[[Path], tuple[int, str]]
"""Runs one command writing to the given name: (exit code, what it printed on standard error)."""


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "questions.gift").write_text(GIFT, encoding="utf-8")
    (tmp_path / "tiny.yaml").write_text(BANK, encoding="utf-8")
    (tmp_path / "moon.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def run_import_to(folder: Path, output: str) -> tuple[int, str]:
    err = io.StringIO()
    code = run_import(str(folder / "questions.gift"), output, bank_id="imported", out=io.StringIO(), err=err)
    return code, err.getvalue()


def run_export_to(folder: Path, output: str) -> tuple[int, str]:
    err = io.StringIO()
    return run_export(str(folder / "tiny.yaml"), output, to="csv", out=io.StringIO(), err=err), err.getvalue()


def run_generate_to(folder: Path, output: str) -> tuple[int, str]:
    err = io.StringIO()
    code = run_generate(str(folder / "moon.txt"), output, bank_id="moon", out=io.StringIO(), err=err)
    return code, err.getvalue()


def run_new_to(folder: Path, output: str) -> tuple[int, str]:
    err = io.StringIO()
    return run_new(output, force=True, out=io.StringIO(), err=err), err.getvalue()


WRITERS = {"import": run_import_to, "export": run_export_to, "generate": run_generate_to, "new --force": run_new_to}


@pytest.fixture(params=list(WRITERS))
def write(request: pytest.FixtureRequest, files: Path) -> Writer:
    command = WRITERS[request.param]
    return lambda target: command(files, str(target))


@pytest.fixture
def fifo(files: Path) -> Iterator[Path]:
    """A named pipe named like a bank file, with its reading end held open (so no writer can block on it)."""
    path = files / "pipe.yaml"
    os.mkfifo(path)
    reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        yield path
    finally:
        os.close(reader)


def kind(path: Path) -> str:
    mode = os.lstat(path).st_mode
    return "fifo" if stat.S_ISFIFO(mode) else "link" if stat.S_ISLNK(mode) else "file" if stat.S_ISREG(mode) else "?"


def test_a_named_pipe_is_refused_and_left_as_it_is(write: Writer, fifo: Path) -> None:
    code, err = write(fifo)
    assert code == 1
    assert kind(fifo) == "fifo"
    assert f"{fifo}: error: this is a named pipe (FIFO), not a regular file" in err


def test_a_link_to_a_named_pipe_is_refused(write: Writer, fifo: Path) -> None:
    link = fifo.with_name("link.yaml")
    link.symlink_to(fifo)
    code, err = write(link)
    assert code == 1
    assert kind(link) == "link" and kind(fifo) == "fifo"
    assert "symbolic link" in err and str(fifo) in err


def test_a_link_to_a_file_outside_the_folder_is_not_replaced_or_followed(write: Writer, files: Path) -> None:
    outside = files.parent / f"{files.name}-outside"
    outside.mkdir()
    target = outside / "notes.yaml"
    target.write_text("the teacher's notes\n", encoding="utf-8")
    link = files / "bank.yaml"
    link.symlink_to(target)
    code, err = write(link)
    assert code == 1
    assert kind(link) == "link" and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "the teacher's notes\n"
    assert f"{link}: error: this is a symbolic link to {str(target)!r}" in err


def test_a_regular_file_is_still_replaced(write: Writer, files: Path) -> None:
    target = files / "old.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    code, err = write(target)
    assert code == 0, err
    assert kind(target) == "file" and target.read_text(encoding="utf-8") != "old\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert not [name for name in os.listdir(files) if name.endswith(".tmp")]


def test_a_new_file_is_written(write: Writer, files: Path) -> None:
    code, err = write(files / "fresh.yaml")
    assert code == 0, err
    assert kind(files / "fresh.yaml") == "file"


def test_import_is_refused_before_the_work_is_done(files: Path, fifo: Path) -> None:
    code, err = run_import_to(files, str(fifo))
    assert code == 1
    assert err.splitlines() == [
        f"{fifo}: error: this is a named pipe (FIFO), not a regular file; give the name of a file to write"
    ]


def test_dash_still_prints_to_standard_output(files: Path) -> None:
    out = io.StringIO()
    assert run_import(str(files / "questions.gift"), "-", bank_id="imported", out=out, err=io.StringIO()) == 0
    assert "\nlunarquiz: 1\n" in out.getvalue()


def test_new_without_force_refuses_a_pipe_as_a_pipe(fifo: Path) -> None:
    err = io.StringIO()
    assert run_new(str(fifo), force=False, out=io.StringIO(), err=err) == 1
    assert kind(fifo) == "fifo"
    assert "named pipe" in err.getvalue()


def test_new_without_force_does_not_write_through_a_dangling_link(files: Path) -> None:
    missing = files.parent / f"{files.name}-elsewhere.yaml"
    link = files / "starter.yaml"
    link.symlink_to(missing)
    err = io.StringIO()
    assert run_new(str(link), force=False, out=io.StringIO(), err=err) == 1
    assert not missing.exists() and kind(link) == "link"
