"""Structure-aware inputs: banks and import files built from the formats' grammars, with counts, ids, sizes and numbers probed.

Each generator takes a seeded random generator and returns one FuzzInput. The questions
vary in how many choices they have (none to past the limit), their ids (repeated, empty,
not ids), prompts (repeated, blank to the eye, at and past the length limit) and the
numbers around them (huge, negative, not numbers); a bank may nest deeper than allowed.
"""

from __future__ import annotations

import random

from fuzz import probes
from fuzz.cases import FuzzInput
from fuzz.formats import Draft, Node, Pairs, Raw, aiken, bank_yaml, csv_text, gift, opentdb
from lunarquiz.banks.limits import MAX_DEPTH

DIFFICULTIES = ("easy", "medium", "hard", "", "impossible", "EASY")


def draft(
    rng: random.Random, *, prompt: str | None = None, long: bool = False, few: bool = False, wild: bool = True
) -> Draft:
    """One question: a single answer mostly, several or true/false sometimes.

    A ``wild`` question has any number of choices (``few``: 0 to 11), look-alike and blank
    texts, a choice both right and wrong now and then; a tame one is valid but for its texts.
    """
    if wild:
        count = rng.choice([0, 1, 2, 3, 4, 4, 5, 11]) if few else probes.choice_count(rng)
    else:
        count = rng.choice([2, 3, 4, 4, 5, probes.limit_or_stand_in("choices")])
    texts = probes.distinct_texts(rng, count, awkward=0.1 if wild else 0.03, wild=wild)
    shape = rng.random()
    if shape < 0.12:
        right = rng.choice(["True", "False"])
        answers, wrong = [right], ["False" if right == "True" else "True"]
    elif shape < 0.3 and count >= 2:
        split = rng.randint(1, count - 1)
        answers, wrong = texts[:split], texts[split:]
    else:
        answers, wrong = texts[:1], texts[1:]
    if prompt is None and not wild:
        prompt = probes.pick(rng, probes.WORDS) + " " + probes.text(rng, awkward=0.05) + "?"
    elif prompt is None:
        prompt = probes.text(rng, awkward=0.15) if rng.random() > 0.04 else probes.pick(rng, probes.ZERO_WIDTH)
    if long:
        where = rng.random()
        if where < 0.5:
            size = probes.field_length(rng, "prompt")
            prompt = ("Why " * (size // 4 + 1))[:size]
        elif answers:
            answers[0] = "a" * probes.field_length(rng, "choice")
    made = Draft(prompt, answers, wrong, id=probes.pick(rng, probes.IDS) if wild and rng.random() < 0.1 else None)
    if wild and rng.random() < 0.3 and answers:
        made.wrong = [*wrong, answers[0]] if rng.random() < 0.3 else wrong  # a choice both right and wrong
    return made


def yaml_extras(rng: random.Random, made: Draft, *, wild: bool = True) -> None:
    """Optional question fields, some wrong (when ``wild``): numbers, flags, difficulties, tags, feedback, unknown keys."""
    extra: list[tuple[str, Node]] = []
    if not wild:
        if rng.random() < 0.5:
            extra.append(("explanation", probes.text(rng, awkward=0.05)))
        if rng.random() < 0.3:
            extra.append(("time_limit", Raw(rng.choice(["5", "20", "0.5", "3600", "1e1"]))))
        if rng.random() < 0.3:
            extra.append(
                ("tags", [f"{probes.pick(rng, probes.WORDS)} {number}" for number in range(rng.randint(0, 3))])
            )
        if rng.random() < 0.2 and made.wrong:
            extra.append(("feedback", Pairs(tuple((key, probes.text(rng, awkward=0.05)) for key in made.wrong[:2]))))
        made.extra = extra
        return
    if rng.random() < 0.4:
        extra.append(("explanation", probes.text(rng)))
    if rng.random() < 0.2:
        extra.append(("difficulty", probes.pick(rng, DIFFICULTIES)))
    if rng.random() < 0.2:
        extra.append(("time_limit", Raw(probes.pick(rng, probes.NUMBERS) if rng.random() < 0.4 else "20")))
    if rng.random() < 0.1:
        extra.append(("shuffle", Raw(rng.choice(["false", "true", "maybe", "0", "~"]))))
    if rng.random() < 0.2:
        count = rng.choice([0, 1, 2, 4, *probes.around(probes.limit_or_stand_in("tags"))])
        extra.append(("tags", [f"{probes.text(rng)} {number}" for number in range(count)]))
    if rng.random() < 0.15 and made.wrong:
        keys = [*made.wrong[:3], *([probes.text(rng)] if rng.random() < 0.2 else [])]
        extra.append(("feedback", Pairs(tuple((key, probes.text(rng)) for key in keys))))
    if rng.random() < 0.01:
        extra.append((probes.pick(rng, ("answr", "Prompt", "wrong", "id", "x" * 300)), probes.text(rng)))
    if rng.random() < 0.005:
        extra.append(("explanation", nested(rng)))
    rng.shuffle(extra)
    made.extra = extra


def nested(rng: random.Random) -> Node:
    """Lists inside lists, around the depth limit (or far past it)."""
    depth = rng.choice([MAX_DEPTH - 6, MAX_DEPTH - 5, MAX_DEPTH - 4, MAX_DEPTH, MAX_DEPTH + 1, 200])
    node: Node = "deep"
    for _ in range(depth):
        node = [node]
    return node


def drafts(rng: random.Random) -> list[Draft]:
    """The questions of one file: sometimes every prompt the same, sometimes one field very long."""
    count = probes.question_count(rng)
    same = probes.text(rng, awkward=0) if rng.random() < 0.15 else None
    long_one = rng.randrange(count) if count and rng.random() < 0.08 else -1
    few = count > 30  # many questions: many choices in one of them at most, so that a file stays a few MB
    wild = rng.random() < 0.4  # else valid questions, but for awkward texts and limits met exactly
    return [
        draft(rng, prompt=same, long=number == long_one, few=few and number != long_one, wild=wild)
        for number in range(count)
    ]


def yaml_bank(rng: random.Random) -> FuzzInput:
    """A bank file of our schema."""
    made = drafts(rng)
    wild = rng.random() < 0.4
    for one in made:
        yaml_extras(rng, one, wild=wild)
    version: Node = Raw(probes.pick(rng, probes.NUMBERS)) if rng.random() < 0.04 else Raw("1")
    bank_id: Node = probes.pick(rng, probes.IDS) if rng.random() < 0.04 else "fuzz"
    extra: list[tuple[str, Node]] = []
    if rng.random() < 0.1:
        extra.append(("time_limit", Raw(probes.pick(rng, probes.NUMBERS))))
    if rng.random() < 0.2:
        extra.append(("description", probes.text(rng)))
    if rng.random() < 0.03:
        extra.append(("tags", nested(rng)))
    text = bank_yaml(made, rng, version=version, bank_id=bank_id, extra=extra)
    return FuzzInput("yaml-bank", "yaml", text.encode("utf-8", "surrogatepass"))


def gift_file(rng: random.Random) -> FuzzInput:
    return FuzzInput("gift-file", "gift", gift(drafts(rng), rng).encode("utf-8", "surrogatepass"))


def aiken_file(rng: random.Random) -> FuzzInput:
    return FuzzInput("aiken-file", "aiken", aiken(drafts(rng), rng).encode("utf-8", "surrogatepass"))


def csv_file(rng: random.Random) -> FuzzInput:
    return FuzzInput("csv-file", "csv", csv_text(drafts(rng), rng).encode("utf-8", "surrogatepass"))


def opentdb_file(rng: random.Random) -> FuzzInput:
    """An Open Trivia DB response, with a raw number (huge, negative, a float) in place of some fields now and then."""
    raw: dict[str, str] = {}
    made = drafts(rng)
    if made and rng.random() < 0.2:
        made[0].prompt = "__number__"
        raw["__number__"] = rng.choice(["9" * 4301, "-" + "9" * 5000, "1e400", "NaN", "-0.5", "1" * 10])
    code = rng.choice(["0"] * 8 + ["1", "9" * 5000, "-1", "1.5"])
    text = opentdb(made, raw, code=code)
    if rng.random() < 0.03:
        depth = rng.choice([100, 1000, 100_000])
        text = '{"response_code": 0, "results": ' + "[" * depth + "]" * depth + "}"
    return FuzzInput("opentdb-file", "opentdb", text.encode("utf-8", "surrogatepass"))
