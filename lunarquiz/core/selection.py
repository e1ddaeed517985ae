"""Which questions a round may ask: banks narrowed by tags and difficulties."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lunarquiz.core.model import Bank, Question


def select_questions(
    banks: Sequence[Bank], *, tags: Iterable[str] = (), difficulties: Iterable[str] = ()
) -> list[Question]:
    """The questions of ``banks`` that carry any of ``tags`` and have any of ``difficulties``.

    An empty ``tags`` or ``difficulties`` does not narrow; tags match without regard to case.
    """
    wanted_tags = {tag.lower() for tag in tags}
    wanted_levels = set(difficulties)
    return [
        question
        for bank in banks
        for question in bank.questions
        if (not wanted_tags or wanted_tags.intersection(tag.lower() for tag in question.tags))
        and (not wanted_levels or question.difficulty in wanted_levels)
    ]
