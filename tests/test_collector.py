"""The garbage-collection policy: off while the app starts and questions are timed, back as it was afterwards."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from lunarquiz.ui.collector import Collector

from .conftest import FakeClock
from .ui_helpers import SIZE, make_app, write_bank


@pytest.fixture(autouse=True)
def restore_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_a_round_switches_automatic_collection_off_and_freezes_what_lives_long() -> None:
    gc.enable()
    collector = Collector()
    collector.round_started()
    assert not gc.isenabled()
    assert gc.get_freeze_count() > 0
    collector.round_started()  # the next round from the results screen: still off, nothing undone
    assert not gc.isenabled()
    collector.round_ended()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_end_of_a_round_restores_a_collector_that_was_off() -> None:
    gc.disable()
    collector = Collector()
    collector.round_started()
    collector.round_ended()
    assert not gc.isenabled()


def test_feedback_collects_cycles_made_during_the_round() -> None:
    gc.enable()
    collector = Collector()
    collector.round_started()

    class Node:
        partner: object = None

    first, second = Node(), Node()
    first.partner, second.partner = second, first

    probe = weakref.ref(first)
    del first, second
    assert probe() is not None  # automatic collection is off
    collector.feedback_drawn()
    assert probe() is None
    collector.round_ended()


def test_ending_without_a_round_changes_nothing() -> None:
    gc.enable()
    Collector().round_ended()
    Collector().feedback_drawn()
    assert gc.isenabled()


def test_start_up_switches_collection_off_until_the_first_frame_then_freezes_what_it_built() -> None:
    gc.enable()
    collector = Collector()
    collector.app_starting()
    assert not gc.isenabled()
    collector.first_frame_drawn()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # the first automatic collection does not walk the start-up's objects
    collector.app_closed()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_round_started_with_the_app_keeps_collection_off_past_the_first_frame() -> None:
    """lunarquiz play: the round starts while the app does; the first frame does not end the round's pause."""
    gc.enable()
    collector = Collector()
    collector.app_starting()
    collector.round_started()
    collector.first_frame_drawn()
    assert not gc.isenabled()
    collector.round_ended()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_start_up_leaves_a_collector_that_was_off_off() -> None:
    gc.disable()
    collector = Collector()
    collector.app_starting()
    collector.first_frame_drawn()
    assert not gc.isenabled()
    collector.app_closed()
    assert not gc.isenabled()


async def test_the_app_pauses_collection_until_its_first_frame_and_restores_it_on_exit(
    tmp_path: Path, clock: FakeClock
) -> None:
    gc.enable()
    app = make_app([write_bank(tmp_path)], clock, play=False)
    states: list[bool] = []
    app.collector.first_frame_drawn = lambda original=app.collector.first_frame_drawn: (  # type: ignore[method-assign]
        states.append(gc.isenabled()),
        original(),
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert states == [False]  # off until the first frame
        assert gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_start_pause_ends_at_once_for_a_command_that_draws_no_screen(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from lunarquiz.cli import main

    seen: list[bool] = []
    import lunarquiz.commands.banks as banks_command

    original = banks_command.run_banks
    monkeypatch.setattr(banks_command, "run_banks", lambda *a, **k: (seen.append(gc.isenabled()), original(*a, **k))[1])
    gc.enable()
    assert main(["banks", "--json"]) == 0
    capsys.readouterr()
    assert seen == [True] and gc.isenabled()


async def test_an_app_takes_the_start_pause_over_and_ends_it_after_its_first_frame(
    tmp_path: Path, clock: FakeClock
) -> None:
    from lunarquiz.ui.collector import pause_for_start

    gc.enable()
    pause_for_start()  # as the command line does
    assert not gc.isenabled()
    app = make_app([write_bank(tmp_path)], clock, play=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert gc.isenabled()  # after the first frame
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_pause_nobody_took_over_ends_when_asked_and_only_then() -> None:
    from lunarquiz.ui.collector import end_start_pause, pause_for_start

    gc.disable()
    pause_for_start()  # collection was off already: nothing to end later
    end_start_pause()
    assert not gc.isenabled()
    gc.enable()
    pause_for_start()
    end_start_pause()
    end_start_pause()
    assert gc.isenabled()
