"""A commented starter bank for ``lunarquiz new``: one question of each kind, every field explained."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import PurePath

from lunarquiz.banks.format import FORMAT_VERSION, make_id

_TEMPLATE = """\
# A lunarquiz question bank, format version {version}. Lines starting with # are comments.
#
# Check it:  lunarquiz validate {file}   (add --strict for advice as well)
# Play it:   lunarquiz play --bank {file}
#
# Editor help: editors with the YAML language server (VS Code's YAML extension, for one)
# complete and check the fields as you type. Save the schema next to this file with
#     lunarquiz schema > bank-schema.json
# and make this the first line of the file:
#     # yaml-language-server: $schema=bank-schema.json
#
# Text may be written plainly, but put it in "double quotes" when it holds a colon
# followed by a space, starts with [ {{ & * ! or #, or is a word like yes, no, true or false.

lunarquiz: {version}{version_pad}# the format version: always {version}
id: {bank_id}{id_pad}# the bank's id: lowercase letters, digits and dashes
title: {title}{title_pad}# shown on the home screen
description: "What this bank is about, in a sentence or two."   # optional
language: en                  # optional: the language code of the questions
source: "Where the facts come from: a book, an article, a lesson."   # optional
time_limit: 20                # optional: seconds per question, unless a question says otherwise
questions:                    # the questions; each starts with `- id:`

  # One right choice among several: `answer:` is the right one, `wrong:` lists the others.
  # The id is unique in the bank: keep it once the bank has been played, as players'
  # history and review schedule remember each question by its id.
  - id: {bank_id}-moon-orbit
    prompt: "Which planet does the Moon travel around?"   # the question as players see it
    answer: "Earth"                        # the right choice
    wrong: ["Mars", "Venus", "Jupiter"]    # the wrong choices (one or more)
    # explanation: shown after the player answers, right or wrong
    explanation: "The Moon is Earth's only natural satellite: it goes around Earth about once a month."
    difficulty: easy                       # easy, medium or hard (medium when left out)
    tags: [moon, basics]                   # topics, so players can pick what to practise
    source: "lesson 1"                     # optional: where in the source this fact is
    time_limit: 30                         # optional: seconds for this question only
    shuffle: true                          # optional: false keeps the choices in the written order
    feedback:                              # optional: a note shown when a player picks that choice
      "Mars": "Mars has two small moons of its own, Phobos and Deimos."

  # True or false: the answer is true or false (no quotes), and there is no `wrong:`.
  - id: {bank_id}-moon-light
    prompt: "True or false: the Moon shines with its own light."
    answer: false
    explanation: "Moonlight is sunlight reflected off the Moon's surface."
    difficulty: easy
    tags: [moon, light]

  # Several right choices ("select all that apply"): `answers:` lists every right one.
  # Players must pick all of them and none of the wrong ones.
  - id: {bank_id}-moon-landings
    prompt: "Which of these Apollo missions landed astronauts on the Moon? (select all that apply)"
    answers: ["Apollo 11", "Apollo 17"]
    wrong: ["Apollo 13", "Apollo 8"]
    explanation: "Apollo 11 (1969) and Apollo 17 (1972) landed. Apollo 8 went around the Moon without landing, and Apollo 13 turned back after an explosion on board."
    difficulty: medium
    tags: [moon, history]
"""

_COMMENT_COLUMN = 30
"""Where the comments of the bank's fields start."""


def bank_id_for(path: str | PurePath) -> str:
    """The bank id a file name suggests: ``My Quiz.yaml`` gives ``my-quiz``."""
    return make_id(PurePath(path).stem)


def title_for(path: str | PurePath) -> str:
    """The title a file name suggests: ``moon-phases.yaml`` gives ``Moon phases``."""
    words = " ".join(re.sub(r"[-_]+", " ", PurePath(path).stem).split())
    return (words[:1].upper() + words[1:]) if words else "My bank"


def starter_bank(path: str | PurePath) -> str:
    """The text of a starter bank to be saved at ``path``; it passes ``lunarquiz validate --strict``."""
    bank_id = bank_id_for(path)
    title = json.dumps(title_for(path), ensure_ascii=False)

    def pad(line: str) -> str:
        return " " * max(1, _COMMENT_COLUMN - len(line))

    return _TEMPLATE.format(
        version=FORMAT_VERSION,
        version_pad=pad(f"lunarquiz: {FORMAT_VERSION}"),
        file=shlex.quote(PurePath(path).name),
        bank_id=bank_id,
        id_pad=pad(f"id: {bank_id}"),
        title=title,
        title_pad=pad(f"title: {title}"),
    )
