"""Turn an article into draft questions: find its facts, ask each one, pick wrong choices, skip the doubtful."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from random import Random

from lunarquiz.banks.format import LONG_CHOICE, LONG_PROMPT, make_id
from lunarquiz.core.model import DIFFICULTIES, Bank, Kind, Question
from lunarquiz.generate import prompts
from lunarquiz.generate.article import Sentence, sentences_of
from lunarquiz.generate.distractors import Pools, mentions, wrong_choices
from lunarquiz.generate.fact import Fact
from lunarquiz.generate.facts import facts_in
from lunarquiz.generate.names import article_words

DEFAULT_MAX_QUESTIONS = 30
"""Questions a draft holds at most unless told otherwise."""

DRAFT_TAG = "draft"
"""The tag every generated question carries, so a teacher can find what is still to check."""

BASE_DIFFICULTY = {
    "place": "easy",
    "organisation": "easy",
    "acronym": "easy",
    "person": "medium",
    "mission": "medium",
    "spacecraft": "medium",
    "rocket": "medium",
    "year": "medium",
    "date": "hard",
    "number": "hard",
    "money": "hard",
}
"""How hard a fact of each kind is when asked as the sentence with a blank."""

_MIN_WRONG = {"acronym": 2}
"""Wrong choices a question needs to be drafted at all (3 unless named here)."""
_ID_LENGTH = 40


@dataclass(frozen=True, slots=True)
class _Asked:
    """One fact, asked: the fact, the question and its place in the article."""

    fact: Fact
    question: Question
    order: int


def draft_questions(text: str, *, seed: int = 0, max_questions: int = DEFAULT_MAX_QUESTIONS) -> list[Question]:
    """Draft questions from the article ``text``, in article order; the same text and seed give the same list."""
    sentences = sentences_of(text)
    words = article_words([sentence.text for sentence in sentences if not sentence.heading])
    found = [(sentence, facts_in(sentence, words)) for sentence in sentences]
    pools = _pools(found)
    asked: list[_Asked] = []
    seen: set[tuple[str, str]] = set()
    for index, (sentence, facts) in enumerate(found):
        before = found[index - 1][0] if index else None
        context = before.text if before and not before.heading and not sentence.heading else ""
        for fact in _unambiguous(facts, pools):
            key = (fact.kind, fact.short or pools.thing(fact.text))
            if key in seen:
                continue
            rng = Random(f"{seed}:{sentence.line}:{fact.start}:{fact.text}")
            question = _ask(fact, sentence, context, pools, rng)
            if question is not None:
                seen.add(key)
                asked.append(_Asked(fact, question, len(asked)))
    return _with_ids(_choose(asked, max_questions))


def _pools(found: list[tuple[Sentence, list[Fact]]]) -> Pools:
    pools = Pools()
    for _, facts in found:  # acronyms first: they tell which names are the same thing
        for fact in facts:
            if fact.kind == "acronym":
                pools.add(fact)
    for _, facts in found:
        for fact in facts:
            if fact.kind != "acronym":
                pools.add(fact)
    return pools


def _unambiguous(facts: list[Fact], pools: Pools) -> list[Fact]:
    """The facts that are the only one of their kind in the sentence (an acronym's question stands alone)."""
    things = Counter(fact.kind for fact in {(fact.kind, pools.thing(fact.text)): fact for fact in facts}.values())
    return [fact for fact in facts if fact.kind == "acronym" or things[fact.kind] == 1]


def _ask(fact: Fact, sentence: Sentence, context: str, pools: Pools, rng: Random) -> Question | None:
    """The question for one fact, or None when every way of asking it is trivial or lacks wrong choices.

    ``context`` is the sentence before, shown with a cloze whose sentence opens with ``It`` or the like.
    """
    giveaways = pools.other_names(fact.text) if fact.kind != "acronym" else {fact.text}
    if fact.kind == "person":
        giveaways |= {word for word in fact.text.split() if len(word) > 2}
    if len(fact.text) > LONG_CHOICE:
        return None
    for prompt, asked_as_question in _prompts(fact, sentence, context):
        if prompt is None or len(prompt) > LONG_PROMPT or any(mentions(prompt, name) for name in giveaways):
            continue
        wrong = wrong_choices(fact, pools, prompt, rng)
        if len(wrong) < _MIN_WRONG.get(fact.kind, 3):
            return None
        return Question(
            id="",
            prompt=prompt,
            kind=Kind.SINGLE,
            answers=(fact.text,),
            wrong=tuple(wrong),
            explanation=sentence.text,
            difficulty=_difficulty(fact.kind, asked_as_question=asked_as_question),
            tags=(DRAFT_TAG, fact.kind),
            source=f"line {sentence.line}",
        )
    return None


def _prompts(fact: Fact, sentence: Sentence, context: str) -> list[tuple[str | None, bool]]:
    """The ways to ask ``fact``, best first, each marked True when it rewords the sentence as a question."""
    if fact.kind == "acronym":
        return [(f"What does {fact.short} stand for?", False)]
    text = sentence.text
    clozes: list[tuple[str | None, bool]] = [(prompts.cloze(text, fact, context), False)]
    if context:  # when the sentence before makes the prompt too long, the sentence alone
        clozes.append((prompts.cloze(text, fact), False))
    if fact.kind in ("year", "date"):
        return [(prompts.when_question(text, fact), True), *clozes]
    if fact.kind == "number":
        return [(prompts.how_many_question(text, fact), True), *clozes]
    if fact.kind == "money":
        return clozes
    return [(prompts.subject_question(text, fact), True), *clozes]


def _difficulty(kind: str, *, asked_as_question: bool) -> str:
    """The kind's difficulty, one step harder when the sentence is reworded (less of it to lean on)."""
    level = DIFFICULTIES.index(BASE_DIFFICULTY.get(kind, "medium"))
    return DIFFICULTIES[min(level + asked_as_question, len(DIFFICULTIES) - 1)]


def _choose(asked: list[_Asked], limit: int) -> list[_Asked]:
    """At most ``limit`` questions, taking kinds in turn so one kind does not crowd out the rest; article order."""
    if len(asked) <= limit:
        return asked
    queues: dict[str, list[_Asked]] = {}
    for item in asked:
        queues.setdefault(item.fact.kind, []).append(item)
    chosen: list[_Asked] = []
    while len(chosen) < limit:
        for queue in queues.values():
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return sorted(chosen, key=lambda item: item.order)


def _with_ids(asked: list[_Asked]) -> list[Question]:
    """Each question with an id from its kind and answer (``year-1957``, ``acronym-iss``), unique with ``-2``."""
    taken: set[str] = set()
    named = []
    for item in asked:
        wanted = make_id(f"{item.fact.kind} {item.fact.short or item.fact.text}", "question")
        while len(wanted) > _ID_LENGTH and "-" in wanted:
            wanted = wanted.rsplit("-", 1)[0]
        made, number = wanted, 1
        while made in taken:
            number += 1
            made = f"{wanted}-{number}"
        taken.add(made)
        named.append(replace(item.question, id=made))
    return named


def title_of(text: str) -> str:
    """A title for the draft: the article's first heading of at most 12 words, or an empty string."""
    for sentence in sentences_of(text):
        if sentence.heading and len(sentence.text.split()) <= 12:
            return sentence.text
    return ""


def draft_bank(
    text: str,
    *,
    bank_id: str,
    title: str,
    source: str,
    seed: int = 0,
    max_questions: int = DEFAULT_MAX_QUESTIONS,
) -> Bank:
    """A bank of draft questions from the article ``text``, read from the file named ``source``."""
    return Bank(
        id=bank_id,
        title=title,
        questions=tuple(
            replace(question, bank_id=bank_id)
            for question in draft_questions(text, seed=seed, max_questions=max_questions)
        ),
        description=(
            f"A draft made by lunarquiz generate from {source}. It repeats whatever the article says: "
            "check every question, and the facts behind it, before anyone plays it."
        ),
        language="en",
        source=source,
    )
