"""Draft a bank from an article file, with one-line errors for a file that cannot be used."""

from __future__ import annotations

from pathlib import Path

from lunarquiz.banks import format as fmt
from lunarquiz.banks.loader import decode, read_limited
from lunarquiz.core.model import Bank
from lunarquiz.generate.draft import draft_bank, title_of


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
