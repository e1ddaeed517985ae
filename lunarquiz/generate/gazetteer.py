"""Known names of space: agencies, countries, missions, spacecraft, places and people, grouped by kind.

Each entry is one thing, written ``"Name|other name|..."``; the first name is how a wrong choice is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lunarquiz.generate.words import word_set

GROUP_TAGS = {
    "country": "place",
    "place": "place",
    "region": "place",
    "launch-site": "place",
    "agency": "organisation",
    "company": "organisation",
    "news": "organisation",
    "organisation": "organisation",
    "mission": "mission",
    "station": "spacecraft",
    "spacecraft": "spacecraft",
    "rocket": "rocket",
    "person": "person",
}
"""Each group of names and the tag (the kind of fact) its questions carry."""

_ENTRIES: dict[str, str] = {
    "country": """
        United States|U.S.|US|USA|United States of America; Russia|Russian Federation; China; Japan;
        Soviet Union|USSR; India; France; Germany; United Kingdom|U.K.|UK|Britain; Italy; Canada;
        United Arab Emirates|UAE; Israel; South Korea; North Korea; Brazil; Australia; Ukraine; Kazakhstan;
        Iran; Luxembourg; Mexico; Spain; Sweden; Norway; Poland; Egypt; South Africa; Nigeria; Saudi Arabia;
        Turkey; Indonesia; Pakistan; Argentina; New Zealand
    """,
    "agency": """
        NASA|National Aeronautics and Space Administration; ESA|European Space Agency; Roscosmos;
        CNSA|China National Space Administration; JAXA|Japan Aerospace Exploration Agency;
        ISRO|Indian Space Research Organisation|Indian Space Research Organization; CSA|Canadian Space Agency;
        UKSA|UK Space Agency; UAE Space Agency; KARI|Korea Aerospace Research Institute;
        CNES|National Centre for Space Studies; DLR|German Aerospace Center; ASI|Italian Space Agency;
        MBRSC|Mohammed bin Rashid Space Centre; ISA|Israel Space Agency
    """,
    "company": """
        SpaceX; Blue Origin; Boeing; Lockheed Martin; Northrop Grumman; Rocket Lab; Virgin Galactic; Airbus;
        Arianespace; United Launch Alliance|ULA; Axiom Space; Intuitive Machines; Astrobotic; Sierra Space;
        Firefly Aerospace; Thales Alenia Space; Mitsubishi Heavy Industries; RSC Energia
    """,
    "news": """
        CNN; BBC; Reuters; Associated Press; Xinhua; TASS; The New York Times; The Guardian; Space.com;
        Tech Times; SpaceNews; The Washington Post
    """,
    "station": """
        International Space Station|ISS; Mir; Skylab; Tiangong|Tiangong space station; Tiangong-1; Tiangong-2;
        Salyut 1; Salyut 7; Gateway|Lunar Gateway; Hubble Space Telescope|Hubble;
        James Webb Space Telescope|JWST; Orion; Dragon|Crew Dragon; Starliner
    """,
    "mission": """
        Sputnik 1; Sputnik 2; Vostok 1; Vostok 6; Voskhod 2; Explorer 1; Vanguard 1; Luna 2; Luna 3; Luna 9;
        Luna 16; Luna 24; Luna 25; Luna 27; Lunokhod 1; Apollo 8; Apollo 11; Apollo 13; Apollo 17; Chang'e 3;
        Chang'e 4; Chang'e 5; Chang'e 6; Chang'e 7; Tianwen-1; Chandrayaan-2; Chandrayaan-3;
        Hope|Emirates Mars Mission; Artemis I; Artemis II; Artemis III; Voyager 1; Voyager 2; Pioneer 10;
        Mariner 4; Viking 1; Venera 7; Hayabusa2; Rosetta; Cassini; New Horizons; Juno; Perseverance;
        Curiosity; Opportunity; InSight; Ingenuity; Zhurong; Yutu-2; Mars Express; ExoMars; Beresheet; Danuri;
        Shenzhou 5; Gemini 4
    """,
    "rocket": """
        Falcon 9; Falcon Heavy; Starship; Saturn V; Space Launch System|SLS; Long March 5; Proton; Angara;
        Ariane 5; Ariane 6; Atlas V; Delta IV Heavy; Vulcan Centaur; New Glenn; Electron; H-IIA; H3; PSLV;
        GSLV; Vega; N1
    """,
    "launch-site": """
        Baikonur Cosmodrome|Baikonur; Vostochny Cosmodrome|Vostochny; Plesetsk Cosmodrome; Cape Canaveral;
        Kennedy Space Center; Vandenberg; Wenchang; Jiuquan; Xichang; Guiana Space Centre|Kourou;
        Tanegashima Space Center|Tanegashima; Satish Dhawan Space Centre|Sriharikota; Wallops
    """,
    "region": """
        Jezero Crater; Gale Crater; Utopia Planitia; Sea of Tranquility; Ocean of Storms; Shackleton crater;
        Von Kármán crater; Elysium Planitia; Olympus Mons; Valles Marineris
    """,
    "place": """
        Florida; Texas; California; Houston; Moscow; Beijing; Washington; Paris; Tokyo; Dubai; Abu Dhabi;
        Bengaluru; Pacific Ocean; Atlantic Ocean; Baja California; Siberia; Hawaii
    """,
    "person": """
        Yuri Gagarin; Valentina Tereshkova; Alexei Leonov; Neil Armstrong; Buzz Aldrin; Michael Collins;
        John Glenn; Alan Shepard; Sally Ride; Mae Jemison; Yang Liwei; Wang Yaping; Sergei Korolev;
        Wernher von Braun; Chris Hadfield; Tim Peake; Thomas Pesquet; Samantha Cristoforetti; Peggy Whitson;
        Christina Koch; Jeremy Hansen; Victor Glover; Reid Wiseman; Elon Musk; Jeff Bezos; Richard Branson;
        Yusaku Maezawa; Jim Bridenstine; Bill Nelson; Sarah Al Amiri; Hazzaa Al Mansoori; Rakesh Sharma;
        Kalpana Chawla; Katherine Johnson; Margaret Hamilton
    """,
}
"""Every known name, group by group: entries end with ``;``, a ``|`` separates other names of one thing."""

FORM_MATTERS = frozenset({"agency"})
"""Groups whose wrong choices follow the answer's form: ``NASA`` with short names, a full name with full names."""

BODIES = word_set(
    "Moon Earth Sun Mars Venus Mercury Jupiter Saturn Uranus Neptune Pluto Ceres Titan Europa Phobos Deimos"
)
"""Worlds too common in space articles to ask about on their own."""

COMMON_WORD_NAMES = word_set(
    "Hope Perseverance Curiosity Opportunity Spirit Ingenuity Discovery Endeavour Unity Harmony Destiny Genesis "
    "Dawn Phoenix Juno Orion Dragon Electron Vega Proton Angara Starship Gateway"
)
"""Names that are also English words: at the start of a sentence they count only with other evidence."""

NOT_NAMES = word_set(
    "Soviet Soviets Russian Russians Chinese American Americans Japanese European Europeans Emirati Emiratis "
    "Arab Arabic Indian Indians Canadian Canadians French German British Italian Israeli Korean Ukrainian "
    "Martian Lunar Western Eastern Northern Southern English Christmas Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday January February March April May June July August September October November "
    "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec I"
)
"""Capitalised words that are never a name on their own: nationalities, days, months."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One known thing: its names (the first is the usual one) and its group."""

    names: tuple[str, ...]
    group: str

    @property
    def tag(self) -> str:
        """The kind of fact this thing is."""
        return GROUP_TAGS[self.group]


def name_key(name: str) -> str:
    """``name`` reduced for comparing: lowercase, curly apostrophes and dashes made plain, dots dropped."""
    plain = name.replace("’", "'").replace("-", " ").replace(".", "").lower()
    return " ".join(plain.split())


ENTRIES: tuple[Entry, ...] = tuple(
    Entry(tuple(name.strip() for name in written.split("|")), group)
    for group, text in _ENTRIES.items()
    for written in text.split(";")
    if written.strip()
)
"""Every known thing, group by group, in the order written above."""

_BY_KEY: dict[str, Entry] = {}
for _entry in ENTRIES:
    for _name in _entry.names:
        _BY_KEY.setdefault(name_key(_name), _entry)

PROGRAMMES: dict[str, str] = {}
"""The first word of numbered missions and rockets (``Luna`` in ``Luna 27``) and their group."""
for _entry in ENTRIES:
    for _name in _entry.names:
        _match = re.fullmatch(r"(.+?)[ -](?:\d+[A-Z]?|[IVX]+)", _name)
        if _match and _entry.group in ("mission", "rocket", "station"):
            PROGRAMMES.setdefault(name_key(_match.group(1)), _entry.group)


def lookup(name: str) -> Entry | None:
    """The known thing called ``name``, by any of its names."""
    return _BY_KEY.get(name_key(name))


def in_group(group: str) -> tuple[Entry, ...]:
    """Every known thing of ``group``, in written order."""
    return tuple(entry for entry in ENTRIES if entry.group == group)
