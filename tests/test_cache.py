"""The bank cache: a fresh entry is used, a stale or damaged one never is, and a lost or read-only folder is harmless."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from lunarquiz.banks import cache
from lunarquiz.banks import format as fmt
from lunarquiz.banks.cache import cache_folder, check_file_cached, entry_path
from lunarquiz.banks.discovery import load_library
from lunarquiz.banks.loader import Checked, check_file, check_text
from lunarquiz.commands.validate import run_validate

BANK = """\
lunarquiz: 1
id: cached
title: A cached bank
questions:
  - id: agency
    prompt: Which agency is Russia's?
    answer: Roscosmos
    wrong: [CNSA, NASA]
    explanation: Roscosmos is the Russian space agency.
    tags: [agencies]
  - id: open
    prompt: "True or false: the ILRS is open to other countries."
    answer: true
    explanation: Both agencies said so.
"""
"""A good bank with one warning (the second question has no tags)."""

BAD_BANK = BANK.replace("    answer: Roscosmos\n", "")
"""The same bank with an error: the first question has no answer."""


class Checks:
    """Counts the files that were really checked (not taken from the cache)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, path: str, text: str) -> Checked:
        self.count += 1
        return check_text(path, text)


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LUNARQUIZ_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Checks:
    spy = Checks()
    monkeypatch.setattr(cache, "check_text", spy)
    return spy


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "bank.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def test_a_second_load_comes_from_the_cache_and_is_the_same(bank: Path, checks: Checks) -> None:
    fresh = check_file(bank)
    assert fresh.bank is not None and fresh.warnings
    assert check_file_cached(bank) == fresh
    assert check_file_cached(bank) == fresh
    assert checks.count == 1
    assert entry_path(cache_folder(), bank).is_file()


def test_the_paths_are_the_ones_asked_for(bank: Path, checks: Checks, monkeypatch: pytest.MonkeyPatch) -> None:
    check_file_cached(bank)
    monkeypatch.chdir(bank.parent)
    checked = check_file_cached("bank.yaml")
    assert checks.count == 1
    assert checked == check_file("bank.yaml")
    assert checked.bank is not None and checked.bank.path == "bank.yaml"
    assert {problem.path for problem in checked.problems} == {"bank.yaml"}


def test_an_edited_file_is_checked_again(bank: Path, checks: Checks) -> None:
    check_file_cached(bank)
    bank.write_text(BANK.replace("Which agency is Russia's?", "Which agency is Russia's, then?"), encoding="utf-8")
    checked = check_file_cached(bank)
    assert checks.count == 2
    assert checked.bank is not None
    assert checked.bank.questions[0].prompt == "Which agency is Russia's, then?"


def test_an_edit_that_keeps_the_size_and_the_time_is_seen(bank: Path, checks: Checks) -> None:
    check_file_cached(bank)
    before = bank.stat()
    bank.write_text(BANK.replace("Roscosmos", "Roskosmos"), encoding="utf-8")
    os.utime(bank, ns=(before.st_atime_ns, before.st_mtime_ns))
    checked = check_file_cached(bank)
    assert checks.count == 2
    assert checked.bank is not None and checked.bank.questions[0].answers == ("Roskosmos",)


def test_a_file_made_bad_never_looks_good(bank: Path, checks: Checks) -> None:
    assert check_file_cached(bank).bank is not None
    bank.write_text(BAD_BANK, encoding="utf-8")
    for _ in range(2):
        checked = check_file_cached(bank)
        assert checked.bank is None
        assert checked == check_file(bank)
    assert checks.count == 2  # the bad file was checked once, then its (failing) entry was used
    bank.write_text(BANK, encoding="utf-8")
    assert check_file_cached(bank).bank is not None
    assert checks.count == 3


def test_a_file_over_the_size_limit_is_refused_even_when_cached(bank: Path, checks: Checks) -> None:
    check_file_cached(bank)
    checked = check_file_cached(bank, max_bytes=10)
    assert checked.bank is None
    assert "size limit" in checked.errors[0].message


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda blob: b"",
    "truncated": lambda blob: blob[: len(blob) // 2],
    "a byte changed": lambda blob: blob[:-10] + bytes([blob[-10] ^ 0xFF]) + blob[-9:],
    "garbage": lambda blob: os.urandom(len(blob)),
    "another program's file": lambda blob: b"\x80\x04\x95not ours",
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_entry_is_ignored_and_rebuilt(bank: Path, checks: Checks, damage: Callable[[bytes], bytes]) -> None:
    fresh = check_file_cached(bank)
    entry = entry_path(cache_folder(), bank)
    entry.write_bytes(damage(entry.read_bytes()))
    assert check_file_cached(bank) == fresh
    assert checks.count == 2
    assert check_file_cached(bank) == fresh
    assert checks.count == 2  # rebuilt, and used again


def test_an_entry_of_another_shape_is_ignored_and_rebuilt(bank: Path, checks: Checks) -> None:
    fresh = check_file_cached(bank)
    entry = entry_path(cache_folder(), bank)
    digest = hashlib.sha256(bank.read_bytes()).digest()
    cache._write_entry(entry, cache.cache_key(), digest, ("not", "a", "bank"))
    assert check_file_cached(bank) == fresh
    assert checks.count == 2


@pytest.mark.parametrize(
    ("name", "other"),
    [("__version__", "0.0.1"), ("CACHE_SCHEMA", 0), ("_validator_sources", lambda: (("banks/reader.py", 1, 2),))],
    ids=["lunarquiz version", "cache schema", "validator source"],
)
def test_an_entry_written_by_another_version_is_not_used(
    bank: Path, checks: Checks, monkeypatch: pytest.MonkeyPatch, name: str, other: object
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(cache, name, other)
        check_file_cached(bank)
    check_file_cached(bank)
    assert checks.count == 2
    check_file_cached(bank)
    assert checks.count == 2


def test_an_entry_written_for_another_format_version_is_not_used(
    bank: Path, checks: Checks, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(fmt, "FORMAT_VERSION", 2)  # a lunarquiz whose format is 2 finds `lunarquiz: 1` wrong
        assert check_file_cached(bank).bank is None
    checked = check_file_cached(bank)
    assert checks.count == 2
    assert checked.bank is not None


def test_deleting_the_cache_folder_is_harmless(bank: Path, checks: Checks, cache_dir: Path) -> None:
    fresh = check_file_cached(bank)
    shutil.rmtree(cache_dir)
    assert check_file_cached(bank) == fresh
    assert entry_path(cache_folder(), bank).is_file()
    assert checks.count == 2


def test_a_cache_folder_that_cannot_be_made_is_harmless(
    bank: Path, checks: Checks, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LUNARQUIZ_CACHE_DIR", str(blocker))
    fresh = check_file(bank)
    assert check_file_cached(bank) == fresh
    assert check_file_cached(bank) == fresh
    assert checks.count == 2


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_cache_folder_is_harmless(bank: Path, checks: Checks, cache_dir: Path) -> None:
    cache_folder().mkdir(parents=True)
    cache_folder().chmod(0o500)
    try:
        fresh = check_file(bank)
        assert check_file_cached(bank) == fresh
        assert check_file_cached(bank) == fresh
        assert checks.count == 2
    finally:
        cache_folder().chmod(0o700)


def test_no_temporary_file_is_left_behind(bank: Path, tmp_path: Path) -> None:
    for number in range(3):
        bank.write_text(BANK.replace("Russia's", f"Russia's ({number})"), encoding="utf-8")
        check_file_cached(bank)
    assert [path.name for path in cache_folder().iterdir()] == [entry_path(cache_folder(), bank).name]


def test_the_entries_used_last_are_kept(tmp_path: Path, checks: Checks, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    banks = []
    for number in range(5):
        path = tmp_path / f"bank-{number}.yaml"
        path.write_text(BANK, encoding="utf-8")
        banks.append(path)
    for path in banks[:3]:
        check_file_cached(path)
    past = 1_000_000_000
    for age, path in enumerate(banks[:3]):  # bank-0 is the oldest, then bank-1, then bank-2
        os.utime(entry_path(cache_folder(), path), (past + age, past + age))
    check_file_cached(banks[0])  # used again: now the newest
    check_file_cached(banks[3])
    check_file_cached(banks[4])
    kept = {path.name for path in cache_folder().iterdir()}
    assert kept == {entry_path(cache_folder(), path).name for path in (banks[0], banks[3], banks[4])}


def test_a_crashed_writers_leftover_is_removed(bank: Path) -> None:
    check_file_cached(bank)
    leftover = cache_folder() / ".crashed.part"
    leftover.write_bytes(b"half an entry")
    os.utime(leftover, (1_000_000_000, 1_000_000_000))
    bank.write_text(BANK.replace("Russia's", "Russia's own"), encoding="utf-8")
    check_file_cached(bank)
    assert not leftover.exists()


def test_loading_the_library_uses_the_cache(bank: Path, checks: Checks) -> None:
    first = load_library([bank])
    second = load_library([bank])
    assert checks.count == 1
    assert first == second and len(second.banks) == 1


def test_validate_prints_the_same_from_the_cache(bank: Path, checks: Checks) -> None:
    outputs = []
    for _ in range(2):
        out = io.StringIO()
        assert run_validate([str(bank)], strict=True, out=out) == 1  # one warning
        outputs.append(out.getvalue())
    assert checks.count == 1
    assert outputs[0] == outputs[1]
    assert "warning: the question has no tags" in outputs[1]


def _every_builtin_bank() -> list[Path]:
    from lunarquiz.banks.discovery import builtin_banks_dir

    return sorted(builtin_banks_dir().glob("*.yaml"))


@pytest.mark.parametrize("path", _every_builtin_bank(), ids=lambda path: path.stem)
def test_every_builtin_bank_comes_back_from_the_cache_as_it_was_read(path: Path, checks: Checks) -> None:
    fresh = check_file_cached(path)
    cached = check_file_cached(path)
    assert checks.count == 1
    assert cached == fresh and cached.bank is not None
    for question, original in zip(cached.bank.questions, fresh.bank.questions, strict=True):  # type: ignore[union-attr]
        assert question == original
        assert type(question.kind) is type(original.kind) and question.kind is original.kind


def test_cached_questions_are_as_frozen_as_read_ones(bank: Path, checks: Checks) -> None:
    import dataclasses

    check_file_cached(bank)
    cached = check_file_cached(bank)
    assert checks.count == 1 and cached.bank is not None
    question = cached.bank.questions[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        question.prompt = "changed"  # type: ignore[misc]
    assert hash(question) == hash(check_file(bank).bank.questions[0])  # type: ignore[union-attr]


def test_questions_are_built_with_their_constructor_when_they_cannot_be_filled_slot_by_slot(
    bank: Path, checks: Checks, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = check_file_cached(bank)
    monkeypatch.setattr(cache, "_QUESTION_SLOTS", None)
    assert check_file_cached(bank) == fresh
    assert checks.count == 1


def test_equal_values_are_stored_once(tmp_path: Path) -> None:
    questions = "".join(
        f"  - id: q{n}\n    prompt: Question {n}?\n    answer: the Moon\n    wrong: [the Sun]\n    tags: [moon, orbit]\n"
        for n in range(50)
    )
    path = tmp_path / "many.yaml"
    path.write_text(f"lunarquiz: 1\nid: many\ntitle: Many\nquestions:\n{questions}", encoding="utf-8")
    check_file_cached(path)
    cached = check_file_cached(path)
    assert cached.bank is not None
    first, *others = cached.bank.questions
    assert all(question.tags is first.tags and question.answers is first.answers for question in others)
