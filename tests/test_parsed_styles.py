"""Parsed stylesheets kept between runs: read back, not parsed; the same screen; a damaged file ignored and rewritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet

from lunarquiz.banks.discovery import load_library
from lunarquiz.core.round import RoundSettings
from lunarquiz.ui.app import LunarQuizApp
from lunarquiz.ui.parsed_styles import FILE_NAME, CachedStylesheet

from .conftest import FakeClock
from .ui_helpers import NOW, SIZE, write_bank


def app_with_cache(bank: Path, clock: FakeClock, folder: Path, *, play: bool = True) -> LunarQuizApp:
    library = load_library([bank])
    return LunarQuizApp(
        library,
        player="Ana",
        clock=clock,
        now=lambda: NOW,
        seed=3,
        play=(library.banks, RoundSettings()) if play else None,
        styles_folder=folder,
    )


async def first_screen(app: LunarQuizApp) -> str:
    """The app's first screen as an SVG, once drawn and settled."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        return app.export_screenshot()


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every source Textual's own parser is asked to parse (not those read back)."""
    calls: list[object] = []
    original = Stylesheet._parse_rules

    def counting(self: Stylesheet, css: str, read_from: object, *args: object, **kwargs: object) -> object:
        if (css, read_from, *args) not in self._parse_cache and (css, read_from, False, 0, "") not in self._parse_cache:
            calls.append(read_from)
        return original(self, css, read_from, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "_parse_rules", counting)
    return calls


@pytest.mark.parametrize("play", [True, False], ids=["question", "home"])
async def test_the_second_run_reads_every_rule_back_and_draws_the_same_screen(
    tmp_path: Path, clock: FakeClock, parsed: list[object], play: bool
) -> None:
    bank, folder = write_bank(tmp_path), tmp_path / "cache"
    cold = await first_screen(app_with_cache(bank, clock, folder, play=play))
    assert (folder / FILE_NAME).exists() and parsed  # the first run parsed, and kept what it parsed
    parsed.clear()
    warm = await first_screen(app_with_cache(bank, clock, folder, play=play))
    assert parsed == []
    assert warm == cold


async def test_another_theme_is_parsed_for_itself(tmp_path: Path, clock: FakeClock, parsed: list[object]) -> None:
    """The theme's colours are part of what a source's rules are kept under."""
    bank, folder = write_bank(tmp_path), tmp_path / "cache"
    await first_screen(app_with_cache(bank, clock, folder))
    parsed.clear()
    stylesheet = CachedStylesheet(variables={"primary": "#ff0000"}, folder=folder)
    stylesheet.add_source("Static { color: $primary; }", read_from=("test.tcss", ""))
    stylesheet.parse()
    assert parsed == [("test.tcss", "")]


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # a torn write
        lambda blob: blob[:-10] + bytes(10),  # a bad disk
        lambda blob: b"something else entirely",
        lambda blob: b"",
    ],
    ids=["torn", "zeroed", "foreign", "empty"],
)
async def test_a_damaged_file_is_ignored_and_rewritten(
    tmp_path: Path, clock: FakeClock, parsed: list[object], damage: object
) -> None:
    bank, folder = write_bank(tmp_path), tmp_path / "cache"
    cold = await first_screen(app_with_cache(bank, clock, folder))
    path = folder / FILE_NAME
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    parsed.clear()
    assert await first_screen(app_with_cache(bank, clock, folder)) == cold
    assert parsed  # parsed again,
    parsed.clear()
    assert await first_screen(app_with_cache(bank, clock, folder)) == cold
    assert parsed == []  # and kept again


async def test_an_entry_that_no_longer_loads_is_parsed_again(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "cache"
    first = CachedStylesheet(variables={}, folder=folder)
    first.add_source("Static { width: 10; }", read_from=("a.tcss", ""))
    first.parse()
    first.save()
    second = CachedStylesheet(variables={}, folder=folder)
    stored = second._stored_entries()
    assert len(stored) == 1
    key = next(iter(stored))
    stored[key] = b"not a pickle"
    second.add_source("Static { width: 10; }", read_from=("a.tcss", ""))
    second.parse()
    assert [rule.css for rule in second.rules] == [rule.css for rule in first.rules]


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    stylesheet = CachedStylesheet(variables={}, folder=blocked / "cache")
    stylesheet.add_source("Static { width: 10; }", read_from=("a.tcss", ""))
    stylesheet.parse()
    stylesheet.save()
    assert len(stylesheet.rules) == 1


def test_the_file_keeps_what_other_runs_used_up_to_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lunarquiz.ui.parsed_styles as parsed_styles

    monkeypatch.setattr(parsed_styles, "MAX_ENTRIES", 3)
    folder = tmp_path / "cache"
    for name in ("a", "b", "c", "d"):
        stylesheet = CachedStylesheet(variables={}, folder=folder)
        stylesheet.add_source(f"#{name} {{ width: 10; }}", read_from=(f"{name}.tcss", ""))
        stylesheet.parse()
        stylesheet.save()
    kept = CachedStylesheet(variables={}, folder=folder)._stored_entries()
    assert len(kept) == 3  # d (this run), then what earlier runs kept, up to the limit
    last = CachedStylesheet(variables={}, folder=folder)
    last.add_source("#d { width: 10; }", read_from=("d.tcss", ""))
    assert last._key(("#d { width: 10; }", ("d.tcss", ""), False, 0, "")) in kept


def test_without_a_folder_nothing_is_kept(tmp_path: Path) -> None:
    stylesheet = CachedStylesheet(variables={}, folder=None)
    stylesheet.add_source("Static { width: 10; }", read_from=("a.tcss", ""))
    stylesheet.parse()
    stylesheet.save()
    assert list(tmp_path.iterdir()) == []
