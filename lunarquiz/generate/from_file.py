"""Draft a bank from an article, a file or pasted text, with one-line errors for an article that cannot be used."""

from __future__ import annotations

from pathlib import Path

from lunarquiz.banks import format as fmt
from lunarquiz.banks.loader import decode, read_limited
from lunarquiz.core.model import Bank
from lunarquiz.core.text import clean_text
from lunarquiz.generate.draft import draft_bank, title_of

MAX_PASTED_CHARACTERS = 200_000
"""Characters a pasted article may have (about 30,000 words, some 60 pages; drafting it takes a second or two)."""

PASTED_SOURCE = "pasted text"
"""The source a draft from pasted text names: it has no file."""


class DraftError(Exception):
    """The article cannot be read, or gives no question; the message says which, for a person."""


def draft_from_file(path: str | Path, *, seed: int = 0) -> Bank:
    """The draft bank of the article in ``path``; DraftError when there is none to make."""
    article = Path(path).expanduser()
    data, problems = read_limited(article)  # the bank size limit applies to articles too
    if data is None:
        raise DraftError(problems[0].format() if problems else f"{article}: cannot read the file")
    text, problems = decode(str(article), data)
    if text is None:
        raise DraftError(problems[0].format() if problems else f"{article}: cannot decode the file")
    if "\x00" in text:
        raise DraftError(f"{article}: this does not look like a text file; save the article as plain text")
    bank = draft_bank(
        text,
        bank_id=fmt.make_id(article.stem + "-draft", "draft"),
        title=title_of(text) or f"Draft from {article.name}",
        source=article.name,
        seed=seed,
    )
    if not bank.questions:
        raise DraftError(f"{article}: no question could be drafted from this article")
    return bank


def draft_from_text(text: str, *, seed: int = 0) -> Bank:
    """The draft bank of an article's pasted ``text``; DraftError when it is too long or gives no question.

    Nothing here names or touches a file: a game served to browsers drafts this way.
    """
    if len(text) > MAX_PASTED_CHARACTERS:
        raise DraftError(
            f"The text is {len(text):,} characters long; an article may have at most "
            f"{MAX_PASTED_CHARACTERS:,}: paste a shorter part of it."
        )
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise DraftError("Paste the text of an article first.")
    title = title_of(text)
    bank = draft_bank(
        text,
        bank_id=fmt.make_id((title or "pasted") + "-draft", "draft"),
        title=title or "Draft from pasted text",
        source=PASTED_SOURCE,
        seed=seed,
    )
    if not bank.questions:
        raise DraftError("No question could be drafted from this text: paste an article with facts, names and dates.")
    return bank
