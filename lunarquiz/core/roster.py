"""A class roster: players' names with a salted hash of each one's PIN, and the check of a name and a PIN.

A roster is written by ``lunarquiz roster new`` and read by a served game, which then lets a
player in only with their name and PIN. The roster holds no PIN in clear: each is hashed with
scrypt and a salt of its own, and a PIN is checked by hashing it again and comparing in
constant time. The text of a roster file, one player a line::

    # lunarquiz roster 1
    Ana Lopez<TAB>scrypt$16384$8$1$<salt, base64>$<hash, base64>
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from lunarquiz.core.players import BadPlayerName, player_name

HEADER = "# lunarquiz roster 1"
"""The first line of every roster file: what it is, and the version of its format."""

PIN_DIGITS = 6
"""Digits in a PIN: a million PINs, against five tries and then a wait (see ``sign_in``)."""

MAX_PLAYERS = 1000
"""Names a roster may hold: a large school year."""

SCRYPT_COST = (2**14, 8, 1)
"""scrypt's n, r and p: about 16 MB and a few tens of milliseconds a check."""

MAX_SCRYPT_N = 2**20
"""The largest n a roster may ask for (a hand-edited roster must not make a check cost gigabytes)."""

SALT_BYTES = 16


class RosterError(ValueError):
    """A roster or a names file that cannot be used; the message names the file and line and says what to do."""


def key(name: str) -> str:
    """How two spellings of a name are matched: case and runs of spaces do not count."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True, slots=True)
class PinHash:
    """A PIN hashed with scrypt and a salt of its own."""

    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    @classmethod
    def of(cls, pin: str, *, salt: bytes, cost: tuple[int, int, int] = SCRYPT_COST) -> PinHash:
        """``pin`` hashed with ``salt``."""
        n, r, p = cost
        return cls(n, r, p, salt, _scrypt(pin, salt, n, r, p))

    def matches(self, pin: str) -> bool:
        """Whether ``pin`` is the PIN hashed here (compared in constant time)."""
        return hmac.compare_digest(_scrypt(pin, self.salt, self.n, self.r, self.p), self.digest)

    def text(self) -> str:
        """The hash as it is written in a roster file."""
        salt = base64.b64encode(self.salt).decode("ascii")
        digest = base64.b64encode(self.digest).decode("ascii")
        return f"scrypt${self.n}${self.r}${self.p}${salt}${digest}"

    @classmethod
    def parse(cls, text: str) -> PinHash:
        """A hash as a roster file writes it; ValueError says what is wrong."""
        parts = text.split("$")
        if len(parts) != 6 or parts[0] != "scrypt":
            raise ValueError("the PIN hash is not 'scrypt$n$r$p$salt$hash'")
        try:
            n, r, p = (int(part) for part in parts[1:4])
            salt = base64.b64decode(parts[4], validate=True)
            digest = base64.b64decode(parts[5], validate=True)
        except (ValueError, binascii.Error):
            raise ValueError("the PIN hash has a number or a base64 part that cannot be read") from None
        if not (2 <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError("the PIN hash's scrypt cost is out of bounds")
        if len(salt) < 8 or len(digest) < 16:
            raise ValueError("the PIN hash's salt or hash is too short")
        return cls(n, r, p, salt, digest)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


@dataclass(frozen=True, slots=True)
class Roster:
    """The players who may sign in, each with the hash of their PIN."""

    players: tuple[tuple[str, PinHash], ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The players' names, in the roster's order."""
        return tuple(name for name, _ in self.players)

    def sign_in(self, name: str, pin: str) -> str | None:
        """The roster's spelling of ``name`` when ``pin`` is that player's PIN; None otherwise.

        A name that is not on the roster costs the same hash as one that is, so the time a
        check takes does not say which names are on it.
        """
        wanted = key(name)
        found = next(((known, hashed) for known, hashed in self.players if key(known) == wanted), None)
        if found is None:
            _unknown().matches(pin)
            return None
        known, hashed = found
        return known if hashed.matches(pin.strip()) else None

    def text(self) -> str:
        """The roster as a file: a header, then one player a line (name, a tab, the PIN's hash)."""
        lines = [HEADER, "# One player a line: the name, a tab, the PIN's hash. The PINs are in the handout only."]
        lines += [f"{name}\t{hashed.text()}" for name, hashed in self.players]
        return "\n".join(lines) + "\n"


@cache
def _unknown() -> PinHash:
    """A hash to check a name that is not on the roster against (the same cost as a real one)."""
    return PinHash.of("", salt=b"lunarquiz-no-such-player")


def parse_roster(text: str, source: str) -> Roster:
    """A roster from the text of the file ``source``; RosterError names the line of the first problem."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != HEADER:
        raise RosterError(
            f"{source}:1: error: this is not a lunarquiz roster (its first line is not {HEADER!r}); "
            "make one with `lunarquiz roster new NAMES.txt`"
        )
    players: list[tuple[str, PinHash]] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name_text, tab, hash_text = line.rpartition("\t")
        if not tab:
            raise RosterError(f"{source}:{number}: error: a player's line is a name, a tab, then the PIN's hash")
        try:
            name = player_name(name_text)
            hashed = PinHash.parse(hash_text.strip())
        except (BadPlayerName, ValueError) as error:
            raise RosterError(f"{source}:{number}: error: {error}") from None
        if key(name) in seen:
            raise RosterError(
                f"{source}:{number}: error: {name!r} is on the roster twice (first on line {seen[key(name)]})"
            )
        seen[key(name)] = number
        players.append((name, hashed))
        if len(players) > MAX_PLAYERS:
            raise RosterError(f"{source}:{number}: error: a roster holds at most {MAX_PLAYERS:,} players")
    if not players:
        raise RosterError(f"{source}: error: the roster names no player")
    return Roster(tuple(players))


def parse_names(text: str, source: str) -> list[str]:
    """The names in a names file: one a line; blank lines and lines starting with # are skipped."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            name = player_name(line)
        except BadPlayerName as error:
            raise RosterError(f"{source}:{number}: error: {error}") from None
        if key(name) in seen:
            raise RosterError(f"{source}:{number}: error: {name!r} is listed twice (first on line {seen[key(name)]})")
        seen[key(name)] = number
        names.append(name)
        if len(names) > MAX_PLAYERS:
            raise RosterError(f"{source}:{number}: error: a roster holds at most {MAX_PLAYERS:,} names")
    if not names:
        raise RosterError(f"{source}: error: no names found; write one name a line")
    return names


def new_pin(draw: Callable[[int], int] = secrets.randbelow) -> str:
    """A new PIN of ``PIN_DIGITS`` digits (``draw(k)`` is a random number below k: secrets by default)."""
    return f"{draw(10**PIN_DIGITS):0{PIN_DIGITS}d}"


def new_roster(
    names: Sequence[str],
    *,
    draw: Callable[[int], int] = secrets.randbelow,
    salt: Callable[[int], bytes] = secrets.token_bytes,
    cost: tuple[int, int, int] = SCRYPT_COST,
) -> tuple[Roster, list[tuple[str, str]]]:
    """A roster for ``names`` with a new PIN each, and the handout: each name with its PIN in clear."""
    handout = [(name, new_pin(draw)) for name in names]
    roster = Roster(tuple((name, PinHash.of(pin, salt=salt(SALT_BYTES), cost=cost)) for name, pin in handout))
    return roster, handout


def handout_text(handout: Sequence[tuple[str, str]]) -> str:
    """The sheet for the teacher: each player's name and PIN, to cut into slips."""
    width = max(len(name) for name, _ in handout)
    lines = ["lunarquiz: each player's name and PIN. Give each player theirs, then keep or destroy this sheet.", ""]
    lines += [f"{name:<{width}}   PIN {pin}" for name, pin in handout]
    return "\n".join(lines) + "\n"
