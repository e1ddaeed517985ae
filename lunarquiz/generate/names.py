"""Find the names in a sentence: capitalised phrases, sorted into people, organisations, places and craft."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lunarquiz.generate import gazetteer
from lunarquiz.generate.fact import Fact
from lunarquiz.generate.words import word_list, word_set

FUNCTION_WORDS = word_set(
    "a an the this that these those it its they them their he his she her we our you your i my there here "
    "in on at by for from with without to of as and but or so if when while after before during since until "
    "now then also both each every all some many most more few other another such no not yes one two three "
    "what which who whom whose why how where although because though however meanwhile today yesterday "
    "tomorrow recently later earlier first last next according once still even only just about"
)
"""Words that start sentences without being names."""

CONNECTORS = frozenset({"of", "for", "and", "de", "del", "bin", "von", "van", "al"})
"""Lowercase words that may sit inside a name (``Sea of Tranquility``, ``Mohammed bin Rashid``)."""

CUES: dict[str, str] = {
    **dict.fromkeys(
        word_list(
            "Administration Agency Organisation Organization Corporation Company Inc Ltd University Institute Academy "
            "Council Office Society Association Laboratory Laboratories Foundation Ministry Department Bureau "
            "Authority Centre Center Group Industries Aerospace Systems Technologies"
        ),
        "organisation",
    ),
    **dict.fromkeys(word_list("Times Post News Herald Journal Tribune"), "news"),
    **dict.fromkeys(word_list("Station Telescope Observatory Outpost Module Element Capsule"), "station"),
    **dict.fromkeys(word_list("Rover Lander Orbiter Probe Mission Programme Program"), "mission"),
    **dict.fromkeys(word_list("Rocket Launcher"), "rocket"),
    **dict.fromkeys(word_list("Crater Planitia Basin Mons Mare"), "region"),
    **dict.fromkeys(word_list("Cosmodrome Spaceport"), "launch-site"),
    **dict.fromkeys(word_list("Ocean Sea Desert Island Islands Valley City Province County River Lake Bay"), "place"),
}
"""The last word of a name that says what it names."""

TITLES = word_set(
    "Commander Captain Colonel General Lieutenant Sergeant President Premier Minister Senator Governor Professor "
    "Prof Dr Mr Mrs Ms Sir Dame Astronaut Cosmonaut Taikonaut Administrator Director Chairman Chairwoman CEO "
    "King Queen Prince Princess Pope"
)
"""Words before a person's name that are not part of it (``Commander Eugene Cernan``)."""

CRAFT_WORDS = word_set("mission missions probe spacecraft rover lander orbiter satellite capsule rocket")
"""Lowercase words after a name that say it is a mission or craft (``the Rashid rover``)."""

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?= [A-Z])|[^\W_](?:[\w'’.\-]*[^\W_])?|\S")
"""Words (``U.S.``, an initial like ``F.``, ``Chang'e-7``, ``Russia's``), numbers and single marks."""
_POSSESSIVE = re.compile(r"['’]s$")
_OPENERS = frozenset({":", '"', "“", "‘", "(", "—", "–"})


@dataclass(frozen=True, slots=True)
class ArticleWords:
    """What the whole article says about words: which appear in lowercase, which capitalised mid-sentence."""

    lowercase: frozenset[str] = field(default=frozenset())
    capitalised_inside: frozenset[str] = field(default=frozenset())


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def tokens_of(text: str) -> list[_Token]:
    """The words and marks of ``text``, with their places."""
    return [_Token(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)]


def article_words(sentences: list[str]) -> ArticleWords:
    """Collect the article's lowercase words and the capitalised words it uses after a sentence's start."""
    lowercase: set[str] = set()
    inside: set[str] = set()
    for sentence in sentences:
        tokens = tokens_of(sentence)
        for index, token in enumerate(tokens):
            if token.text.islower():
                lowercase.add(token.text)
            elif token.capitalised and not _starts_sentence(tokens, index):
                inside.add(_POSSESSIVE.sub("", token.text))
    return ArticleWords(frozenset(lowercase), frozenset(inside))


def name_facts(text: str, words: ArticleWords, taken: list[tuple[int, int]]) -> list[Fact]:
    """The names in ``text`` that are known or recognisable, skipping the ``taken`` spans (dates, money)."""
    tokens = [
        token for token in tokens_of(text) if not any(token.start < end and start < token.end for start, end in taken)
    ]
    facts: list[Fact] = []
    index = 0
    while index < len(tokens):
        if not tokens[index].capitalised or not tokens[index].text[0].isalpha():
            index += 1
            continue
        run = _run_from(tokens, index)
        for part in _parts(tokens, run):
            fact = _name(tokens, part, words)
            if fact is not None:
                facts.append(fact)
        index = run[-1] + 1
    return facts


def _starts_sentence(tokens: list[_Token], index: int) -> bool:
    return index == 0 or tokens[index - 1].text in _OPENERS


def _run_from(tokens: list[_Token], index: int) -> list[int]:
    """The indexes of a run of capitalised words from ``index``, with the connectors inside it."""
    run = [index]
    while not _POSSESSIVE.search(tokens[run[-1]].text):
        after = run[-1] + 1
        if after < len(tokens) and tokens[after].capitalised and tokens[after].text[0].isalpha():
            if tokens[after].start - tokens[run[-1]].end > 1:
                break
            run.append(after)
        elif (
            after + 1 < len(tokens)
            and tokens[after].text in CONNECTORS
            and tokens[after + 1].capitalised
            and tokens[after + 1].text[0].isalpha()
        ):
            run += [after, after + 1]
        else:
            break
    return run


def _parts(tokens: list[_Token], run: list[int]) -> list[list[int]]:
    """``run`` as one name, or split at ``and`` when it is a list of names (``China and Russia``)."""
    whole = _text(tokens, run)
    ands = [position for position, index in enumerate(run) if tokens[index].text == "and"]
    if (
        not ands
        or gazetteer.lookup(whole)
        or CUES.get(_POSSESSIVE.sub("", tokens[run[-1]].text), "")
        in (
            "organisation",
            "station",
        )
    ):
        return [run]
    parts, begin = [], 0
    for position in ands:
        parts.append(run[begin:position])
        begin = position + 1
    parts.append(run[begin:])
    return [part for part in parts if part]


def _text(tokens: list[_Token], part: list[int]) -> str:
    return " ".join(tokens[index].text for index in part)


def _name(tokens: list[_Token], part: list[int], words: ArticleWords) -> Fact | None:
    """The fact ``part`` names, after sentence-start words are dropped and a mission number is added."""
    part = _trim_start(tokens, part, words)
    while part and (tokens[part[0]].text in CONNECTORS or tokens[part[0]].text.rstrip(".") in TITLES):
        part = part[1:]
    while part and tokens[part[-1]].text in CONNECTORS:
        part = part[:-1]
    if not part:
        return None
    after = part[-1] + 1
    if after < len(tokens) and re.fullmatch(r"\d{1,4}|[IVX]{1,4}", tokens[after].text):
        numbered = _text(tokens, [*part, after])
        follows = tokens[after + 1].text if after + 1 < len(tokens) else ""
        head = gazetteer.name_key(_text(tokens, part))
        short_number = len(tokens[after].text) < 4
        if gazetteer.lookup(numbered) or (short_number and head in gazetteer.PROGRAMMES) or follows in CRAFT_WORDS:
            part = [*part, after]
    first, last = tokens[part[0]], tokens[part[-1]]
    written = _POSSESSIVE.sub("", text_between(tokens, part))
    follows = tokens[part[-1] + 1].text if part[-1] + 1 < len(tokens) else ""
    group = _group(written, follows, words, at_start=_starts_sentence(tokens, part[0]))
    if group is None:
        return None
    end = last.end - (len(last.text) - len(_POSSESSIVE.sub("", last.text)))
    return Fact(gazetteer.GROUP_TAGS[group], group, written, first.start, end)


def text_between(tokens: list[_Token], part: list[int]) -> str:
    """The words of ``part`` as the sentence spaces them."""
    return " ".join(tokens[index].text for index in part)


def _trim_start(tokens: list[_Token], part: list[int], words: ArticleWords) -> list[int]:
    """``part`` without the ordinary words a sentence starts with (``The``, ``Both``, ``Recently``)."""
    while part and _starts_sentence(tokens, part[0]):
        whole = _POSSESSIVE.sub("", _text(tokens, part))
        first = tokens[part[0]].text
        if gazetteer.lookup(whole) and (whole not in gazetteer.COMMON_WORD_NAMES or whole in words.capitalised_inside):
            return part
        if first.lower() in FUNCTION_WORDS or first.lower() in words.lowercase or first in gazetteer.NOT_NAMES:
            part = part[1:]
            continue
        programme = gazetteer.name_key(first) in gazetteer.PROGRAMMES
        if len(part) == 1 and not programme and _POSSESSIVE.sub("", first) not in words.capitalised_inside:
            return []
        return part
    return part


def _group(name: str, follows: str, words: ArticleWords, *, at_start: bool) -> str | None:
    """Which group ``name`` belongs to, or None when it is not a name worth asking about."""
    entry = gazetteer.lookup(name)
    if entry is not None:
        if name in gazetteer.COMMON_WORD_NAMES and at_start and name not in words.capitalised_inside:
            return "mission" if follows in CRAFT_WORDS else None
        return entry.group
    parts = name.split()
    if name in gazetteer.BODIES or name in gazetteer.NOT_NAMES or name in ("Lunar", "Martian"):
        return None
    numbered = re.fullmatch(r"(.+?)[ -](?:\d+|[IVX]+)", name)
    if numbered and gazetteer.name_key(numbered.group(1)) in gazetteer.PROGRAMMES:
        return gazetteer.PROGRAMMES[gazetteer.name_key(numbered.group(1))]
    if parts[-1] in CUES and len(parts) > 1:
        group = CUES[parts[-1]]
        return (
            "agency"
            if group == "organisation" and "Space" in parts and parts[-1] in ("Agency", "Administration")
            else group
        )
    if follows in CRAFT_WORDS and not name.isupper():
        return "mission"
    if _looks_like_person(parts, words):
        return "person"
    return None


def _looks_like_person(parts: list[str], words: ArticleWords) -> bool:
    """Two to four capitalised words or initials, none ordinary or a known name: ``Yusaku Maezawa``, ``T. Keith Glennan``."""
    if not 2 <= len(parts) <= 4 or re.fullmatch(r"[A-Z]\.", parts[-1]):
        return False
    return all(_is_name_word(part, words) for part in parts)


def _is_name_word(part: str, words: ArticleWords) -> bool:
    """An initial (``F.``), or a capitalised word that is not ordinary and names nothing known on its own."""
    if re.fullmatch(r"[A-Z]\.", part):
        return True
    return bool(
        re.fullmatch(r"[A-Z][a-zà-ÿ]+(?:['’-][A-Za-zà-ÿ]+)*", part)
        and part.lower() not in words.lowercase
        and part.lower() not in FUNCTION_WORDS
        and part not in gazetteer.NOT_NAMES
        and part not in gazetteer.BODIES
        and part not in CUES
        and gazetteer.lookup(part) is None
    )
