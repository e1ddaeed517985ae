"""Every generator of fuzz inputs with its weight, and input number N of a seeded run.

Structure-aware generators (``fuzz.grammar``) make banks and import files; ``fuzz.recipes``
remakes known worst cases with random sizes; ``fuzz.inputs`` edits valid files at the
level of text and bytes and makes random YAML, token soup and bytes.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from fuzz import grammar, inputs, probes, recipes
from fuzz.cases import FORMATS, FuzzInput
from lunarquiz.banks.limits import MAX_DEPTH

Generator = Callable[[random.Random], FuzzInput]


def _bytes(name: str, make: Callable[[random.Random], bytes]) -> Generator:
    """A generator of ``fuzz.inputs``, whose bytes go to every reader."""

    def generate(rng: random.Random) -> FuzzInput:
        return FuzzInput(name, "any", make(rng))

    generate.__name__ = name
    return generate


def mutated_structure(rng: random.Random) -> FuzzInput:
    """A small structured input with random edits to its text or its bytes."""
    base = rng.choice([grammar.yaml_bank, grammar.gift_file, grammar.aiken_file, grammar.csv_file])(rng)
    if len(base.data) > 20_000:
        return base
    if rng.random() < 0.7:
        data = inputs.text_edits(rng, base.data.decode("utf-8", "surrogatepass")).encode("utf-8", "surrogatepass")
    else:
        data = inputs.byte_edits(rng, bytearray(base.data))
    return FuzzInput("mutated-structure", base.format, data)


def random_recipe(rng: random.Random) -> FuzzInput:
    """A known worst case (``fuzz.recipes``) with sizes around lunarquiz's limits."""
    form = rng.choice(FORMATS)
    choices = probes.limit_or_stand_in("choices")
    questions = probes.limit_or_stand_in("questions")
    options: list[dict[str, object]] = [
        {
            "recipe": "many_choices",
            "choices": rng.choice([11, 27, 63, *probes.around(choices), 20_000]),
            "format": form,
        },
        {"recipe": "many_questions", "questions": rng.choice(probes.around(questions)), "format": form},
        {"recipe": "many_questions", "questions": 20_000, "format": form, "same_prompt": True},
        {
            "recipe": "at_limit",
            "kind": rng.choice(["choices", "field", "choice", "questions", "total"]),
            "offset": rng.choice([-1, 0, 1]),
        },
        {"recipe": "long_field", "chars": probes.field_length(rng), "field": rng.choice(["prompt", "answer", "wrong"])},
        {"recipe": "big_number", "digits": rng.choice([4301, 5000]), "where": "question", "format": "opentdb"},
        {"recipe": "big_number", "digits": 5000, "where": rng.choice(["version", "time_limit"]), "format": "yaml"},
        {"recipe": "zero_width", "where": rng.choice(["prompt", "choice", "lookalike"]), "format": form},
        {
            "recipe": "deep",
            "depth": rng.choice([MAX_DEPTH - 4, MAX_DEPTH - 3, MAX_DEPTH + 1, 1000]),
            "flow": rng.random() < 0.5,
        },
    ]
    if rng.random() < 0.02:
        options = [{"recipe": "pipe", "format": rng.choice(["yaml", "gift"])}]
    elif rng.random() < 0.02:
        options = [{"recipe": "short_values", "values": 1_000_000}, {"recipe": "long_scalars", "total": 32_000_000}]
    return recipes.make(rng.choice(options))


GENERATORS: list[tuple[float, Generator]] = [
    (0.22, grammar.yaml_bank),
    (0.06, grammar.gift_file),
    (0.06, grammar.aiken_file),
    (0.06, grammar.csv_file),
    (0.06, grammar.opentdb_file),
    (0.08, mutated_structure),
    (0.02, random_recipe),
    (0.14, _bytes("mutated-seed", inputs.mutated_seed)),
    (0.05, _bytes("edited-values", inputs.edited_values)),
    (0.05, _bytes("random-bank", inputs.random_bank)),
    (0.05, _bytes("mutated-bytes", inputs.mutated_bytes)),
    (0.06, _bytes("random-yaml", inputs.random_yaml)),
    (0.03, _bytes("random-json", inputs.random_json)),
    (0.04, _bytes("token-soup", inputs.token_soup)),
    (0.01, _bytes("random-bytes", inputs.random_bytes)),
    (0.01, _bytes("random-text", inputs.random_text)),
]
GENERATOR_NAMES = tuple(make.__name__.replace("_", "-") for _, make in GENERATORS)


def generate(rng: random.Random) -> FuzzInput:
    """One fuzz input."""
    pick = rng.random()
    for weight, make in GENERATORS:
        if pick < weight:
            return make(rng)
        pick -= weight
    return grammar.yaml_bank(rng)


def input_for(seed: int, number: int) -> FuzzInput:
    """Input ``number`` of the run with ``seed``: the same on every machine, so a crash can be replayed alone."""
    return generate(random.Random(f"{seed}:{number}"))
