"""Progress screens reached from home: past rounds with a score trend, statistics, and leaderboards."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Sparkline, Static

from lunarquiz.store.reports import Accuracy, LeaderboardEntry
from lunarquiz.ui.styled_once import StyledOnce
from lunarquiz.ui.stylesheets import add_stylesheet
from lunarquiz.ui.widgets.too_small import TooSmall

if TYPE_CHECKING:
    from lunarquiz.ui.app import LunarQuizApp

STATUS_WORDS = {"finished": "finished", "abandoned": "left early", "unfinished": "unfinished"}


def cell(value: object, style: str = "") -> Text:
    """A table cell shown literally (names and prompts come from players and banks)."""
    return Text(str(value), style=style)


def shortened(text: str, width: int = 44) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, so tables fit a small terminal."""
    return text if len(text) <= width else text[: width - 1] + "…"


def percent(fraction: float) -> str:
    """``0.756`` as ``76%``."""
    return f"{fraction:.0%}"


def seconds(value: float | None) -> str:
    """Seconds with one decimal, or a dash."""
    return "-" if value is None else f"{value:.1f}s"


class ProgressScreen(StyledOnce[None]):
    """A screen over the home screen; Escape goes back."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back")]

    app: LunarQuizApp

    title_text = ""

    def __init__(self) -> None:
        super().__init__()
        add_stylesheet(self, "progress.tcss")

    def compose(self) -> ComposeResult:
        yield TooSmall()
        with Vertical(classes="body"):
            yield Static(self.title_text, id="title", markup=False)
            yield Static(self.subtitle(), id="hint", markup=False)
            yield from self.content()
        yield Footer()

    def subtitle(self) -> Text:
        player = self.app.player
        return Text(f"Player: {player}" if player else "No player chosen yet")

    def content(self) -> ComposeResult:
        yield from ()


class HistoryScreen(ProgressScreen):
    """The player's past rounds, newest first, with the trend of their scores."""

    title_text = "History"

    def content(self) -> ComposeResult:
        rounds = self.app.store.history(player=self.app.player) if self.app.player else []
        finished = [r.score for r in rounds if r.finished and r.mode == "timed"]
        if len(finished) >= 2:
            yield Static(
                f"Score trend over {len(finished)} timed rounds: lowest {min(finished):,}, highest {max(finished):,}, "
                f"last {finished[-1]:,}",
                id="trend-label",
                markup=False,
            )
            yield Sparkline(finished, id="trend")
        if not rounds:
            yield Static("No rounds yet: play one and it shows here.", classes="empty", markup=False)
            return
        table: DataTable[Text] = DataTable(id="rounds", cursor_type="row", zebra_stripes=True)
        table.add_columns("When", "Banks", "Mode", "Score", "Right", "How it ended")
        for summary in reversed(rounds):
            table.add_row(
                cell(summary.started_at.astimezone().strftime("%Y-%m-%d %H:%M")),
                cell(", ".join(summary.banks)),
                cell(summary.mode),
                cell(f"{summary.score:,}"),
                cell(f"{summary.right}/{summary.answered} ({percent(summary.accuracy)})"),
                cell(STATUS_WORDS.get(summary.status, summary.status)),
            )
        yield table


class StatisticsScreen(ProgressScreen):
    """Accuracy and average time per bank, per tag and per question, hardest first."""

    title_text = "Statistics"

    def content(self) -> ComposeResult:
        stats = self.app.store.statistics(player=self.app.player) if self.app.player else None
        if stats is None or stats.answered == 0:
            yield Static("No answers yet: play a round and your statistics show here.", classes="empty", markup=False)
            return
        yield Static(
            f"{stats.answered} answers, {stats.right} right ({percent(stats.accuracy)}), "
            f"average time {seconds(stats.average_seconds)}",
            id="overall",
            markup=False,
        )
        with VerticalScroll(id="tables"):
            yield Static("By bank", classes="section", markup=False)
            yield self.table("banks", "Bank", stats.banks, lambda a: a.subject)
            if stats.tags:
                yield Static("By tag", classes="section", markup=False)
                yield self.table("tags", "Tag", stats.tags, lambda a: a.subject)
            yield Static("Hardest questions first", classes="section", markup=False)
            yield self.table(
                "questions",
                "Question",
                stats.questions[:30],
                lambda a: shortened(self.app.question_prompt(a.bank_id, a.subject)),
            )

    def table(
        self, table_id: str, heading: str, rows: tuple[Accuracy, ...], label: Callable[[Accuracy], str]
    ) -> DataTable[Text]:
        table: DataTable[Text] = DataTable(id=table_id, cursor_type="row", zebra_stripes=True)
        table.add_columns(heading, "Right", "Answers", "Average time")
        for row in rows:
            table.add_row(
                cell(label(row)), cell(percent(row.accuracy)), cell(row.answered), cell(seconds(row.average_seconds))
            )
        table.styles.height = len(rows) + 1
        return table


class LeaderboardScreen(ProgressScreen):
    """The player's personal bests and each bank's local leaderboard (best finished timed rounds)."""

    title_text = "Leaderboard"

    def content(self) -> ComposeResult:
        titles = {bank.id: bank.title for bank in self.app.library.banks}
        with VerticalScroll(id="tables"):
            bests = self.app.store.personal_bests(self.app.player) if self.app.player else []
            yield Static("Your personal bests", classes="section", markup=False)
            if bests:
                yield self.table("bests", bests, titles, show_banks=True)
            else:
                yield Static("None yet: finish a timed round.", classes="empty", markup=False)
            for bank in self.app.library.banks:
                entries = self.app.store.leaderboard([bank.id], limit=10)
                if entries:
                    yield Static(f"{bank.title}: top {len(entries)}", classes="section", markup=False)
                    yield self.table(f"board-{bank.id}", entries, titles, show_banks=False)
            everything = [bank.id for bank in self.app.library.banks]
            if len(everything) > 1:
                entries = self.app.store.leaderboard(everything, limit=10)
                if entries:
                    yield Static(f"All banks: top {len(entries)}", classes="section", markup=False)
                    yield self.table("board-all", entries, titles, show_banks=False)

    def table(
        self, table_id: str, entries: list[LeaderboardEntry], titles: dict[str, str], *, show_banks: bool
    ) -> DataTable[Text]:
        table: DataTable[Text] = DataTable(id=table_id, cursor_type="row", zebra_stripes=True)
        columns = ["Rank", "Player", "Score", "Right"] + (["Banks"] if show_banks else [])
        table.add_columns(*columns)
        for entry in entries:
            row = [
                cell(entry.rank),
                cell(entry.player),
                cell(f"{entry.score:,}"),
                cell(f"{entry.right}/{entry.answered}"),
            ]
            if show_banks:
                row.append(cell(", ".join(titles.get(b, b) for b in entry.banks)))
            table.add_row(*row)
        table.styles.height = len(entries) + 1
        return table
