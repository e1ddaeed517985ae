"""Property tests: whatever a file holds, the loader and every importer give a bank or problems with a place.

The promises each input is held to are in ``fuzz/promises.py`` and ``fuzz/targets.py``;
``fuzz/run.py`` runs the same promises (and plain play and the question screen) over a
hundred thousand inputs and more, within time and memory budgets. Here each test draws a bounded number of
examples (``EXAMPLES``) so that CI stays quick and never depends on the clock. (Which examples
Hypothesis draws can still change with the modules loaded, since it borrows their constants:
a failure names its example, and correct code passes every draw.)
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz import grammar, probes
from fuzz.budget import run_case
from fuzz.cases import FuzzInput
from fuzz.generators import input_for
from fuzz.inputs import SEEDS, TOKENS
from fuzz.promises import check_bank
from fuzz.targets import READERS, read, run_loader
from lunarquiz.banks.loader import check_text
from lunarquiz.banks.writer import dump_bank
from lunarquiz.core.model import Bank, Kind, Question
from lunarquiz.core.text import clean_text

EXAMPLES = 200

bounded = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written to the work tree; a failure prints its example
    derandomize=True,  # the same examples on every run: CI never fails by chance (fuzz/run.py explores)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

UNSAFE = {chr(code) for code in [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
UNSAFE.discard("\n")


def through_everything(data: bytes) -> None:
    for reader in READERS:
        assert read(reader, data) in ("accepted", "rejected")


SMALL = 200_000
"""Bytes at most of a generated input that the tests run in this process (larger ones need fuzz/run.py's budgets)."""


def through_the_targets(case: FuzzInput) -> None:
    """``case`` through load, validate (or import) and plain play, in this process; every result clean."""
    for result in run_case(case, ("load", "validate", "plain")):
        assert not result.failed, f"{result.target}: {result.detail}"


# -- inputs from nothing --------------------------------------------------------------


@bounded
@given(st.binary(max_size=3000))
def test_random_bytes(data: bytes) -> None:
    through_everything(data)


@bounded
@given(st.text(max_size=3000))
def test_random_text(text: str) -> None:
    through_everything(text.encode("utf-8"))


@bounded
@given(st.lists(st.sampled_from([*TOKENS, "\n", "\n\n", "moon", "A", "1"]), max_size=80))
def test_token_soup(tokens: list[str]) -> None:
    through_everything("".join(tokens).encode("utf-8"))


# -- valid files with random edits ------------------------------------------------------------

edits = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "replace"]),
        st.floats(min_value=0, max_value=1),
        st.one_of(st.sampled_from(TOKENS), st.characters(codec="utf-8"), st.text(max_size=5)),
    ),
    min_size=1,
    max_size=8,
)


@bounded
@given(st.sampled_from(SEEDS), edits)
def test_valid_files_with_random_edits(seed: str, changes: list[tuple[str, float, str]]) -> None:
    text = seed
    for kind, where, piece in changes:
        at = int(where * len(text))
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + len(piece) + 1 :]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    through_everything(text.encode("utf-8"))


# -- random YAML ---------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["lunarquiz", "id", "title", "questions", "prompt", "answer", "answers", "wrong", "feedback"]),
)
structures = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(st.text(max_size=10), children, max_size=6)
    ),
    max_leaves=40,
)


@bounded
@given(structures, st.sampled_from([None, True, False]), st.booleans())
def test_random_yaml(data: object, flow: bool | None, bank_shaped: bool) -> None:
    if bank_shaped:
        data = {"lunarquiz": 1, "id": "x", "title": "T", "questions": data}
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert run_loader("random.yaml", text) in ("accepted", "rejected")


def test_the_first_inputs_of_the_long_fuzz_run() -> None:
    """The first inputs ``python fuzz/run.py --seed 0`` makes (the small ones): the same on every run and machine."""
    for number in range(EXAMPLES):
        case = input_for(0, number)
        if len(case.data) > SMALL or case.fifo:
            continue
        for result in run_case(case, ("load", "validate", "plain")):
            if result.failed:
                replay = f"python fuzz/run.py --seed 0 --replay {number}"
                pytest.fail(f"input {number} failed {result.target}: {result.last_line}; see it again with: {replay}")


# -- structure-aware: banks and import files from the formats' grammars -----------------------

GRAMMARS = [grammar.yaml_bank, grammar.gift_file, grammar.aiken_file, grammar.csv_file, grammar.opentdb_file]


@bounded
@given(st.sampled_from(GRAMMARS), st.randoms(use_true_random=False))
def test_banks_and_import_files_from_the_grammars(make: object, rng: object) -> None:
    case = make(rng)  # type: ignore[operator]
    if len(case.data) <= SMALL:
        through_the_targets(case)


def test_the_generators_probe_each_limit_lunarquiz_names() -> None:
    for kind in ("choices", "questions"):
        limit = probes.known_limit(kind)
        if limit is not None:
            assert probes.around(limit) == [limit - 1, limit, limit + 1]
    limit = probes.known_limit("choices")
    if limit is not None:
        import random

        drawn = {probes.choice_count(random.Random(number)) for number in range(3000)}
        assert {limit - 1, limit, limit + 1, 0, 1, 11, 27} <= drawn


# -- banks written by lunarquiz, with any text in them -----------------------------------------

texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=30)


@st.composite
def banks(draw: st.DrawFn) -> Bank:
    questions = []
    for number in range(draw(st.integers(1, 4))):
        choices = draw(st.lists(texts, min_size=2, max_size=5, unique=True))
        questions.append(
            Question(
                id=f"q{number}",
                prompt=draw(texts),
                kind=Kind.SINGLE,
                answers=(choices[0],),
                wrong=tuple(choices[1:]),
                explanation=draw(texts),
                tags=tuple(draw(st.lists(texts, max_size=2, unique=True))),
                feedback=((choices[-1], draw(texts)),),
            )
        )
    return Bank(id="written", title=draw(texts), questions=tuple(questions))


@bounded
@given(banks())
def test_a_written_bank_reads_back_as_its_clean_self(bank: Bank) -> None:
    checked = check_text("written.yaml", dump_bank(bank))
    if checked.bank is None:  # e.g. two choices that differ only in control characters, or blank text
        assert checked.errors and all(problem.line > 0 for problem in checked.errors)
        return
    check_bank(checked.bank)
    for written, read_back in zip(bank.questions, checked.bank.questions, strict=True):
        assert read_back.prompt == clean_text(written.prompt)
        assert read_back.answers == (clean_text(written.answers[0]),)
        assert read_back.explanation == clean_text(written.explanation)


# -- the cleaning itself ---------------------------------------------------------------


@bounded
@given(st.text(max_size=500))
def test_clean_text_leaves_nothing_that_controls_a_terminal(text: str) -> None:
    cleaned = clean_text(text)
    assert not UNSAFE & set(cleaned)
    assert not any(0xD800 <= ord(char) <= 0xDFFF for char in cleaned)
    assert clean_text(cleaned) == cleaned
    assert len(cleaned) == len(text) and cleaned.count("\n") == text.count("\n")
    if not (UNSAFE | {"\t"}) & set(text):
        assert cleaned == text


def test_clean_text_shows_each_kind_of_character_as_documented() -> None:
    assert clean_text("a\x1b[2Jb\x07\x08\r\x00") == "a␛[2Jb␇␈␍␀"
    assert clean_text("tab\there\nnext line") == "tab here\nnext line"
    assert clean_text("del\x7f") == "del␡"
    assert clean_text("csi\x9b2J osc\x9d0;x\x9c") == "csi�2J osc�0;x�"
    assert clean_text("\u202eevil\u202c \u2066isolate\u2069") == "�evil� �isolate�"
    assert clean_text("lone \ud800 surrogate") == "lone � surrogate"
    assert clean_text("[bold]markup[/bold] stays \u00e9 \u4e2d \U0001f600") == "[bold]markup[/bold] stays é 中 😀"
