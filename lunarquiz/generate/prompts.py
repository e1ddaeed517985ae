"""The words of a question: a sentence with its fact blanked, or a when / who / which / how many question."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lunarquiz.generate.fact import Fact
from lunarquiz.generate.names import FUNCTION_WORDS, TITLES
from lunarquiz.generate.numbers import COUNTED, unit_of
from lunarquiz.generate.verbs import AUXILIARIES, VERBS
from lunarquiz.generate.words import word_set

BLANK = "_____"

_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:and|but|while|which|whereas|so|by which|in which|when|where|although|though)\b)"
    r"|;\s+|\s+(?=(?:and|but)\s+(?:has|have|had|is|was|were|will|then|later|also)\b)"
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_LEANING = word_set("it its it's they their them he his she her this these those such")
"""Words that open a sentence which leans on the one before it."""
_PRONOUNS = word_set("it they he she this that these those we i you there which who what")
_DETERMINERS = word_set("The A An Its Their His Her Our This That These Those Both Each")
_ADVERBS = word_set("also then later first finally officially successfully eventually already")
_NOT_IN_SUBJECT = AUXILIARIES | word_set("after before when while because since until if that which who where as")
_WHICH = {
    "country": "which country",
    "agency": "which space agency",
    "company": "which company",
    "mission": "which mission",
    "station": "which space station",
    "rocket": "which rocket",
}
_SAYING = word_set(
    "said says stated told wrote took gave came went saw got put kept held paid lost met thought brought bought "
    "spent stood chose fell grew knew rose spoke struck set let cut hit ran plans aims wants hopes"
)
"""Common verbs, mostly irregular, that follow a name as its verb (``the agency said``)."""
ROLE_WORDS = word_set(
    "cosmonaut astronaut taikonaut engineer scientist billionaire entrepreneur president administrator director "
    "commander pilot founder leader minister chief professor researcher physicist astronomer agency company "
    "firm startup probe rover spacecraft mission rocket station telescope lander orbiter satellite capsule "
    "country nation newspaper broadcaster"
) | {title.lower() for title in TITLES}
"""Nouns that may stand before a name and take its place in a question (``which Soviet cosmonaut``)."""
_LEAD = re.compile(r"^(?P<lead>(?:[A-Z]?[\w'’.-]+ ){0,5}[\w'’.-]+), ")
_DESCRIPTOR = re.compile(r"^(?:(?:the|a|an|The|A|An) )?(?P<words>(?:[A-Za-z-]+ ){1,3})$")


@dataclass(frozen=True, slots=True)
class _Event:
    """A clause read as: [lead, ] subject [adverbs] [was/were] verb rest."""

    lead: str
    subject: str
    adverbs: tuple[str, ...]
    auxiliary: str
    verb: str
    rest: str


def cloze(sentence: str, fact: Fact, before: str = "") -> str:
    """``sentence`` with the fact's words replaced by a blank, after ``before`` when the sentence needs it.

    A sentence that opens with ``It``, ``They`` or the like is shown after the sentence before it, which says
    what it is about.
    """
    blanked = sentence[: fact.start] + BLANK + sentence[fact.end :]
    opening = _WORD.match(sentence)
    if before and opening and opening.group().lower() in _LEANING:
        return f"{before} {blanked}"
    return blanked


def clause_of(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``sentence`` around ``[start, end)``: cut at ``, and``, ``, which``, ``;`` and the like."""
    begin, finish = 0, len(sentence)
    for found in _CLAUSE_BREAK.finditer(sentence):
        if found.end() <= start:
            begin = found.end()
            if sentence[begin:].startswith(("and ", "but ", "so ")):
                begin += sentence[begin:].index(" ") + 1
        elif found.start() >= end:
            finish = found.start()
            break
    return begin, finish


def when_question(sentence: str, fact: Fact) -> str | None:
    """``When did ... ?`` for a date or year that says when an event verb happened, or None."""
    begin, finish = clause_of(sentence, fact.start, fact.end)
    clause = sentence[begin:finish].rstrip(" .!?")
    start, end = fact.start - begin, fact.end - begin
    preposition = re.search(r"\b(?:in|on|In|On) $", clause[:start])
    if preposition is None:
        return None
    after = clause[end:]
    if preposition.start() == 0:
        if not re.match(r",? [A-Z]", after):
            return None
        body = after.lstrip(", ")
    else:
        body = clause[: preposition.start()].rstrip() + ("" if after.lstrip().startswith(",") else after)
    event = _event(body)
    if event is None:
        return None
    asked = "In what year" if fact.kind == "year" else "On what date" if _has_day(fact.text) else "When"
    base, participle = VERBS[event.verb]
    if event.auxiliary:
        words = [asked, event.auxiliary, event.subject, *event.adverbs, participle, event.rest]
    else:
        words = [asked, "did", event.subject, *event.adverbs, base, event.rest]
    return _question(" ".join(word for word in words if word))


def how_many_question(sentence: str, fact: Fact) -> str | None:
    """``How many ... did ...?`` for a count right after an event verb (``sent 8 dogs``), or None."""
    unit = unit_of(fact.text)
    if unit not in COUNTED:
        return None
    begin, finish = clause_of(sentence, fact.start, fact.end)
    clause = sentence[begin:finish].rstrip(" .!?")
    event = _event(clause[: fact.start - begin].rstrip())
    if event is None or event.rest or event.auxiliary:
        return None
    rest = clause[fact.end - begin :].strip()
    words = [event.lead, "how many", unit, "did", event.subject, *event.adverbs, VERBS[event.verb][0], rest]
    return _question(" ".join(word for word in words if word))


def subject_question(sentence: str, fact: Fact) -> str | None:
    """``Who ...?`` or ``Which country ...?`` when the fact is the one doing what the clause says, or None."""
    begin, finish = clause_of(sentence, fact.start, fact.end)
    if begin:  # a later clause leans on the first one ("and NASA was founded the same year")
        return None
    clause = sentence[:finish].rstrip(" .!?")
    before, after = clause[: fact.start], clause[fact.end :]
    following = _WORD.match(after[1:]) if after.startswith(" ") else None
    if following is None or not _acts(following.group()):
        return None
    lead = _LEAD.match(before)
    lead_text = lead.group("lead") + ", " if lead else ""
    descriptor_text = before[lead.end() :] if lead else before
    if descriptor_text.strip().lower() in ("the", "a", "an"):
        descriptor_text = ""
    if descriptor_text:
        descriptor = _DESCRIPTOR.match(descriptor_text)
        if descriptor is None or descriptor.group("words").split()[-1].lower() not in ROLE_WORDS:
            return None
        asked = "which " + descriptor.group("words").strip()
        if descriptor.group("words").strip() in TITLES:
            asked = "who"
    elif fact.group == "person":
        asked = "who"
    elif fact.group in _WHICH:
        asked = _WHICH[fact.group]
    else:
        return None
    return _question(lead_text + asked + after)


def _acts(word: str) -> bool:
    """Whether ``word``, right after a name, is likely its verb."""
    if not word.islower() or word in ("and", "or", "of", "to", "in", "on", "at", "for", "with", "from"):
        return False
    return word in VERBS or word in AUXILIARIES or word in _SAYING or word.endswith(("ed", "s"))


def _event(body: str) -> _Event | None:
    """``body`` read as an event: [lead, ] subject, adverbs, helping verb, event verb, rest; or None."""
    lead = _LEAD.match(body)
    lead_text = ""
    if lead and not any(word.group() in VERBS for word in _WORD.finditer(lead.group("lead"))):
        lead_text, body = lead.group("lead") + ",", body[lead.end() :]
    words = list(_WORD.finditer(body))
    for position, word in enumerate(words):
        if word.group() not in VERBS:
            continue
        before = [found.group() for found in words[:position]]
        adverbs: list[str] = []
        while before and (before[-1] in _ADVERBS or before[-1].endswith("ly")):
            adverbs.insert(0, before.pop())
        auxiliary = ""
        if before and before[-1] in AUXILIARIES:
            auxiliary = before.pop()
            if auxiliary not in ("was", "were"):
                return None
        if not before or len(before) > 10 or before[0].lower() in _PRONOUNS or before[-1].lower() in FUNCTION_WORDS:
            return None
        if any(found in _NOT_IN_SUBJECT or (found.islower() and found.endswith("ed")) for found in before):
            return None  # another verb or a clause in what should be the subject: "Orion travelled ... and splashed"
        subject_end = words[len(before) - 1].end()
        subject_end += body[subject_end:].startswith(")")  # "... Administration (NASA)"
        subject = body[:subject_end].strip()
        if "," in subject:
            return None
        if subject.split()[0] in _DETERMINERS:
            subject = subject[0].lower() + subject[1:]
        rest = body[word.end() :].strip(" ,")
        return _Event(lead_text, subject, tuple(adverbs), auxiliary, word.group(), rest)
    return None


def _has_day(date: str) -> bool:
    return re.search(r"(?<![\d$])\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", date) is not None


def _question(text: str) -> str:
    text = " ".join(text.split()).rstrip(" ,;:")
    return text[0].upper() + text[1:] + "?"
