"""``lunarquiz generate``: draft a bank of questions from an article, offline, for a teacher to edit."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

DEFAULT_MAX_QUESTIONS = 30
"""lunarquiz.generate.draft.DEFAULT_MAX_QUESTIONS, named here to keep startup light."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``generate`` to the command line."""
    parser = commands.add_parser(
        "generate",
        help="draft a bank of questions from an article",
        description=(
            "Read a plain-text or Markdown article and write a bank of draft questions on its dates, numbers, "
            "amounts of money, names and acronyms, each pointing at its line. Nothing leaves this computer. "
            "The draft repeats what the article says: check every question before anyone plays it."
        ),
    )
    parser.add_argument("article", metavar="ARTICLE", help="the article: a plain-text or Markdown file")
    parser.add_argument("-o", "--output", required=True, metavar="DRAFT", help="the bank file to write (- prints it)")
    parser.add_argument(
        "--max",
        dest="max_questions",
        type=_at_least_one,
        default=DEFAULT_MAX_QUESTIONS,
        metavar="N",
        help=f"write at most N questions (default: {DEFAULT_MAX_QUESTIONS})",
    )
    parser.add_argument(
        "--seed", type=int, default=0, metavar="N", help="pick other wrong choices (default: 0; same seed, same file)"
    )
    parser.add_argument("--id", dest="bank_id", help="the bank's id (default: from DRAFT's file name)")
    parser.add_argument("--title", help="the bank's title (default: the article's first heading)")
    parser.set_defaults(
        handler=lambda args: run_generate(
            args.article,
            args.output,
            max_questions=args.max_questions,
            seed=args.seed,
            bank_id=args.bank_id,
            title=args.title,
            out=sys.stdout,
            err=sys.stderr,
        )
    )


def _at_least_one(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def run_generate(
    article: str,
    output: str,
    *,
    max_questions: int = DEFAULT_MAX_QUESTIONS,
    seed: int = 0,
    bank_id: str | None = None,
    title: str | None = None,
    out: TextIO,
    err: TextIO,
) -> int:
    """Draft a bank from ``article`` into ``output``; 0 when it was written, 1 when nothing was."""
    from lunarquiz.banks import format as fmt
    from lunarquiz.banks.loader import check_text
    from lunarquiz.banks.writer import dump_bank
    from lunarquiz.commands.convert import STDOUT, FileProblem, read_for_conversion, write_text
    from lunarquiz.generate.draft import draft_bank, title_of

    try:
        text = read_for_conversion(article, output, bank_id=bank_id, title=title, what="the article")
    except FileProblem as failure:
        print(failure, file=err)
        return 1
    if "\x00" in text:
        print(f"{article}: error: this does not look like a text file; save the article as plain text", file=err)
        return 1
    named_by = Path(article if output == STDOUT else output)
    bank = draft_bank(
        text,
        bank_id=bank_id or fmt.make_id(named_by.stem, "draft"),
        title=(title or title_of(text) or _title_from(Path(article))).strip(),
        source=Path(article).name,
        seed=seed,
        max_questions=max_questions,
    )
    if not bank.questions:
        print(
            f"{article}: error: no question could be drafted (no dates, numbers, money, names or acronyms "
            "that the rules recognise); nothing written",
            file=err,
        )
        return 1
    yaml_text = dump_bank(bank)
    checked = check_text(output, yaml_text)
    if checked.errors:  # a bug in the generator: say so rather than write a bank that does not load
        print(f"{output}: error: the draft does not validate ({checked.errors[0].message}); nothing written", file=err)
        return 1
    try:
        write_text(output, yaml_text, out)
    except FileProblem as failure:
        print(failure, file=err)
        return 1
    kinds = Counter(question.tags[-1] for question in bank.questions)
    mix = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0])))
    count = len(bank.questions)
    print(f"wrote {output}: {count} draft question{'s' if count != 1 else ''} from {article} ({mix})", file=err)
    print("next: check each question against the article and the facts, then run lunarquiz validate", file=err)
    return 0


def _title_from(path: Path) -> str:
    """A title from a file name: ``moon-landing.txt`` -> ``Moon landing``."""
    words = " ".join(path.stem.replace("_", " ").replace("-", " ").split())
    return (words[:1].upper() + words[1:]) if words else "Draft questions"
